import type jsep from 'jsep';
import { parseExpression, variableLookup, type Expression } from '../expressions';
import type { FormField } from '../records';
import { conditionOf } from './wiring/conditions';

/**
 * A model drawn without govflow's decisions or form routes on variables only a form can set
 * (`${approved}`, `= amount > 1000`, `${decision == 'reject'}`): what the conditions right after
 * a task test is offered in the inbox, so every branch can be taken from it — values compared
 * with `decision` as the task's decisions, other variables as form fields typed by their use.
 */
export interface GatewayInputs {
  decisions: string[];
  fields: FormField[];
}

interface Use {
  kind: 'boolean' | 'number' | 'enum';
  options: string[];
}

/** What the conditions on the flows leaving a task, directly or through the gateway it leads to, test. */
export function gatewayInputs(task: ModdleElement, definitions: ModdleElement): GatewayInputs {
  const uses = new Map<string, Use>();
  for (const expression of conditionsAfter(task, definitions)) {
    if (expression.language === 'juel') juelUses(expression.body, uses);
    if (expression.language === 'feel') feelUses(expression.body, uses);
  }
  const tested = uses.get('decision')?.options ?? [];
  const decisions = tested.length > 0 ? [...tested, ...defaultChoice(task, tested)] : [];
  uses.delete('decision');
  const fields = [...uses].map(([name, use]) => field(name, use));
  return { decisions, fields };
}

/**
 * Texts compared with two or more values are a choice among them, which must be made to route;
 * a text compared with one value is free text (anything else takes the other branch); a yes/no
 * box left empty is a no, as a number left empty is none.
 */
function field(name: string, use: Use): FormField {
  if (use.kind !== 'enum') return { name, label: name, type: use.kind, required: false };
  if (use.options.length < 2) return { name, label: name, type: 'string', required: false };
  return { name, label: name, type: 'enum', required: true, options: use.options };
}

/**
 * A gateway's default flow is taken when no tested decision is made: it is offered too, as its
 * name (or id), which no condition tests, so choosing it leaves the gateway to its default.
 */
function defaultChoice(task: ModdleElement, tested: string[]): string[] {
  const gateways = ((task.outgoing as ModdleElement[] | undefined) ?? []).map((flow) => flow.targetRef as ModdleElement | undefined);
  const fallback = gateways.map((gateway) => gateway?.default as ModdleElement | undefined).find(Boolean);
  const choice = fallback ? String(fallback.name ?? fallback.id) : undefined;
  return choice && !tested.includes(choice) ? [choice] : [];
}

function conditionsAfter(task: ModdleElement, definitions: ModdleElement): Expression[] {
  const leaving = (node: ModdleElement) => ((node.outgoing as ModdleElement[] | undefined) ?? []);
  const flows = leaving(task).flatMap((flow) => {
    const target = flow.targetRef as ModdleElement | undefined;
    const decides = target?.$type === 'bpmn:ExclusiveGateway' || target?.$type === 'bpmn:InclusiveGateway';
    return decides ? [flow, ...leaving(target)] : [flow];
  });
  return flows.flatMap((flow) => conditionOf(flow, definitions) ?? []);
}

function note(uses: Map<string, Use>, name: string, kind: Use['kind'], option?: string): void {
  const use = uses.get(name) ?? { kind, options: [] };
  if (kind !== 'boolean') use.kind = kind; // a comparison says more than a bare use
  if (option !== undefined && !use.options.includes(option)) use.options.push(option);
  uses.set(name, use);
}

function juelUses(template: string, uses: Map<string, Use>): void {
  for (const [, body] of template.matchAll(/[$#]\{([^}]*)\}/g)) {
    try {
      walk(parseExpression(body), uses);
    } catch {
      // deploy refuses a condition that does not parse; nothing to offer for it
    }
  }
}

/** The variable a node names: an identifier, or Camunda's `execution.getVariable('x')`. */
function variableOf(node: jsep.Expression): string | undefined {
  if (node.type === 'Identifier') return (node as jsep.Identifier).name;
  return node.type === 'CallExpression' ? variableLookup(node as jsep.CallExpression) : undefined;
}

function walk(node: jsep.Expression, uses: Map<string, Use>): void {
  const named = variableOf(node);
  if (named) return note(uses, named, 'boolean');
  if (node.type === 'UnaryExpression') return walk((node as jsep.UnaryExpression).argument, uses);
  if (node.type !== 'BinaryExpression') return;
  const { left, right } = node as jsep.BinaryExpression;
  const [name, literal] = variableOf(left) && right.type === 'Literal' ? [variableOf(left), right] : variableOf(right) && left.type === 'Literal' ? [variableOf(right), left] : [];
  if (!name || !literal) {
    walk(left, uses);
    return walk(right, uses);
  }
  const value = (literal as jsep.Literal).value;
  if (typeof value === 'string') note(uses, name, 'enum', value);
  else note(uses, name, typeof value === 'number' ? 'number' : 'boolean');
}

/** FEEL: a variable compared with a text is a choice, with a number a number, otherwise a yes/no; noted in the order written. */
function feelUses(body: string, uses: Map<string, Use>): void {
  const found: Array<{ at: number; name: string; kind: Use['kind']; option?: string }> = [];
  for (const match of body.matchAll(/\b([A-Za-z_]\w*)\s*!?=\s*"([^"]*)"/g)) found.push({ at: match.index, name: match[1], kind: 'enum', option: match[2] });
  for (const match of body.matchAll(/\b([A-Za-z_]\w*)\s*(?:[<>]=?|!?=)\s*-?\d/g)) found.push({ at: match.index, name: match[1], kind: 'number' });
  const compared = new Set(found.map((use) => use.name));
  for (const match of body.replace(/"[^"]*"/g, (text) => ' '.repeat(text.length)).matchAll(/\b([A-Za-z_]\w*)\b(?!\s*\()/g)) {
    if (!feelKeywords.has(match[1]) && !compared.has(match[1])) found.push({ at: match.index, name: match[1], kind: 'boolean' });
  }
  for (const use of found.sort((a, b) => a.at - b.at)) note(uses, use.name, use.kind, use.option);
}

const feelKeywords = new Set(['not', 'and', 'or', 'true', 'false', 'null', 'if', 'then', 'else', 'in', 'some', 'every', 'satisfies', 'for', 'return']);
