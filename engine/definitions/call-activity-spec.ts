import type { CallActivitySpec, VariableMapping } from '../records';
import { genericExtension } from './task-actors';

/** The vendor dialects whose `in`/`out` elements map a call activity's variables. */
const dialects = ['camunda', 'flowable', 'activiti'] as const;

function extensions(element: ModdleElement, type: string): Array<Record<string, unknown>> {
  const values = ((element.extensionElements as ModdleElement | undefined)?.values as Array<Record<string, unknown>> | undefined) ?? [];
  return values.filter((value) => value.$type === type);
}

/**
 * What the catalogue keeps of a call activity: the process it calls (`calledElement`, or
 * Camunda 8's `<zeebe:calledElement processId>`), the version (`camunda:calledElementVersion`
 * with binding `version`; else the newest), and the variables passed in and back.
 */
export function callActivitySpec(element: ModdleElement): CallActivitySpec {
  const id = String(element.id);
  const zeebe = genericExtension(element, 'zeebe:calledElement');
  const binding = firstAttribute(element, 'calledElementBinding');
  const version = Number(firstAttribute(element, 'calledElementVersion'));
  return {
    id,
    name: element.name ?? id,
    calledElement: String(element.calledElement ?? zeebe?.processId ?? '').trim(),
    version: binding === 'version' && Number.isInteger(version) && version > 0 ? version : null,
    inputs: mappings(element, 'in'),
    outputs: mappings(element, 'out'),
  };
}

/** The called process's id as the model writes it, for lint; empty when it names none. */
export function calledProcess(element: ModdleElement): string {
  return callActivitySpec(element).calledElement;
}

function firstAttribute(element: ModdleElement, name: string): string | undefined {
  for (const dialect of dialects) {
    const value = element.get(`${dialect}:${name}`);
    if (typeof value === 'string' && value.trim() !== '') return value.trim();
  }
  return undefined;
}

/**
 * `<camunda:in source="a" target="b"/>`, `sourceExpression="${…}"`, or `variables="all"`
 * (likewise `out`, and Flowable's and Activiti's); Camunda 8's ioMapping inputs and outputs.
 * Null passes every variable: a model that maps nothing, or says `all`.
 */
function mappings(element: ModdleElement, direction: 'in' | 'out'): VariableMapping[] | null {
  for (const dialect of dialects) {
    const items = extensions(element, `${dialect}:${direction}`);
    if (items.length === 0) continue;
    if (items.some((item) => item.variables === 'all')) return null;
    return items.map((item) => ({ name: String(item.target ?? item.source ?? ''), expression: typeof item.sourceExpression === 'string' ? item.sourceExpression : `\${${String(item.source ?? '')}}` }));
  }
  const io = (genericExtension(element, 'zeebe:ioMapping')?.$children as Array<Record<string, unknown>> | undefined)?.filter((mapping) => mapping.$type === `zeebe:${direction === 'in' ? 'input' : 'output'}`) ?? [];
  return io.length > 0 ? io.map((mapping) => ({ name: String(mapping.target ?? ''), expression: String(mapping.source ?? '') })) : null;
}
