/** The shapes of GET /api/cases/{id} and GET /api/cases/{id}/diagram (engine/cases/case-views.ts, engine/govflow.ts). */
import type { AsJson, CaseDiagram, CaseView as EngineCaseView, CurrentStep, HistoryItem, RatingStage, RatingView, RequestedMaterial, SupplementRequestView } from '../../../../engine/api-types';
import type { Names } from '../../shared/names';

export type { RatingStage, RatingView, RequestedMaterial };

/** A 补正 asked of the applicant (一次性告知); who asked is left out of the applicant's view. */
export type SupplementRequest = SupplementRequestView;
export type { CurrentStep, HistoryItem };

/** A case as the pages read it: the answer of GET /api/cases/{id} (the lists leave out its process's name). */
export type CaseView = AsJson<EngineCaseView> & { names: Names; processName?: string };

export type { CaseDiagram };
