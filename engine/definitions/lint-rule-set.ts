/// <reference path="../types/vendor.d.ts" />
/// <reference path="./bpmnlint-rules.d.ts" />
import type { RuleFactory } from 'bpmnlint';
import recommended from 'bpmnlint/config/recommended';
import adHocSubProcess from 'bpmnlint/rules/ad-hoc-sub-process';
import conditionalFlows from 'bpmnlint/rules/conditional-flows';
import endEventRequired from 'bpmnlint/rules/end-event-required';
import eventBasedGateway from 'bpmnlint/rules/event-based-gateway';
import eventSubProcessTypedStartEvent from 'bpmnlint/rules/event-sub-process-typed-start-event';
import fakeJoin from 'bpmnlint/rules/fake-join';
import globalRule from 'bpmnlint/rules/global';
import labelRequired from 'bpmnlint/rules/label-required';
import linkEvent from 'bpmnlint/rules/link-event';
import noBpmndi from 'bpmnlint/rules/no-bpmndi';
import noComplexGateway from 'bpmnlint/rules/no-complex-gateway';
import noDisconnected from 'bpmnlint/rules/no-disconnected';
import noDuplicateSequenceFlows from 'bpmnlint/rules/no-duplicate-sequence-flows';
import noGatewayJoinFork from 'bpmnlint/rules/no-gateway-join-fork';
import noImplicitSplit from 'bpmnlint/rules/no-implicit-split';
import noImplicitEnd from 'bpmnlint/rules/no-implicit-end';
import noImplicitStart from 'bpmnlint/rules/no-implicit-start';
import noInclusiveGateway from 'bpmnlint/rules/no-inclusive-gateway';
import noOverlappingElements from 'bpmnlint/rules/no-overlapping-elements';
import singleBlankStartEvent from 'bpmnlint/rules/single-blank-start-event';
import singleEventDefinition from 'bpmnlint/rules/single-event-definition';
import startEventRequired from 'bpmnlint/rules/start-event-required';
import subProcessBlankStartEvent from 'bpmnlint/rules/sub-process-blank-start-event';
import superfluousGateway from 'bpmnlint/rules/superfluous-gateway';
import superfluousLabel from 'bpmnlint/rules/superfluous-label';
import superfluousTermination from 'bpmnlint/rules/superfluous-termination';
import { executableOnly } from './lint-scope';
import countersign from './lint-rules/countersign';
import callActivities from './lint-rules/call-activities';
import executableProcess from './lint-rules/executable-process';
import externalTasks from './lint-rules/external-tasks';
import formFields from './lint-rules/form-fields';
import ignoredExtensions from './lint-rules/ignored-extensions';
import initiators from './lint-rules/initiators';
import noScript from './lint-rules/no-script';
import serviceGuide from './lint-rules/service-guide';
import supportedElements from './lint-rules/supported-elements';
import timerValues from './lint-rules/timer-values';
import waitingLoops from './lint-rules/waiting-loops';
import timeLimits from './lint-rules/time-limits';
import userTaskActor from './lint-rules/user-task-actor';
import validExpressions from './lint-rules/valid-expressions';

/**
 * The lint rules deploy enforces, as one static map of rule modules: the server (lint.ts) and the
 * browser modeler (bundled by esbuild, which cannot follow a computed `require`) run the same code.
 * Keep it free of Node APIs.
 */

/** bpmnlint's recommended rules, each imported by name. */
export const recommendedRules: Record<string, RuleFactory> = {
  'ad-hoc-sub-process': adHocSubProcess,
  'conditional-flows': conditionalFlows,
  'end-event-required': endEventRequired,
  'event-based-gateway': eventBasedGateway,
  'event-sub-process-typed-start-event': eventSubProcessTypedStartEvent,
  'fake-join': fakeJoin,
  global: globalRule,
  'label-required': labelRequired,
  'link-event': linkEvent,
  'no-bpmndi': noBpmndi,
  'no-complex-gateway': noComplexGateway,
  'no-disconnected': noDisconnected,
  'no-duplicate-sequence-flows': noDuplicateSequenceFlows,
  'no-gateway-join-fork': noGatewayJoinFork,
  'no-implicit-split': noImplicitSplit,
  'no-implicit-end': noImplicitEnd,
  'no-implicit-start': noImplicitStart,
  'no-inclusive-gateway': noInclusiveGateway,
  'no-overlapping-elements': noOverlappingElements,
  'single-blank-start-event': singleBlankStartEvent,
  'single-event-definition': singleEventDefinition,
  'start-event-required': startEventRequired,
  'sub-process-blank-start-event': subProcessBlankStartEvent,
  'superfluous-gateway': superfluousGateway,
  'superfluous-label': superfluousLabel,
  'superfluous-termination': superfluousTermination,
};

/** govflow's own rules, in bpmnlint's plugin form (`govflow/<name>` in a configuration). */
export const govflowRules: Record<string, RuleFactory> = {
  'executable-process': executableProcess,
  'supported-elements': supportedElements,
  'external-tasks': externalTasks,
  'call-activities': callActivities,
  'timer-values': timerValues,
  'ignored-extensions': ignoredExtensions,
  'waiting-loops': waitingLoops,
  'user-task-actor': userTaskActor,
  'no-script': noScript,
  'valid-expressions': validExpressions,
  'time-limits': timeLimits,
  countersign,
  'form-fields': formFields,
  initiators,
  'service-guide': serviceGuide,
};

for (const name of Object.keys(recommended.rules)) {
  if (!recommendedRules[name]) throw new Error(`bpmnlint's recommended rule ${name} is missing from lint-rule-set.ts: import it there`);
}

export interface LintOptions {
  /** The operator enabled script tasks (GOVFLOW_ALLOW_SCRIPTS=1); turns the no-script rule off. */
  allowScripts: boolean;
}

/**
 * Rules that protect how a case runs refuse a model (error); rules about how a diagram reads —
 * labels, tidy gateways, a diagram at all, unused global elements — only warn, in the deploy
 * answer and the modeler, as do vendor extensions govflow ignores. README lists them.
 */
export const warningRules = [
  'global',
  'label-required',
  'superfluous-label',
  'no-bpmndi',
  'no-overlapping-elements',
  'no-gateway-join-fork',
  'no-implicit-split',
  'no-inclusive-gateway',
  'superfluous-gateway',
  'superfluous-termination',
  'fake-join',
  'govflow/ignored-extensions',
  'govflow/waiting-loops',
] as const;

/** bpmnlint's recommended rules plus govflow's, each an error unless it only warns. */
export function lintConfig(options: LintOptions): { rules: Record<string, string> } {
  const rules: Record<string, string> = {};
  const severity = (name: string) => ((warningRules as readonly string[]).includes(name) ? 'warn' : 'error');
  for (const name of Object.keys(recommended.rules)) rules[name] = severity(name);
  for (const name of Object.keys(govflowRules)) rules[`govflow/${name}`] = severity(`govflow/${name}`);
  if (options.allowScripts) rules['govflow/no-script'] = 'off';
  return { rules };
}
/**
 * The cache of bpmnlint's StaticResolver: every rule a {@link lintConfig} names, by its resolver
 * key, each looking at the executable process only (lint-scope.ts) — but executable-process,
 * which must see every process to say which one runs.
 */
export function ruleCache(): Record<string, RuleFactory> {
  const cache: Record<string, RuleFactory> = {};
  for (const [name, rule] of Object.entries(recommendedRules)) cache[`rule:bpmnlint/${name}`] = executableOnly(rule);
  for (const [name, rule] of Object.entries(govflowRules)) cache[`rule:bpmnlint-plugin-govflow/${name}`] = name === 'executable-process' ? rule : executableOnly(rule);
  return cache;
}
