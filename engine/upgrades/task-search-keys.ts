import type { AnyBulkWriteOperation, Collection, Db } from 'mongodb';
import type { CaseHead, TaskRecord } from '../records';
import { openUnitsOf } from '../tasks';
import type { Upgrade } from './upgrade';

type Stored = Pick<TaskRecord, '_id' | 'caseId' | 'status' | 'candidateGroups'>;

/**
 * Before: a task projection named neither its applicant nor its department, so the inbox could
 * not be searched by applicant and a leader had no 本部门在办. Now each carries `applicant` and,
 * while open, `openUnits`; this derives them from the case heads where missing.
 */
export const taskSearchKeys: Upgrade = {
  id: '2026-12-task-search-keys',
  async run(db: Db): Promise<void> {
    const tasks = db.collection<TaskRecord>('tasks');
    const heads = db.collection<CaseHead>('cases');
    let batch: Stored[] = [];
    const flush = async () => {
      const ids = [...new Set(batch.map((task) => task.caseId))];
      const found = new Map((await heads.find({ _id: { $in: ids } }, { projection: { applicant: 1, departments: 1 } }).toArray()).map((head) => [head._id, head]));
      const writes: Array<AnyBulkWriteOperation<TaskRecord>> = batch.map((task) => {
        const head = found.get(task.caseId);
        return { updateOne: { filter: { _id: task._id }, update: { $set: { applicant: head?.applicant ?? '', openUnits: openUnitsOf(task, head?.departments ?? []) } } } };
      });
      if (writes.length > 0) await tasks.bulkWrite(writes, { ordered: false });
      batch = [];
    };
    for await (const task of (tasks as unknown as Collection<Stored>).find({ openUnits: { $exists: false } } as never, { projection: { caseId: 1, status: 1, candidateGroups: 1 } })) {
      batch.push(task);
      if (batch.length === 500) await flush();
    }
    await flush();
  },
};
