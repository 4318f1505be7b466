import { Linter, type LintReport, type RuleFactory } from 'bpmnlint';
import StaticResolver from 'bpmnlint/lib/resolver/static-resolver';
import type { ProblemDetail } from '../errors';
import countersign from './lint-rules/countersign';
import executableProcess from './lint-rules/executable-process';
import formFields from './lint-rules/form-fields';
import initiators from './lint-rules/initiators';
import noScript from './lint-rules/no-script';
import timeLimits from './lint-rules/time-limits';
import userTaskActor from './lint-rules/user-task-actor';
import validExpressions from './lint-rules/valid-expressions';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const recommended = require('bpmnlint/config/recommended') as { rules: Record<string, string> };

/** govflow's own rules, in bpmnlint's plugin form so the modeler can bundle the same code. */
export const govflowRules: Record<string, RuleFactory> = {
  'executable-process': executableProcess,
  'user-task-actor': userTaskActor,
  'no-script': noScript,
  'valid-expressions': validExpressions,
  'time-limits': timeLimits,
  countersign,
  'form-fields': formFields,
  initiators,
};

export interface LintOptions {
  /** The operator enabled script tasks (GOVFLOW_ALLOW_SCRIPTS=1); turns the no-script rule off. */
  allowScripts: boolean;
}

export interface LintOutcome {
  errors: ProblemDetail[];
  warnings: ProblemDetail[];
}

/**
 * bpmnlint's recommended rules plus govflow's. `no-bpmndi` is only a warning: models generated
 * by programs and deployed through the API may carry no diagram; the modeler always adds one.
 */
export function lintConfig(options: LintOptions): { rules: Record<string, string> } {
  const rules: Record<string, string> = { ...recommended.rules, 'no-bpmndi': 'warn' };
  for (const name of Object.keys(govflowRules)) rules[`govflow/${name}`] = 'error';
  if (options.allowScripts) rules['govflow/no-script'] = 'off';
  return { rules };
}

function resolverCache(): Record<string, unknown> {
  const cache: Record<string, unknown> = {};
  for (const name of Object.keys(recommended.rules)) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    cache[`rule:bpmnlint/${name}`] = require(`bpmnlint/rules/${name}`);
  }
  for (const [name, rule] of Object.entries(govflowRules)) cache[`rule:bpmnlint-plugin-govflow/${name}`] = rule;
  return cache;
}

const resolver = new StaticResolver(resolverCache());

/** Lints a parsed model; called by deploy, which refuses the model when any error is reported. */
export async function lintDefinitions(root: ModdleElement, options: LintOptions): Promise<LintOutcome> {
  const linter = new Linter({ config: lintConfig(options), resolver });
  const results = await linter.lint(root);
  const outcome: LintOutcome = { errors: [], warnings: [] };
  for (const [rule, reports] of Object.entries(results)) {
    for (const report of reports as LintReport[]) {
      const detail = { path: report.id, message: `${rule}: ${report.message}` };
      (report.category === 'warn' || report.category === 'info' ? outcome.warnings : outcome.errors).push(detail);
    }
  }
  return outcome;
}
