import { lintConfig, ruleCache } from '../../../../../engine/definitions/lint-rule-set';

/** bpmnlint's resolver interface, answering rules from the bundled rule set. */
interface Resolver {
  resolveRule(pkg: string, ruleName: string): unknown;
  resolveConfig(pkg: string, configName: string): unknown;
}

/**
 * The configuration bpmn-js-bpmnlint lints with: the server's rules (bpmnlint's recommended ones
 * plus govflow's), the same rule code deploy runs. Scripts count as disabled, as on a server
 * without GOVFLOW_ALLOW_SCRIPTS: the server has the last word when a model is deployed.
 */
export function modelerLintConfig(): { config: { rules: Record<string, string> }; resolver: Resolver } {
  const cache = ruleCache();
  const resolver: Resolver = {
    resolveRule(pkg, ruleName) {
      const rule = cache[`rule:${pkg}/${ruleName}`];
      if (!rule) throw new Error(`unknown rule <${pkg}/${ruleName}>`);
      return rule;
    },
    resolveConfig(pkg, configName) {
      throw new Error(`unknown config <${pkg}/${configName}>`);
    },
  };
  return { config: lintConfig({ allowScripts: false }), resolver };
}
