import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
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
    for (const command of ['start', 'serve', 'worker', 'deploy', 'user', 'audit']) expect(help.stdout).toMatch(new RegExp(`^\\s+${command}\\b`, 'm'));
  });

  it('adds a user who can then sign in, and refuses a bad one with a reason', async () => {
    const added = await cli('user', 'add', 'alice', '--password', 's3cret', '--roles', 'clerk', '--department', 'market-bureau', '--groups', 'window@market-bureau');
    expect(added.code).toBe(0);
    expect(JSON.parse(added.stdout)).toEqual({ username: 'alice', roles: ['clerk'], department: 'market-bureau', groups: ['window@market-bureau'] });
    expect(await govflow.users.authenticate('alice', 's3cret')).toMatchObject({ username: 'alice' });

    const wizard = await cli('user', 'add', 'bob', '--password', 's3cret', '--roles', 'wizard');
    expect(wizard.code).toBe(2);
    expect(wizard.stderr).toContain('roles: must be some of applicant, clerk, leader, supervisor, designer, admin');
    const again = await cli('user', 'add', 'alice', '--password', 'x1234', '--roles', 'clerk');
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('user alice exists already');
  });

  it('deploys a model, and refuses a broken one naming the element', async () => {
    const deployed = await cli('deploy', join(root, 'processes', 'general-approval.bpmn'));
    expect(deployed.code).toBe(0);
    expect(JSON.parse(deployed.stdout)).toMatchObject({ key: 'general-approval', version: 1, created: true });
    const broken = await cli('deploy', join(__dirname, '..', 'api', 'fixtures', 'nobody-acts.bpmn'));
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/review: govflow\/user-task-actor/);
  });

  it('verifies an audit chain, failing with exit code 1 when it was tampered with', async () => {
    const applicant: Actor = { username: 'zhao', roles: ['applicant'], department: null, groups: [] };
    const { result } = await govflow.startCase({ processKey: 'general-approval', title: 'cli', data: {} }, applicant);
    const verified = await cli('audit', 'verify', result.id);
    expect(verified.code).toBe(0);
    expect(JSON.parse(verified.stdout)).toEqual({ ok: true, entries: 1 });
    await govflow.store.models.audit.updateOne({ caseId: result.id, seq: 1 }, { $set: { actor: 'someone-else' } });
    const broken = await cli('audit', 'verify', result.id);
    expect(broken.code).toBe(1);
    expect(JSON.parse(broken.stdout)).toMatchObject({ ok: false, problem: { seq: 1 } });
    expect((await cli('audit', 'verify', 'no-such-case')).stderr).toContain('case "no-such-case" was not found');
  });
});
