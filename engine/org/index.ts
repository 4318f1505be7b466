export { OrgDirectory, jurisdictionOfActor, type ImportPlan } from './org-directory';
export { OrgTree, covers, jurisdictionFilter, type Jurisdiction, type UnitView } from './org-tree';
export { unitKinds, unitCodePattern, type UnitInput } from './unit-rules';
export { ProcessOwnership } from './process-ownership';
export { parseUnitFile } from './unit-file';
export { migrateFlatDepartments, type MigrationPlan } from './flat-migration';
export { demoUnits } from './demo-units';
