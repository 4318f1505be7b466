export { DefinitionRegistry, type DeployOutcome } from './definition-registry';
export type { CompiledDefinition } from './compile';
export type { StepCatalogue, UserTaskSpec } from './step-catalogue';
export { lintConfig, govflowRules, type LintOptions } from './lint';
export { moddleExtensions } from './moddle';
