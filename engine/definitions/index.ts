export { DefinitionRegistry, type DeployOutcome } from './definition-registry';
export { passRuleToken, signersToken, type CompiledDefinition } from './compile';
export { conditionInToken } from './wiring/conditions';
export { supplementMessage, type CountersignSpec, type DiscretionRange, type StepCatalogue, type UserTaskSpec } from './step-catalogue';
export type { FormField, FieldType } from './form-spec';
export { lintConfig, govflowRules, type LintOptions } from './lint';
export { moddleExtensions } from './moddle';
