import { randomBytes } from 'node:crypto';
import { systemActor, type Actor, type Govflow } from '../../engine';
import { revisionId } from '../../engine/store/case-ledger';
import type { RevisionClaim } from '../../engine/records';
import { freePort } from '../../scripts/services/free-port';
import { startServerProcess, type ServerProcess } from '../support/server-process';
import { bpmn, createTestGovflow, passwordOf } from '../support/test-govflow';

/**
 * A burst of completions against a separately started server, killed with SIGKILL mid-burst,
 * then restarted: every completion that was answered 2xx is in effect, no task is open twice
 * or lost, and every audit chain verifies.
 */
describe('a server killed mid-burst', () => {
  const caseCount = 60;
  const dbName = `crash_${randomBytes(4).toString('hex')}`;
  const env = {
    MONGODB_URI: `${process.env.MONGODB_URI}${dbName}`,
    REDIS_URL: String(process.env.REDIS_URL),
    GOVFLOW_JWT_SECRET: String(process.env.GOVFLOW_JWT_SECRET),
  };
  const applicant: Actor = { username: 'applicant', roles: ['applicant'], department: null, groups: [] };
  let govflow: Govflow;
  let server: ServerProcess | undefined;

  beforeAll(async () => {
    govflow = await createTestGovflow({ dbName });
    await govflow.users.add({ username: 'clerk', password: passwordOf('clerk'), roles: ['clerk'], department: 'market-bureau', groups: ['window@market-bureau'] });
    await govflow.definitions.deploy(bpmn('general-approval.bpmn'), systemActor);
  });
  afterAll(async () => {
    await server?.kill();
    await govflow.store.connection.dropDatabase();
    await govflow.close();
  });

  it('loses no acknowledged completion and leaves every case consistent', async () => {
    // given waiting cases and a server in its own process
    const taskIds: string[] = [];
    for (let i = 0; i < caseCount; i++) {
      const { result } = await govflow.cases.start({ processKey: 'general-approval', title: `crash ${i}`, data: {} }, applicant);
      const record = await govflow.store.models.cases.findById(result.id).lean();
      taskIds.push(record!.openTasks[0].id);
    }
    const port = await freePort();
    server = await startServerProcess(port, env);
    const token = (await (await post(server.url, '/api/auth/token', undefined, { username: 'clerk', password: passwordOf('clerk') })).json()).token as string;

    // when completions stream in, eight at a time, and the server is killed after the 20th answer
    const acknowledged = new Set<string>();
    let answered = 0;
    const running = server;
    const queue = [...taskIds];
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        for (let taskId = queue.shift(); taskId; taskId = queue.shift()) {
          const response = await post(running.url, `/api/tasks/${taskId}/complete`, token, { decision: 'accept' }).catch(() => undefined);
          if (response?.ok) acknowledged.add(taskId);
          if (++answered === 20) await running.kill('SIGKILL');
        }
      }),
    );
    expect(acknowledged.size).toBeGreaterThanOrEqual(10);
    expect(acknowledged.size).toBeLessThan(caseCount);

    // and a new server starts on the same store
    server = await startServerProcess(port, env);

    // then every acknowledged completion is in effect
    const { models } = govflow.store;
    for (const taskId of acknowledged) {
      const task = await models.tasks.findById(taskId).lean();
      expect(`${taskId} ${task?.status} by ${task?.completedBy}`).toBe(`${taskId} completed by clerk`);
    }
    // and each case's open tasks match its inbox projection exactly, with no outbox left behind
    const cases = await models.cases.find({ title: /^crash / }).lean();
    expect(cases).toHaveLength(caseCount);
    for (const record of cases) {
      // a claim may outlive the crash only if its revision was never written (cleared on next use)
      for (const claim of await models.caseRevisions.find({ caseId: record._id, claim: true }).lean<RevisionClaim[]>()) {
        expect(await models.caseRevisions.exists({ _id: revisionId(claim.caseId, claim.rev) })).toBeNull();
      }
      const open = await models.tasks.find({ caseId: record._id, status: 'open' }).lean();
      expect(open.map((task) => task._id).sort()).toEqual(record.openTasks.map((task) => task.id).sort());
      expect(record.openTasks).toHaveLength(1);
      const verdict = await govflow.auditLog.verify(record._id);
      expect(verdict).toEqual({ ok: true, entries: record.auditHead.seq });
    }
    // and the completions the crash swallowed can be retried: done once, never twice
    for (const taskId of taskIds.filter((id) => !acknowledged.has(id))) {
      const retry = await post(server.url, `/api/tasks/${taskId}/complete`, token, { decision: 'accept' });
      expect([200, 409]).toContain(retry.status);
    }
    expect(await models.tasks.countDocuments({ stepId: 'accept', status: 'completed', caseId: { $in: cases.map((record) => record._id) } })).toBe(caseCount);
    expect(await models.audit.countDocuments({ action: 'task.completed' })).toBe(caseCount);
    // the server deletes the claims of applied outboxes just after it answers
    for (let wait = 0; wait < 50 && (await models.caseRevisions.countDocuments({ claim: true })) > 0; wait++) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await models.caseRevisions.countDocuments({ claim: true })).toBe(0);
  });
});

function post(url: string, path: string, token: string | undefined, body: unknown): Promise<Response> {
  return fetch(`${url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
}
