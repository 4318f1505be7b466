// Types of bpmnlint's rule modules and its recommended configuration, imported one by one by
// lint-rule-set.ts so both Node and the browser bundle (which cannot follow a computed require)
// load the same rule code.

declare module 'bpmnlint/rules/*' {
  import type { RuleFactory } from 'bpmnlint';
  const rule: RuleFactory;
  export default rule;
}

declare module 'bpmnlint/config/recommended' {
  const recommended: { rules: Record<string, 'error' | 'warn' | 'info' | 'off'> };
  export default recommended;
}
