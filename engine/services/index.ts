export { CaseService, type CaseDiagram } from './case-service';
export { TaskService, type OpenedTask } from './task-service';
export { SupervisionService, type AlertView } from './supervision-service';
export { DefinitionService, type DefinitionDetail, type DefinitionSummary, type Directory } from './definition-service';
export { TemplateService, type AdoptionRequest, type AdoptionView, type TemplateView } from './template-service';
