import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Govflow, createLogger, systemActor } from '../../engine';
import { importSqliteStore } from '../../cli/import-sqlite';
import { projectRoot, startSqliteStore } from '../../scripts/services';
import { applicant, clerk } from '../support/engine-fixture';
import { bpmn } from '../support/test-govflow';

/**
 * An installation that ran the embedded store of an earlier govflow (FerretDB on SQLite) brings
 * its cases over to the store govflow uses now, with nothing lost: the open task is in the
 * inbox, the audit chain verifies, the copy can run twice, and the SQLite files are moved aside.
 */
describe('govflow store import-sqlite', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'govflow-import-'));
  const folder = join(dataDir, 'ferretdb');
  const database = `imported_${randomBytes(4).toString('hex')}`;
  let caseId: string;

  const open = (mongodbUri: string) => Govflow.create({ mongodbUri, redisUrl: process.env.REDIS_URL!, dbName: database, queuePrefix: database, logger: createLogger('test', 2) });

  beforeAll(async () => {
    mkdirSync(folder);
    const old = await startSqliteStore(projectRoot, folder, dataDir);
    const earlier = await open(old.uri);
    try {
      await earlier.definitions.deploy(bpmn('general-approval.bpmn'), systemActor);
      const { result } = await earlier.cases.start({ processKey: 'general-approval', title: '旧库的案件', data: {} }, applicant);
      await earlier.tasks.complete((await earlier.cases.get(result.id, clerk)).currentSteps[0].taskId!, { decision: 'accept' }, clerk);
      caseId = result.id;
    } finally {
      await earlier.close();
      await old.process.stop();
    }
  }, 60_000);

  it('copies every case over, open tasks and audit chains intact, and says so when nothing is left to import', async () => {
    const options = { projectRoot, folder, dataDir, targetUri: process.env.MONGODB_URI!, database };
    const counts = await importSqliteStore(options);
    expect(counts.cases).toEqual({ read: 1, inserted: 1 });
    expect(counts.case_revisions.inserted).toBeGreaterThanOrEqual(2);
    expect(readdirSync(folder).some((name) => name.endsWith('.sqlite'))).toBe(false);
    expect(existsSync(join(dataDir, 'sqlite-imported', `${database}.sqlite`))).toBe(true);

    const govflow = await open(process.env.MONGODB_URI!);
    try {
      expect((await govflow.tasks.list(clerk, 'claimable')).items.map((task) => `${task.caseId} ${task.stepId}`)).toEqual([`${caseId} review`]);
      expect(await govflow.cases.verifyAudit(caseId)).toEqual({ ok: true, entries: 2 });
      await expect(importSqliteStore(options)).rejects.toThrow(/holds no SQLite database/);
    } finally {
      await govflow.store.connection.dropDatabase();
      await govflow.close();
    }
  });
});
