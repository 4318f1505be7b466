/**
 * The shapes of the API's answers, for the engine that builds them and the pages that read them.
 * Node-free by rule (test/engine/api-types.test.ts): every module it reaches holds types and
 * plain code only, so the pages' bundle can import it as it is.
 */
export type { DefinitionDetail, DefinitionSummary, DeployOutcome, Directory, DraftView, VersionSummary } from './definitions/definition-views';
export type { NotificationPage, NotificationView } from './supervision/notification-view';
export type { AsJson } from './records/as-json';
export type { NoticeStatus, NoticeView } from './supervision/notice-view';
export type { FigureCaseView, FigureOfCases } from './supervision/figure-case-view';
export type { ApprovalSheet, SheetField } from './cases/approval-sheet';
export type { ClockState, ClockView } from './clocks/clock-view';
export type { FieldType, FormField } from './definitions/form-spec';
export type { ServiceView } from './hall/service-view';
export type { IncidentView } from './incidents/incident-view';
export type { RatingView } from './ratings/rating-view';
export type { FiguresGroupBy, FiguresRow } from './supervision/figures-row';
export type { TaskNote } from './tasks/task-notes';
export type { Names, StaffMember, StaffPurpose } from './users/names';
export type { AlertKind, AlertLevel, AlertRecord, AlertStatus, Attachment, CaseStatus, MaterialSpec, RatingStage, RequestedMaterial, SupplementRequest, TaskRecord } from './records';
export type { AcceptanceView, CaseDetail, CaseDiagram, CaseView, CurrentStep, DeferredMaterialsView, ExternalStep, HistoryItem, OpinionView, ProgressView, SupplementRequestView } from './cases/case-view-types';
export type { OpenedTask, TaskView } from './tasks/task-view-types';
