/** The shape of GET /api/public/progress/{receiptNo} (engine/cases/case-view-types.ts). */
export type { ProgressView } from '../../../../engine/api-types';
