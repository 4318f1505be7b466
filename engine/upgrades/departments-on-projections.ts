import type { AnyBulkWriteOperation, Collection, Db } from 'mongodb';
import type { CaseHead } from '../records';
import type { Upgrade } from './upgrade';

type Projected = { _id: string; caseId: string | null; departments?: string[] };

/**
 * Before: the incident board and the external-task list were one list for everyone who watches
 * them. Now each entry carries its case's departments, so a district's office lists its own;
 * this copies them from the case heads where missing (a failed start has no case and keeps none).
 */
export const departmentsOnProjections: Upgrade = {
  id: '2026-12-departments-on-projections',
  async run(db: Db): Promise<void> {
    const heads = db.collection<CaseHead>('cases');
    for (const name of ['incidents', 'external_tasks']) await copyDepartments(db.collection<Projected>(name), heads);
  },
};

async function copyDepartments(collection: Collection<Projected>, heads: Collection<CaseHead>): Promise<void> {
  let batch: Projected[] = [];
  const flush = async () => {
    const ids = [...new Set(batch.map((document) => document.caseId as string))];
    const found = new Map((await heads.find({ _id: { $in: ids } }, { projection: { departments: 1 } }).toArray()).map((head) => [head._id, head.departments ?? []]));
    const writes: Array<AnyBulkWriteOperation<Projected>> = batch.map((document) => ({ updateOne: { filter: { _id: document._id }, update: { $set: { departments: found.get(document.caseId as string) ?? [] } } } }));
    if (writes.length > 0) await collection.bulkWrite(writes, { ordered: false });
    batch = [];
  };
  for await (const document of collection.find({ departments: { $exists: false }, caseId: { $ne: null } }, { projection: { caseId: 1 } })) {
    batch.push(document);
    if (batch.length === 500) await flush();
  }
  await flush();
}
