/** Messages between cases and systems: each one thrown by a case, or sent through the API with an Idempotency-Key, and what became of it. */

export type MessageStatus = 'pending' | 'delivered' | 'undelivered';

/** One message: what it says, who sent it, and where it went — kept so a retry answers the same and nothing is delivered twice. */
export interface MessageRecord {
  /** A thrown message: `caseId~rev~index` of the revision that threw it; an API message: its sender's Idempotency-Key, hashed. */
  _id: string;
  name: string;
  businessKey: string | null;
  correlationKeys: Record<string, unknown>;
  variables: Record<string, unknown>;
  /** The case and step that threw it; null for one sent through the API. */
  from: { caseId: string; receiptNo: string; processKey: string; stepId: string } | null;
  sentBy: string;
  sentAt: Date;
  status: MessageStatus;
  /** The cases it reached: the one it was delivered to, or those it started. */
  deliveredTo: string[];
  /** Why it reached nothing, when it did not. */
  reason: string | null;
  /** The answer given for it, for a retry with the same Idempotency-Key. */
  outcome: unknown;
  settledAt: Date | null;
}
