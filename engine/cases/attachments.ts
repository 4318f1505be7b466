import type { Attachment, CaseRecord } from '../records';

/** An attachment as a client references it; govflow numbers it and adds who and when. */
export type NewAttachment = Omit<Attachment, 'id' | 'stepId' | 'taskId' | 'addedBy' | 'addedAt'>;

/** The case's attachments with `added` appended, numbered on from the last. */
export function withAttachments(
  existing: Attachment[],
  added: NewAttachment[] | undefined,
  source: { stepId: string | null; taskId: string | null; by: string; at: Date },
): CaseRecord['attachments'] {
  const numbered = (added ?? []).map((attachment, index) => ({
    ...attachment,
    id: `A${existing.length + index + 1}`,
    stepId: source.stepId,
    taskId: source.taskId,
    addedBy: source.by,
    addedAt: source.at,
  }));
  return [...existing, ...numbered];
}
