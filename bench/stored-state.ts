import { BSON } from 'mongodb';
import type { Govflow } from '../engine';
import type { ApprovalStepId } from './approval-steps';

/** What govflow keeps for one waiting case. */
export interface StoredStateSample {
  stepId: ApprovalStepId;
  /** The newest revision's `engineState`: bpmn-engine's state as govflow's codec stores it, what a command recovers. */
  engineStateBytes: number;
  /** Everything the case has in the store besides tasks and audit: every revision plus the head document, as BSON. */
  caseBytes: number;
}

/** A Buffer when mongoose hydrates, a BSON Binary from a lean read. */
type StoredBytes = Buffer | { length(): number };

/**
 * Reads the stored size of every case in `waiting` straight from the collections; called by the
 * bench entry after the timed runs, on cases GovflowPath.leaveWaiting left at each step. Each
 * command appends an immutable revision (engine/store/case-ledger), so a case waiting at a later
 * step holds more revisions: `caseBytes` grows by step while the state itself stays flat.
 */
export async function storedStateSizes(govflow: Govflow, waiting: Map<ApprovalStepId, string[]>): Promise<StoredStateSample[]> {
  const samples: StoredStateSample[] = [];
  for (const [stepId, ids] of waiting) {
    for (const caseId of ids) {
      const { newest, bytes } = await storedCase(govflow, caseId);
      samples.push({ stepId, engineStateBytes: byteLength(newest.engineState), caseBytes: bytes });
    }
  }
  return samples;
}

/** The stored bytes of each ended case: its newest revision whole, the earlier ones pruned to stubs, and the head. */
export async function endedCaseSizes(govflow: Govflow, caseIds: string[]): Promise<number[]> {
  const sizes: number[] = [];
  for (const caseId of caseIds) sizes.push((await storedCase(govflow, caseId)).bytes);
  return sizes;
}

/** A case's revisions and head as BSON; the claims beside them are gone once their outboxes are applied. */
async function storedCase(govflow: Govflow, caseId: string): Promise<{ newest: { engineState: StoredBytes }; bytes: number }> {
  await govflow.executor.settled();
  const { models } = govflow.store;
  const revisions = await models.caseRevisions.find({ caseId }).sort({ rev: -1 }).lean<Array<Record<string, unknown> & { engineState: StoredBytes }>>();
  const head = await models.cases.findById(caseId).lean<Record<string, unknown>>();
  if (revisions.length === 0 || !head) throw new Error(`stored state: case ${caseId} is missing`);
  return { newest: revisions[0], bytes: [head, ...revisions].reduce((total, document) => total + BSON.calculateObjectSize(document), 0) };
}

function byteLength(stored: StoredBytes): number {
  return Buffer.isBuffer(stored) ? stored.length : stored.length();
}
