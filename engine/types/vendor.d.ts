// Type declarations for the parts of untyped packages that govflow calls.

/** A node of a parsed BPMN model, as bpmn-moddle builds it. */
interface ModdleElement {
  $type: string;
  $parent?: ModdleElement;
  id?: string;
  name?: string;
  get(property: string): unknown;
  set(property: string, value: unknown): void;
  [property: string]: unknown;
}

declare module 'bpmn-moddle' {
  export interface ParseResult {
    rootElement: ModdleElement;
    references: unknown[];
    warnings: Array<{ message: string; element?: ModdleElement }>;
    elementsById: Record<string, ModdleElement>;
  }
  export class BpmnModdle {
    constructor(packages?: Record<string, unknown>);
    fromXML(xml: string, typeName?: string): Promise<ParseResult>;
    toXML(element: ModdleElement, options?: { format?: boolean }): Promise<{ xml: string }>;
  }
}

declare module 'bpmnlint' {
  export type Reporter = { report(id: string, message: string): void };
  export type RuleDefinition = { check(node: ModdleElement, reporter: Reporter): void };
  export type RuleFactory = (options?: unknown) => RuleDefinition;
  export interface LintReport {
    id: string;
    message: string;
    category: 'error' | 'warn' | 'info' | 'rule-error';
  }
  export class Linter {
    constructor(options: { config: unknown; resolver: unknown });
    lint(root: ModdleElement): Promise<Record<string, LintReport[]>>;
  }
}

declare module 'bpmnlint/lib/resolver/static-resolver' {
  export default class StaticResolver {
    constructor(cache: Record<string, unknown>);
  }
}

declare module 'bpmnlint-utils' {
  export function is(node: ModdleElement, type: string): boolean;
  export function isAny(node: ModdleElement, types: string[]): boolean;
}

declare module 'saxen' {
  type Decode = (text: string) => string;
  export class Parser {
    constructor(options?: { proxy?: boolean });
    on(event: 'openTag', handler: (name: string, attributes: () => Record<string, string>, decode: Decode, selfClosing: boolean) => void): this;
    on(event: 'closeTag', handler: (name: string, decode: Decode, selfClosing: boolean) => void): this;
    on(event: 'text', handler: (text: string, decode: Decode) => void): this;
    on(event: 'cdata', handler: (text: string) => void): this;
    on(event: 'error' | 'warn', handler: (error: Error) => void): this;
    parse(xml: string): void;
    stop(): void;
  }
}
