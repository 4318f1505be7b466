/// <reference path="../types/vendor.d.ts" />
import type { Reporter, RuleFactory } from 'bpmnlint';
import { processOf } from './moddle';

type Visit = (node: ModdleElement, reporter: Reporter) => unknown;
type Check = Visit | { enter?: Visit; leave?: Visit };

/**
 * govflow runs the executable process of a model only; the other pools of a collaboration
 * (the applicant's, another bureau's) are drawn for the reader. A rule wrapped here does not
 * look at elements of a non-executable process while the model has an executable one, so a
 * sketched pool neither refuses the model nor is checked as if it ran. Kept free of Node APIs:
 * the modeler's live lint runs the same rules.
 */
export function executableOnly(rule: RuleFactory): RuleFactory {
  return (options) => {
    const check = rule(options).check as Check;
    const guard = (visit: Visit | undefined): Visit | undefined => visit && ((node, reporter) => (inIdlePool(node) ? false : visit(node, reporter)));
    const scoped: Check = typeof check === 'function' ? (guard(check) as Visit) : { enter: guard(check.enter), leave: guard(check.leave) };
    return { check: scoped as Visit } as ReturnType<RuleFactory>;
  };
}

/** Whether `node` lies in (or is) a process that is not executable, in a model that has one that is. */
function inIdlePool(node: ModdleElement): boolean {
  const process = processOf(node);
  if (!process || process.isExecutable === true) return false;
  const roots = (process.$parent?.rootElements as ModdleElement[] | undefined) ?? [];
  return roots.some((root) => root.$type === 'bpmn:Process' && root.isExecutable === true);
}
