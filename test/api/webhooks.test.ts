import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DeadlineWorker } from '../../engine';
import { freePort } from '../support/identity-provider';
import { startTestApi, type TestApi } from '../support/test-govflow';

/** What the receiver was sent, and what it answered. */
interface Received {
  headers: IncomingHttpHeaders;
  body: string;
  answered: number;
}

/** A real HTTP receiver on loopback (an SMS gateway as far as govflow can tell): it answers each request with the next status of `answers`, then 200. */
async function startReceiver(answers: number[]): Promise<{ url: string; received: Received[]; close(): Promise<void> }> {
  const received: Received[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const answered = answers.shift() ?? 200;
      received.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8'), answered });
      response.writeHead(answered).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/sms`, received, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** Waits, a bounded while, for `check` to hold. */
async function eventually<T>(read: () => Promise<T>, check: (value: T) => boolean, what: string): Promise<T> {
  for (let round = 0; round < 150; round++) {
    const value = await read();
    if (check(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/**
 * Notifications going out through webhooks: the outbox hands each notification to a durable job,
 * which POSTs it to every webhook hearing its kind, HMAC-signed, tried again with back-off while
 * the subscriber fails, and listed as failed once the attempts run out.
 */
describe('webhooks: notifications out to a real HTTP receiver', () => {
  let api: TestApi;
  let worker: DeadlineWorker;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;

  beforeAll(async () => {
    api = await startTestApi({ webhookRetry: { attempts: 3, delayMs: 200 } });
    worker = DeadlineWorker.start(api.govflow);
    // the gateway is down for the first two tries
    receiver = await startReceiver([503, 503]);
  });
  afterAll(async () => {
    await worker?.close();
    await receiver?.close();
    await api?.close();
  });

  async function decidedCase(title: string): Promise<string> {
    const started = await api.call('applicant', 'POST', '/api/cases', { processKey: 'general-approval', title, data: {} });
    for (const [user, decision] of [['clerk', 'accept'], ['clerk', 'pass'], ['leader', 'grant']]) {
      const task = (await api.call('supervisor', 'GET', `/api/cases/${started.body.id}`)).body.currentSteps[0].taskId;
      expect((await api.call(user, 'POST', `/api/tasks/${task}/complete`, { decision })).status).toBe(200);
    }
    return started.body.id;
  }

  it('refuses a webhook that is not one, to administrators only', async () => {
    for (const [body, path] of [
      [{ name: '短信', url: 'ftp://127.0.0.1/sms', events: ['case.decided'] }, 'url'],
      [{ name: '短信', url: 'http://user:secret@127.0.0.1/sms', events: ['case.decided'] }, 'url'],
      [{ name: '短信', url: 'not a url', events: ['case.decided'] }, 'url'],
      [{ name: '短信', url: receiver.url, events: ['Case Decided'] }, 'events'],
    ] as const) {
      const refused = await api.call('admin', 'POST', '/api/webhooks', body);
      expect([body.url, refused.status]).toEqual([body.url, 422]);
      expect(refused.body.errors).toEqual([expect.objectContaining({ path })]);
    }
    expect((await api.call('admin', 'POST', '/api/webhooks', { name: '短信', url: receiver.url, events: [] })).status).toBe(400);
    expect((await api.call('clerk', 'POST', '/api/webhooks', { name: '短信', url: receiver.url, events: ['*'] })).status).toBe(403);
    expect((await api.call('admin', 'GET', '/api/webhooks')).body.items).toEqual([]);
    expect((await api.call('admin', 'GET', '/api/webhooks/no-such/deliveries')).status).toBe(404);
  });

  it('delivers a decided case to the gateway, signed, once, after it failed twice; and lists the deliveries a dead subscriber never took as failed', async () => {
    const gateway = await api.call('admin', 'POST', '/api/webhooks', { name: '市短信平台', url: receiver.url, events: ['case.decided', 'case.supplement-requested'] });
    expect(gateway.status).toBe(201);
    expect(gateway.body).toMatchObject({ name: '市短信平台', url: receiver.url, events: ['case.decided', 'case.supplement-requested'], disabled: false, createdBy: 'admin', failed: 0 });
    expect(gateway.body.secret).toMatch(/^[\w-]{43}$/);
    const dead = await api.call('admin', 'POST', '/api/webhooks', { name: '停用的旧平台', url: `http://127.0.0.1:${await freePort()}/gone`, events: ['*'] });
    expect((await api.call('admin', 'GET', '/api/webhooks')).body.items.map((hook: { secret?: string }) => hook.secret)).toEqual([undefined, undefined]);

    const caseId = await decidedCase('网上申请（短信通知）');
    const deliveries = await eventually(
      () => api.call('admin', 'GET', `/api/webhooks/${gateway.body.id}/deliveries`),
      (answer) => answer.body.items.some((item: { status: string }) => item.status === 'delivered'),
      'the decided notification to be delivered',
    );
    expect(deliveries.body.items).toEqual([expect.objectContaining({ kind: 'case.decided', status: 'delivered', attempts: 3, lastStatus: 200, lastError: null })]);
    const delivery = deliveries.body.items[0];

    // three tries of the one delivery, the last taken; each signed over its exact body
    expect(receiver.received.map((request) => [request.headers['x-govflow-delivery'], request.answered])).toEqual([
      [delivery.id, 503],
      [delivery.id, 503],
      [delivery.id, 200],
    ]);
    for (const request of receiver.received) {
      const [, seconds, signature] = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(String(request.headers['x-govflow-signature'])) ?? [];
      expect(signature).toBe(createHmac('sha256', gateway.body.secret).update(`${seconds}.${request.body}`).digest('hex'));
      expect(request.headers['content-type']).toBe('application/json');
      expect(request.headers['x-govflow-event']).toBe('case.decided');
      expect(JSON.parse(request.body)).toMatchObject({ id: delivery.id, event: 'case.decided', notification: { kind: 'case.decided', caseId, audience: { users: ['applicant'] } } });
      expect(JSON.parse(request.body).notification.message).toContain('您的申请已办结');
    }

    // the dead subscriber heard every notification of the case and took none of them
    const deliveriesOf = async (status: string) => (await api.call('admin', 'GET', `/api/webhooks/${dead.body.id}/deliveries?status=${status}`)).body;
    const gone = await eventually(
      async () => ({ failed: await deliveriesOf('failed'), trying: await deliveriesOf('delivering') }),
      ({ failed, trying }) => failed.total >= 1 && trying.total === 0,
      'the dead subscriber to run out of attempts',
    ).then(({ failed }) => failed);
    expect(gone.items.map((item: { kind: string }) => item.kind)).toContain('case.decided');
    for (const item of gone.items) expect(item).toMatchObject({ status: 'failed', attempts: 3, lastStatus: null, lastError: expect.any(String), deliveredAt: null });
    const listed = (await api.call('admin', 'GET', '/api/webhooks')).body.items.find((hook: { id: string }) => hook.id === dead.body.id);
    expect(listed.failed).toBe(gone.total);
  });

  it('stops delivering to a disabled webhook, audited', async () => {
    const hook = await api.call('admin', 'POST', '/api/webhooks', { name: '临时平台', url: receiver.url, events: ['case.decided'] });
    expect((await api.call('admin', 'POST', `/api/webhooks/${hook.body.id}/disable`)).body).toMatchObject({ disabled: true });
    expect((await api.call('admin', 'POST', `/api/webhooks/${hook.body.id}/disable`)).status).toBe(409);
    const before = receiver.received.length;
    await decidedCase('网上申请（平台停用后）');
    // the gateway that is still on hears this case: wait for it, then the disabled one has nothing
    await eventually(async () => receiver.received.length, (count) => count > before, 'the gateway to hear the second case');
    expect((await api.call('admin', 'GET', `/api/webhooks/${hook.body.id}/deliveries`)).body.total).toBe(0);
    const log = await api.govflow.store.models.adminLog.find({ target: hook.body.id }).sort({ at: 1 }).lean();
    expect(log.map((entry) => [entry.action, entry.actor])).toEqual([
      ['webhook.created', 'admin'],
      ['webhook.disabled', 'admin'],
    ]);
  });
});
