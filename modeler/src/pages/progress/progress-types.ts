/** The shape of GET /api/public/progress/{receiptNo} (engine/cases/case-views.ts). */
import type { CaseStatus } from '../inbox/inbox-types';

export interface ProgressView {
  receiptNo: string;
  status: CaseStatus;
  currentSteps: string[];
  awaiting: string[];
  opinions: Array<{ stepId: string; stepName: string; decision: string | null; text: string | null; at: string }>;
  dueDate: string | null;
  outcome: string[];
  acceptance: { kind: 'accepted' | 'deemed'; at: string } | null;
  createdAt: string;
  updatedAt: string;
  endedAt: string | null;
}
