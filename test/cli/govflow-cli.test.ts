import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Actor, Govflow } from '../../engine';
import { createTestGovflow } from '../support/test-govflow';

const run = promisify(execFile);
const root = join(__dirname, '..', '..');

describe('npx govflow', () => {
  const dbName = `cli_${randomBytes(4).toString('hex')}`;
  const env = { ...process.env, MONGODB_URI: `${process.env.MONGODB_URI}${dbName}`, GOVFLOW_LOG_LEVEL: 'warn' };
  let govflow: Govflow;

  beforeAll(async () => {
    govflow = await createTestGovflow({ dbName });
  });
  afterAll(async () => {
    await govflow.store.connection.dropDatabase();
    await govflow.close();
  });

  async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    try {
      const { stdout, stderr } = await run(process.execPath, [join(root, 'bin', 'govflow.js'), ...args], { env, cwd: root });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string };
      return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
    }
  }

  it('lists its commands', async () => {
    const help = await cli('--help');
    for (const command of ['start', 'serve', 'worker', 'deploy', 'user', 'client', 'org', 'audit', 'due', 'reconcile']) expect(help.stdout).toMatch(new RegExp(`^\\s+${command}\\b`, 'm'));
  });

  it('adds a user who can then sign in, and refuses a bad one with a reason', async () => {
    const password = 'window seat at dawn';
    const added = await cli('user', 'add', 'alice', '--name', '艾丽', '--password', password, '--roles', 'clerk', '--department', 'market-bureau', '--groups', 'window@market-bureau');
    expect(added.code).toBe(0);
    expect(JSON.parse(added.stdout)).toEqual({ username: 'alice', name: '艾丽', roles: ['clerk'], department: 'market-bureau', groups: ['window@market-bureau'] });
    expect(await govflow.users.authenticate('alice', password)).toMatchObject({ username: 'alice' });

    const wizard = await cli('user', 'add', 'bob', '--password', password, '--roles', 'wizard');
    expect(wizard.code).toBe(2);
    expect(wizard.stderr).toContain('roles: must be some of applicant, clerk, leader, supervisor, designer, admin');
    const again = await cli('user', 'add', 'alice', '--password', 'another window seat', '--roles', 'clerk');
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('user alice exists already');
  });

  it("issues a machine client's credentials once, scoped to its topics, and revokes them", async () => {
    const issued = await cli('client', 'add', 'tax-system', '--topics', 'tax-check,tax-cleared', '--department', 'tax-bureau');
    expect(issued.code).toBe(0);
    const client = JSON.parse(issued.stdout);
    expect(client).toMatchObject({ clientId: 'tax-system', topics: ['tax-check', 'tax-cleared'], department: 'tax-bureau', disabled: false, clientSecret: expect.stringMatching(/^[\w-]{43}$/) });
    expect(await govflow.users.authenticate('tax-system', client.clientSecret)).toMatchObject({ roles: ['system'], topics: ['tax-check', 'tax-cleared'] });
    expect(JSON.parse((await cli('client', 'list')).stdout).items.map((item: { clientId: string }) => item.clientId)).toContain('tax-system');
    expect((await cli('client', 'add', 'system', '--topics', 'x')).code).toBe(2);
    const revoked = await cli('client', 'revoke', 'tax-system');
    expect(JSON.parse(revoked.stdout)).toMatchObject({ clientId: 'tax-system', disabled: true });
    expect((await govflow.userAdmin.trail.entries('tax-system')).map((entry) => [entry.action, entry.actor])).toEqual([
      ['client.issued', 'cli'],
      ['user.disabled', 'cli'],
    ]);
  });

  it('disables, enables and sets the roles of a user, each change audited as the CLI', async () => {
    await cli('user', 'add', 'carol', '--password', 'window seat at dusk', '--roles', 'applicant');
    const disabled = await cli('user', 'disable', 'carol');
    expect(disabled.code).toBe(0);
    expect(JSON.parse(disabled.stdout)).toMatchObject({ username: 'carol', disabled: true });
    expect(await govflow.userAdmin.account('carol')).toMatchObject({ disabled: true, sessionVersion: 1 });

    const enabled = await cli('user', 'enable', 'carol');
    expect(JSON.parse(enabled.stdout)).toMatchObject({ username: 'carol', disabled: false });
    const set = await cli('user', 'set-roles', 'carol', '--roles', 'clerk,leader', '--department', 'market-bureau', '--groups', 'leader@market-bureau');
    expect(set.code).toBe(0);
    expect(JSON.parse(set.stdout)).toMatchObject({ roles: ['clerk', 'leader'], department: 'market-bureau', groups: ['leader@market-bureau'] });
    // roles alone keep the department and groups
    expect(JSON.parse((await cli('user', 'set-roles', 'carol', '--roles', 'clerk')).stdout)).toMatchObject({ roles: ['clerk'], department: 'market-bureau', groups: ['leader@market-bureau'] });
    expect(JSON.parse((await cli('user', 'rename', 'carol', '卡萝')).stdout)).toMatchObject({ username: 'carol', name: '卡萝' });

    const trail = await govflow.userAdmin.trail.entries('carol');
    expect(trail.map((entry) => [entry.action, entry.actor])).toEqual([
      ['user.created', 'cli'],
      ['user.disabled', 'cli'],
      ['user.enabled', 'cli'],
      ['user.access-set', 'cli'],
      ['user.access-set', 'cli'],
      ['user.renamed', 'cli'],
    ]);
    expect(await govflow.userAdmin.trail.verify('carol')).toEqual({ ok: true, entries: 6 });

    const wizard = await cli('user', 'set-roles', 'carol', '--roles', 'wizard');
    expect([wizard.code, wizard.stderr]).toEqual([2, expect.stringContaining('roles: must be some of')]);
    const ghost = await cli('user', 'disable', 'ghost');
    expect([ghost.code, ghost.stderr]).toEqual([2, expect.stringContaining('user "ghost" was not found')]);
  });

  it.each([
    ['1234', 'applicant', 'password: must have at least 8 characters'],
    ['1234', 'clerk', 'password: must have at least 10 characters for a staff account'],
    ['password123', 'applicant', 'password: is one of the most common passwords'],
    ['wang.fang.01', 'clerk', 'password: must not be the username'],
  ])('refuses the password %j for a new %s with a reason, and creates nobody', async (weak, role, reason) => {
    const refused = await cli('user', 'add', 'wang.fang.01', '--password', weak, '--roles', role);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('cannot create user wang.fang.01');
    expect(refused.stderr).toContain(reason);
    expect(await govflow.users.actor('wang.fang.01')).toBeUndefined();
  });

  it('deploys a model, and refuses a broken one naming the element', async () => {
    const deployed = await cli('deploy', join(root, 'processes', 'general-approval.bpmn'));
    expect(deployed.code).toBe(0);
    expect(JSON.parse(deployed.stdout)).toMatchObject({ key: 'general-approval', version: 1, created: true });
    const broken = await cli('deploy', join(__dirname, '..', 'api', 'fixtures', 'nobody-acts.bpmn'));
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/review: govflow\/user-task-actor/);
  });

  it('computes a deadline across the 2026 Spring Festival, with the yellow card two working days before', async () => {
    // Tue 2026-02-10 + 20 working days: Feb 11–14 (Sat 14 is worked), Feb 24–28 (Sat 28 worked), Mar 2–6, Mar 9–13, Mar 16
    const due = await cli('due', '--from', '2026-02-10T10:00:00+08:00', '--limit', '20WD');
    expect(due.code).toBe(0);
    expect(JSON.parse(due.stdout)).toEqual({ dueDate: '2026-03-16', due: '2026-03-16T23:59:59+08:00', warnAt: '2026-03-13T00:00:00+08:00', warnings: [] });
  });

  it('says when a deadline was counted outside the loaded holiday schedules', async () => {
    const due = await cli('due', '--from', '2027-03-01T09:00:00+08:00', '--limit', '3WD', '--warn', '1');
    expect(JSON.parse(due.stdout)).toEqual({
      dueDate: '2027-03-04',
      due: '2027-03-04T23:59:59+08:00',
      warnAt: '2027-03-04T00:00:00+08:00',
      warnings: ['2027 is outside the loaded holiday schedules (2025, 2026): its days were counted by weekdays alone'],
    });
  });

  it.each([
    [['--from', 'yesterday', '--limit', '5WD'], /--from must be an ISO 8601 instant/],
    [['--from', '2026-03-02T09:00:00+08:00', '--limit', '5 days'], /is not a time limit/],
    [['--from', '2026-03-02T09:00:00+08:00', '--limit', '5WD', '--pause', '2026-03-03T00:00:00+08:00'], /--pause must be/],
    [['--from', '2026-03-02T09:00:00+08:00', '--limit', '5WD', '--warn', 'two'], /--warn must be a whole number/],
    [['--limit', '5WD'], /required option '--from/],
  ])('refuses bad arguments with exit code 2: %j', async (args, reason) => {
    const refused = await cli('due', ...args);
    expect(refused.code).toBe(2);
    expect(refused.stderr.split('\n')[0]).toMatch(reason);
  });

  it('reconciles deadline jobs on demand', async () => {
    const reconciled = await cli('reconcile');
    expect(reconciled.code).toBe(0);
    expect(JSON.parse(reconciled.stdout)).toEqual({ scheduled: expect.any(Number) });
  });

  it('verifies an audit chain, failing with exit code 1 when it was tampered with', async () => {
    const applicant: Actor = { username: 'zhao', roles: ['applicant'], department: null, groups: [] };
    const { result } = await govflow.cases.start({ processKey: 'general-approval', title: 'cli', data: {} }, applicant);
    const verified = await cli('audit', 'verify', result.id);
    expect(verified.code).toBe(0);
    expect(JSON.parse(verified.stdout)).toEqual({ ok: true, entries: 1 });
    await govflow.store.models.audit.updateOne({ caseId: result.id, seq: 1 }, { $set: { actor: 'someone-else' } });
    const broken = await cli('audit', 'verify', result.id);
    expect(broken.code).toBe(1);
    expect(JSON.parse(broken.stdout)).toMatchObject({ ok: false, problem: { seq: 1 } });
    expect((await cli('audit', 'verify', 'no-such-case')).stderr).toContain('case "no-such-case" was not found');
  });
  it('migrates the departments users name into a tree, a dry run first, then imports a CSV file of districts', async () => {
    const dry = await cli('org', 'migrate', '--dry-run');
    expect(dry.code).toBe(0);
    const plan = JSON.parse(dry.stdout);
    expect(plan).toMatchObject({ dryRun: true, root: { code: 'city', created: true } });
    expect(plan.units.map((unit: { code: string }) => unit.code)).toEqual(expect.arrayContaining(['market-bureau', 'tax-bureau']));
    expect(await govflow.store.models.units.countDocuments()).toBe(0);
    expect(JSON.parse((await cli('org', 'migrate')).stdout).dryRun).toBe(false);
    expect(await govflow.store.models.units.exists({ _id: 'market-bureau', parent: 'city' })).toBeTruthy();

    const file = join(tmpdir(), `${dbName}-units.csv`);
    writeFileSync(file, '\ufeffcode,name,kind,parent\r\neast,东城区,district,city\r\n"east-market","东城区市场监督管理局, 东城",bureau,east\r\n');
    const imported = await cli('org', 'import', file);
    expect(imported.code).toBe(0);
    expect(JSON.parse(imported.stdout).created.map((unit: { code: string; name: string }) => [unit.code, unit.name])).toEqual([['east', '东城区'], ['east-market', '东城区市场监督管理局, 东城']]);
    writeFileSync(file, 'code,name,kind,parent\nwest,西城区,district,city\nwest-market,西城区市场局,bureau,nowhere\n');
    const refused = await cli('org', 'import', file);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('units[1].parent');
    expect(await govflow.store.models.units.exists({ _id: 'west' })).toBeNull();
    const listed = JSON.parse((await cli('org', 'list')).stdout);
    expect(listed.find((unit: { code: string }) => unit.code === 'east-market').path).toEqual(['市人民政府', '东城区', '东城区市场监督管理局, 东城']);
  });
});
