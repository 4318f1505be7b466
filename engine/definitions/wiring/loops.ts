import type { ParseResult } from 'bpmn-moddle';
import { hasTemplate } from '../../expressions';
import type { StepCatalogue } from '../../records';
import { firstDialectAttribute, genericExtension } from '../task-actors';

/** The loop collection of a countersign: its signers, read by the engine's expression hook. */
export const signersToken = 'govflow:signers';
/** The completion condition of a countersign: its pass rule decided, read by the engine's expression hook. */
export const passRuleToken = 'govflow:pass-rule';
/** The loop variable of a countersign's instances. */
export const signerVariable = 'signer';

/**
 * A countersign's instances are its signers and it completes when its pass rule is decided:
 * govflow's attributes become the loop's collection and completion condition, which the
 * engine's expression hook answers (runtime/case-engine).
 */
export function wireCountersigns(parsed: ParseResult, catalogue: StepCatalogue): void {
  for (const [id, spec] of Object.entries(catalogue.userTasks)) {
    const loop = spec.countersign ? loopOf(parsed.elementsById[id]) : undefined;
    if (!loop) continue;
    loop.collection = signersToken;
    loop.elementVariable = signerVariable;
    loop.completionCondition = { body: passRuleToken };
  }
}

/**
 * Camunda, Flowable and Activiti put a multi-instance's collection and loop variable in their
 * own attributes (`camunda:collection="reviewers"` or `"${reviewers}"`), Camunda 8 in a
 * `<zeebe:loopCharacteristics inputCollection="= reviewers" inputElement="reviewer">`; bpmn-elements
 * reads neither: they become the loop's own collection and element variable.
 */
export function wireVendorLoops(parsed: ParseResult): void {
  for (const element of Object.values(parsed.elementsById)) {
    const loop = loopOf(element);
    if (loop?.$type !== 'bpmn:MultiInstanceLoopCharacteristics' || loop.collection) continue;
    const collection = vendorCollection(loop);
    if (collection) loop.collection = collection;
    const variable = vendorLoopVariable(loop);
    if (variable && !loop.elementVariable) loop.elementVariable = variable;
  }
}

/** A multi-instance's vendor collection as an expression (a bare variable name is that variable). */
export function vendorCollection(loop: ModdleElement): string | undefined {
  const zeebe = genericExtension(loop, 'zeebe:loopCharacteristics')?.inputCollection;
  const collection = firstDialectAttribute(loop, 'collection') ?? (typeof zeebe === 'string' && zeebe.trim() !== '' ? zeebe.trim() : undefined);
  if (!collection) return undefined;
  return hasTemplate(collection) || collection.startsWith('=') ? collection : `\${${collection}}`;
}

/** The name a multi-instance's vendor markup gives each instance's item. */
export function vendorLoopVariable(loop: ModdleElement): string | undefined {
  const zeebe = genericExtension(loop, 'zeebe:loopCharacteristics')?.inputElement;
  return firstDialectAttribute(loop, 'elementVariable') ?? (typeof zeebe === 'string' && zeebe.trim() !== '' ? zeebe.trim() : undefined);
}

function loopOf(element: ModdleElement | undefined): ModdleElement | undefined {
  return element?.loopCharacteristics as ModdleElement | undefined;
}
