import { request } from 'node:http';
import { translateToChinese } from '../../modeler/src/pages/modeler/translate/translate-module';
import type { AdminLogRecord } from '../../engine/records';
import { startFreezableProxy, type FreezableProxy } from '../support/freezable-proxy';
import { passwordOf, startTestApi, type TestApi } from '../support/test-govflow';

interface Answer {
  status: number;
  retryAfter: string | undefined;
  type: string;
  body: { detail?: string; token?: string };
  ms: number;
}

/** POST /api/auth/token from a given loopback address (all of 127.0.0.0/8 reaches the server), so each test is its own client. */
function signIn(api: TestApi, username: string, password: string, from: string): Promise<Answer> {
  const started = Date.now();
  const url = new URL('/api/auth/token', api.url);
  return new Promise((resolve, reject) => {
    const call = request(url, { method: 'POST', localAddress: from, headers: { 'content-type': 'application/json' } }, (response) => {
      let text = '';
      response.on('data', (chunk) => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, retryAfter: response.headers['retry-after'], type: response.headers['content-type'] ?? '', body: JSON.parse(text), ms: Date.now() - started }));
    });
    call.on('error', reject);
    call.end(JSON.stringify({ username, password }));
  });
}

async function signInTimes(api: TestApi, times: number, username: string, password: string, from: string): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < times; i++) statuses.push((await signIn(api, username, password, from)).status);
  return statuses;
}

const adminLog = (api: TestApi, username: string) => api.govflow.store.models.adminLog.find({ target: username }).sort({ at: 1 }).lean<AdminLogRecord[]>();

describe('sign-in throttling', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({
      signInLimits: {
        accountAndAddress: { failures: 3, windowSeconds: 60, blockSeconds: 30 },
        account: { failures: 5, windowSeconds: 60, blockSeconds: 60 },
        address: { failures: 8, windowSeconds: 60, blockSeconds: 45 },
      },
    });
  });
  afterAll(() => api.close());

  it('pauses one account from one address after 3 wrong passwords with 429 and Retry-After, even for the right one; an unknown username is answered alike', async () => {
    const wrong = await signIn(api, 'clerk', 'wrong password', '127.0.0.2');
    expect(await signInTimes(api, 2, 'clerk', 'wrong password', '127.0.0.2')).toEqual([401, 401]);
    const paused = await signIn(api, 'clerk', passwordOf('clerk'), '127.0.0.2');
    expect(paused).toMatchObject({ status: 429, type: 'application/problem+json', body: { detail: expect.stringMatching(/^too many failed sign-ins: try again in \d+ seconds$/) } });
    expect(Number(paused.retryAfter)).toBeGreaterThan(25);
    expect(Number(paused.retryAfter)).toBeLessThanOrEqual(30);
    expect(translateToChinese(paused.body.detail!)).toMatch(/^登录失败次数过多，请 \d+ 秒后再试$/);

    const ghostWrong = await signIn(api, 'ghost', 'wrong password', '127.0.0.3');
    expect(ghostWrong).toEqual({ ...wrong, ms: expect.any(Number) });
    expect(await signInTimes(api, 2, 'ghost', 'wrong password', '127.0.0.3')).toEqual([401, 401]);
    const ghostPaused = await signIn(api, 'ghost', 'wrong password', '127.0.0.3');
    expect(ghostPaused).toMatchObject({ status: 429, type: paused.type, body: { detail: expect.stringMatching(/^too many failed sign-ins: try again in \d+ seconds$/) } });
    expect(Number(ghostPaused.retryAfter)).toBeGreaterThan(25);

    // the pause is of that address: the clerk signs in from another one
    expect((await signIn(api, 'clerk', passwordOf('clerk'), '127.0.0.4')).status).toBe(200);
  });

  it('starts counting afresh after a successful sign-in', async () => {
    const wrong = 'not my password';
    expect(await signInTimes(api, 2, 'clerk2', wrong, '127.0.0.5')).toEqual([401, 401]);
    expect((await signIn(api, 'clerk2', passwordOf('clerk2'), '127.0.0.5')).status).toBe(200);
    // without the reset the third of these would be the account's fourth failure here, and refused
    expect(await signInTimes(api, 3, 'clerk2', wrong, '127.0.0.5')).toEqual([401, 401, 401]);
    expect((await signIn(api, 'clerk2', passwordOf('clerk2'), '127.0.0.5')).status).toBe(429);
  });

  it('blocks one address that fails across many usernames', async () => {
    const statuses = [];
    for (let i = 1; i <= 8; i++) statuses.push((await signIn(api, `sprayed${i}`, 'Password1!', '127.0.0.6')).status);
    expect(statuses).toEqual(Array(8).fill(401));
    const blocked = await signIn(api, 'designer', passwordOf('designer'), '127.0.0.6');
    expect(blocked).toMatchObject({ status: 429, body: { detail: expect.stringMatching(/^too many failed sign-ins from this address: try again in \d+ seconds$/) } });
    expect(Number(blocked.retryAfter)).toBeGreaterThan(40);
    expect(translateToChinese(blocked.body.detail!)).toMatch(/^来自此地址的登录失败次数过多，请 \d+ 秒后再试$/);
    expect((await signIn(api, 'designer', passwordOf('designer'), '127.0.0.7')).status).toBe(200);
  });

  it('locks an account failing from several addresses, right password too, until an administrator unlocks it (audited); nobody else may', async () => {
    expect(await signInTimes(api, 3, 'leader', 'guess one', '127.0.0.10')).toEqual([401, 401, 401]);
    expect(await signInTimes(api, 2, 'leader', 'guess two', '127.0.0.11')).toEqual([401, 401]);
    const locked = await signIn(api, 'leader', passwordOf('leader'), '127.0.0.12');
    expect(locked).toMatchObject({ status: 429, body: { detail: 'too many failed sign-ins to this account: it is locked for 60 seconds, unless an administrator unlocks it sooner' } });
    expect(Number(locked.retryAfter)).toBe(60);
    expect(translateToChinese(locked.body.detail!)).toBe('该账户登录失败次数过多，已被锁定 60 秒；管理员也可以提前解锁');
    expect((await signIn(api, 'leader', passwordOf('leader'), '127.0.0.13')).status).toBe(429);
    expect(await adminLog(api, 'leader')).toEqual([expect.objectContaining({ actor: 'system', action: 'user.locked', detail: expect.stringMatching(/^5 failed sign-ins within 60 seconds, the last from 127\.0\.0\.12: locked for 60 seconds$/) })]);

    expect((await api.call('clerk', 'POST', '/api/users/leader/unlock')).status).toBe(403);
    expect((await api.call(undefined, 'POST', '/api/users/leader/unlock')).status).toBe(401);
    expect((await api.call('admin', 'POST', '/api/users/nobody-such/unlock')).status).toBe(404);
    const unlocked = await api.call('admin', 'POST', '/api/users/leader/unlock');
    expect(unlocked).toMatchObject({ status: 200, body: { username: 'leader', wasLocked: true } });
    expect((await adminLog(api, 'leader')).map((entry) => [entry.action, entry.actor])).toEqual([
      ['user.locked', 'system'],
      ['user.unlocked', 'admin'],
    ]);
    // the address that used up its three tries is let in again too
    expect((await signIn(api, 'leader', passwordOf('leader'), '127.0.0.10')).status).toBe(200);
  });
});

describe('sign-in throttling on its own time and without Redis', () => {
  let api: TestApi;
  let proxy: FreezableProxy;
  beforeAll(async () => {
    const redis = new URL(process.env.REDIS_URL!);
    proxy = await startFreezableProxy({ host: redis.hostname, port: Number(redis.port) });
    redis.host = `${proxy.host}:${proxy.port}`;
    api = await startTestApi({ redisUrl: redis.toString(), signInLimits: { account: { failures: 2, windowSeconds: 60, blockSeconds: 2 }, redisTimeoutMs: 300 } });
  });
  afterAll(async () => {
    proxy.thaw();
    await api.close();
    await proxy.close();
  });

  it('lifts a lock when its time is up', async () => {
    expect(await signInTimes(api, 2, 'supervisor', 'wrong password', '127.0.0.20')).toEqual([401, 401]);
    const locked = await signIn(api, 'supervisor', passwordOf('supervisor'), '127.0.0.20');
    expect(locked).toMatchObject({ status: 429, retryAfter: '2' });
    expect(locked.body.detail).toBe('too many failed sign-ins to this account: it is locked for 2 seconds, unless an administrator unlocks it sooner');
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    expect((await signIn(api, 'supervisor', passwordOf('supervisor'), '127.0.0.20')).status).toBe(200);
  });

  it('still answers within 2 s, and still counts, while Redis hangs', async () => {
    proxy.freeze();
    const answers = [await signIn(api, 'applicant', 'wrong password', '127.0.0.21'), await signIn(api, 'applicant', 'wrong password', '127.0.0.21'), await signIn(api, 'applicant', passwordOf('applicant'), '127.0.0.21')];
    expect(answers.map((answer) => answer.status)).toEqual([401, 401, 429]);
    for (const answer of answers) expect(answer.ms).toBeLessThan(2_000);
    expect(answers[0].ms).toBeGreaterThanOrEqual(300); // it did wait for Redis, as long as allowed
    const other = await signIn(api, 'designer', passwordOf('designer'), '127.0.0.22');
    expect(other.status).toBe(200);
    expect(other.ms).toBeLessThan(2_000);
    proxy.thaw();
  });
});
