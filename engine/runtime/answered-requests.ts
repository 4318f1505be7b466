import { ConflictError } from '../errors';
import type { AnsweredRequest, CaseRecord } from '../records';
import type { RequestKey } from './request-key';

/** How many keyed requests a case remembers; a retry comes within minutes, long before this many others. */
const remembered = 20;

/**
 * The answer a case recorded for this key and command, when the request is a retry of one it
 * took already; a reuse of the key for a different request is refused.
 */
export function answeredBefore(record: CaseRecord, command: string, key: RequestKey): { result: unknown } | undefined {
  const answered = record.answered?.find((entry) => entry.id === key.id && entry.command === command);
  if (!answered) return undefined;
  if (answered.fingerprint !== key.fingerprint) throw new ConflictError('this Idempotency-Key was used for a different request; use a new key for a new request');
  return { result: answered.result };
}

/** The next case remembering the answer to this keyed request, in the same revision as its effect. */
export function rememberAnswer(next: CaseRecord, command: string, key: RequestKey, result: unknown, at: Date): CaseRecord {
  const entry: AnsweredRequest = { id: key.id, command, fingerprint: key.fingerprint, result: result ?? null, at };
  return { ...next, answered: [...(next.answered ?? []), entry].slice(-remembered) };
}
