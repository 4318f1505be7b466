/**
 * The shapes of the API's answers, for the engine that builds them and the pages that read them.
 * Node-free by rule (test/engine/api-types.test.ts): every module it reaches holds types and
 * plain code only, so the pages' bundle can import it as it is.
 */
export type { DefinitionDetail, DefinitionSummary, Directory, VersionSummary } from './definitions/definition-views';
export type { AsJson } from './records/as-json';
export type { NoticeStatus, NoticeView } from './supervision/notice-view';
export type { FigureCaseView, FigureOfCases } from './supervision/figure-case-view';
