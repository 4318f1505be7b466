import type { Db } from 'mongodb';
import type { Logger } from 'pino';
import { insertOnce } from '../store';
import { claimsBesideRevisions } from './claims-beside-revisions';
import { departmentsOnProjections } from './departments-on-projections';
import { listKeys } from './list-keys';
import { plainSecondaryIndexes } from './plain-secondary-indexes';
import { noticeReviewKey } from './notice-review-key';
import { taskSearchKeys } from './task-search-keys';

/** One change to a database written by an earlier govflow; run once, recorded in `upgrades`. */
export interface Upgrade {
  id: string;
  /** Idempotent: an upgrade interrupted by a crash runs again from the start. */
  run(db: Db): Promise<void>;
}

/** In the order they were made; a new one goes at the end. */
const upgrades: readonly Upgrade[] = [claimsBesideRevisions, plainSecondaryIndexes, listKeys, departmentsOnProjections, taskSearchKeys, noticeReviewKey];

/**
 * Brings a database written by an earlier govflow up to this one before indexes are made:
 * called by Govflow.create on every start. A fresh database records every upgrade as done
 * without running it; each node racing on one database runs only idempotent steps.
 */
export async function upgradeStore(db: Db, log: Logger): Promise<void> {
  const done = db.collection<{ _id: string; at: Date }>('upgrades');
  const fresh = (await db.listCollections({}, { nameOnly: true }).toArray()).every((collection) => collection.name === 'upgrades');
  const applied = new Set((await done.find({}).toArray()).map((record) => record._id));
  for (const upgrade of upgrades) {
    if (applied.has(upgrade.id)) continue;
    if (!fresh) {
      log.info({ upgrade: upgrade.id }, 'upgrading the database');
      await upgrade.run(db);
    }
    await insertOnce(done, [{ _id: upgrade.id, at: new Date() }]);
  }
}
