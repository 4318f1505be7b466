import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ExternalTaskClient } from '../../api/client/external-task-client';
import { runWorker } from '../../api/client/external-task-worker';
import { bpmn, startTestApi, type TestApi } from '../support/test-govflow';

/** A worker in a process of its own (the built client, as a department would run it): it locks the task, says so, and then hangs until killed. */
const lockingWorker = `
const { ExternalTaskClient } = require(${JSON.stringify(join(__dirname, '..', '..', 'dist', 'api', 'client', 'external-task-client.js'))});
const client = new ExternalTaskClient({ baseUrl: process.env.URL, clientId: process.env.CLIENT_ID, clientSecret: process.env.CLIENT_SECRET });
client.fetchAndLock({ workerId: 'doomed', topics: [{ name: 'credit-check', lockMs: 2000 }], max: 1, waitMs: 10000 }).then((tasks) => {
  process.stdout.write('locked ' + tasks.map((task) => task.id).join(',') + '\\n');
  setInterval(() => undefined, 1000);
});
`;

/**
 * A worker killed in the middle of a task (needs `npm run build`): its lock ends by itself, the
 * next worker takes the task, and the task is done exactly once.
 */
describe('a worker killed mid-task', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi();
    expect((await api.call('designer', 'POST', '/api/definitions', bpmn(join(__dirname, 'fixtures', 'credit-licensing.bpmn')))).status).toBeLessThan(300);
  });
  afterAll(async () => {
    await api?.close();
  });

  it('loses nothing: the lock expires, another worker completes the task once', async () => {
    // given a case waiting on the credit check and a bureau client
    const issued = (await api.call('admin', 'POST', '/api/clients', { clientId: 'crash-bureau', topics: ['credit-check'] })).body;
    const started = await api.call('applicant', 'POST', '/api/cases', { processKey: 'credit-licensing', title: '崩溃测试 食品经营许可', data: { companyName: '崩溃测试有限公司' } });
    const caseId = started.body.id as string;
    const accept = (await api.call('admin', 'GET', `/api/cases/${caseId}`)).body.currentSteps[0].taskId;
    expect((await api.call('clerk', 'POST', `/api/tasks/${accept}/complete`, { decision: 'accept' })).status).toBe(200);
    const taskId = (await api.call('admin', 'GET', `/api/cases/${caseId}`)).body.externalSteps[0].taskId as string;

    // when a worker process locks it and is killed with SIGKILL before it answers
    const child = spawn(process.execPath, ['-e', lockingWorker], { env: { ...process.env, URL: api.url, CLIENT_ID: issued.clientId, CLIENT_SECRET: issued.clientSecret }, stdio: ['ignore', 'pipe', 'pipe'] });
    const said = await new Promise<string>((resolve, reject) => {
      let output = '';
      child.stdout.on('data', (chunk) => (output += chunk) && output.includes('\n') && resolve(output));
      child.stderr.on('data', (chunk) => (output += chunk));
      child.on('exit', (code) => reject(new Error(`the worker exited with ${code}: ${output}`)));
    });
    expect(said).toBe(`locked ${taskId}\n`);
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    const held = (await api.call('admin', 'GET', `/api/cases/${caseId}`)).body.externalSteps[0];
    expect(held.lockedBy).toBe('crash-bureau/doomed');

    // then another worker gets it once the lock has run out, and completes it
    const controller = new AbortController();
    const survivor = runWorker({ client: new ExternalTaskClient({ baseUrl: api.url, ...issued }), workerId: 'survivor', waitMs: 1_000, signal: controller.signal, topics: { 'credit-check': { handler: async () => ({ score: 95 }) } } });
    const deadline = Date.now() + 20_000;
    while ((await api.call('admin', 'GET', `/api/cases/${caseId}`)).body.currentSteps[0]?.stepId !== 'decide') {
      if (Date.now() > deadline) throw new Error('the task was not taken over');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    controller.abort();
    await survivor;
    const actions = (await api.call('admin', 'GET', `/api/cases/${caseId}/audit`)).body.items.map((entry: { action: string; comment: string | null }) => `${entry.action} ${entry.comment ?? ''}`.trim());
    expect(actions.filter((action: string) => action.startsWith('external-task.locked'))).toEqual([expect.stringContaining('doomed'), expect.stringContaining('survivor')]);
    expect(actions.filter((action: string) => action.startsWith('external-task.completed'))).toEqual(['external-task.completed survivor']);
  });
});
