import { BSON } from 'mongodb';
import type { Govflow } from '../engine';
import type { ApprovalStepId } from './approval-steps';

/** What govflow keeps for one waiting case. */
export interface StoredStateSample {
  stepId: ApprovalStepId;
  /** The `engineState` field: bpmn-engine's state as govflow's codec stores it. */
  engineStateBytes: number;
  /** The whole case document as BSON, open tasks, variables and audit head included. */
  documentBytes: number;
}

/** A Buffer when mongoose hydrates, a BSON Binary from a lean read. */
type StoredBytes = Buffer | { length(): number };

/**
 * Reads the stored size of every case in `waiting` straight from the cases collection; called
 * by the bench entry after the timed runs, on cases GovflowPath.leaveWaiting left at each step.
 */
export async function storedStateSizes(govflow: Govflow, waiting: Map<ApprovalStepId, string[]>): Promise<StoredStateSample[]> {
  const samples: StoredStateSample[] = [];
  for (const [stepId, ids] of waiting) {
    for (const id of ids) {
      // one read per id: FerretDB v1 answers `_id: { $in }` with a full collection scan
      const record = await govflow.store.models.cases.findById(id).lean<Record<string, unknown> & { engineState: StoredBytes }>();
      if (!record) throw new Error(`stored state: case ${id} waiting at ${stepId} is missing`);
      samples.push({ stepId, engineStateBytes: byteLength(record.engineState), documentBytes: BSON.calculateObjectSize(record) });
    }
  }
  return samples;
}

function byteLength(stored: StoredBytes): number {
  return Buffer.isBuffer(stored) ? stored.length : stored.length();
}
