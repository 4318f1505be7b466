import { Linter, type LintReport } from 'bpmnlint';
import StaticResolver from 'bpmnlint/lib/resolver/static-resolver';
import type { ProblemDetail } from '../errors';
import { lintConfig, ruleCache, type LintOptions } from './lint-rule-set';

export { govflowRules, lintConfig, type LintOptions } from './lint-rule-set';

export interface LintOutcome {
  errors: ProblemDetail[];
  warnings: ProblemDetail[];
}

const resolver = new StaticResolver(ruleCache());

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
