export { CaseService } from './case-service';
export type { CaseDiagram } from '../cases/case-view-types';
export { TaskService, type OpenedTask } from './task-service';
export { SupervisionService, type AlertView } from './supervision-service';
export { DefinitionService } from './definition-service';
export type { DefinitionDetail, DefinitionSummary, Directory, VersionSummary } from '../definitions/definition-views';
export { TemplateService, type AdoptionRequest, type AdoptionView, type TemplateView } from './template-service';
