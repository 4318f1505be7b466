export { CaseService, type CaseDiagram } from './case-service';
export { TaskService, type OpenedTask } from './task-service';
export { SupervisionService, type AlertView } from './supervision-service';
export { DefinitionService } from './definition-service';
export type { DefinitionDetail, DefinitionSummary, Directory, VersionSummary } from '../definitions/definition-views';
export { TemplateService, type AdoptionRequest, type AdoptionView, type TemplateView } from './template-service';
