import { randomBytes } from 'node:crypto';
import { createLogger, Govflow, roles, systemActor, type Actor, type GovflowOptions } from '../../engine';
import { seedDemo } from '../../cli/demo-seed';

const supervisor: Actor = { username: 'supervisor', roles: ['supervisor'], department: 'supervision-office', groups: [] };

describe('demo data (GOVFLOW_DEMO=1)', () => {
  let govflow: Govflow;
  let options: GovflowOptions;
  beforeAll(async () => {
    const suffix = randomBytes(4).toString('hex');
    options = { mongodbUri: process.env.MONGODB_URI as string, redisUrl: process.env.REDIS_URL as string, dbName: `test_${suffix}`, queuePrefix: `test_${suffix}`, logger: createLogger('test', 2) };
    govflow = await Govflow.create(options);
    await seedDemo(govflow, options);
  }, 60_000);
  afterAll(async () => {
    await govflow.deadlines.queue.obliterate({ force: true });
    await govflow.store.connection.dropDatabase();
    await govflow.close();
  });

  it('creates a user for every role and every group the shipped processes name, all with the password demo', async () => {
    const found = await Promise.all(['admin', 'designer', 'applicant', 'clerk', 'chief', 'legal', 'officer1', 'officer2', 'leader', 'fire-reviewer', 'planning-reviewer', 'environment-reviewer', 'supervisor', 'credit-bureau'].map((name) => govflow.users.authenticate(name, 'demo')));
    expect(found.every(Boolean)).toBe(true);
    expect(new Set(found.flatMap((actor) => actor?.roles ?? []))).toEqual(new Set(roles));
    const groups = new Set(found.flatMap((actor) => actor?.groups ?? []));
    for (const group of ['window@market-bureau', 'licensing-section@market-bureau', 'chief@market-bureau', 'legal@market-bureau', 'enforcement-brigade@market-bureau', 'leader@market-bureau', 'review@fire-department']) {
      expect(groups).toContain(group);
    }
  });

  it('deploys the three reference processes', async () => {
    const keys = (await govflow.definitions.list(systemActor)).map((definition) => definition.key);
    expect(keys).toEqual(expect.arrayContaining(['licensing-general', 'licensing-parallel', 'administrative-penalty']));
  });

  it('writes sample cases in varied states, some near or past their limits', async () => {
    const heads = await govflow.store.models.cases.find({ title: { $regex: '^【示例】' } }).lean();
    expect(heads.length).toBe(9);
    const views = await Promise.all(heads.map((head) => govflow.cases.get(head._id, supervisor)));
    expect(new Set(views.map((view) => view.status))).toEqual(new Set(['running', 'completed']));
    expect(views.some((view) => view.awaiting.includes('supplement'))).toBe(true);
    const stepStates = views.flatMap((view) => view.currentSteps.map((step) => step.clock?.state));
    expect(stepStates).toContain('overdue');
    expect(stepStates).toContain('warning');
    expect(views.some((view) => (view.countersigns ?? []).some((countersign) => countersign.votes.length === 1))).toBe(true);
    const denied = views.find((view) => view.title.includes('夜市烧烤摊'));
    expect(denied?.opinions.at(-1)).toMatchObject({ decision: 'deny', text: expect.stringContaining('不符合') });
    const alerts = await govflow.supervision.listAlerts(supervisor, {}, { page: 1, pageSize: 50 });
    expect(alerts.items.map((alert) => alert.rule)).toContain('fine-outside-discretion-range');
  });

  it('leaves the deadline jobs of limits already past due now, so a worker raises their cards at once', async () => {
    const jobs = await govflow.deadlines.queue.getJobs(['delayed', 'waiting']);
    const past = jobs.filter((job) => job.name === 'deadline' && job.data.level === 'red' && job.data.at < Date.now());
    expect(past.length).toBeGreaterThanOrEqual(2);
    for (const job of past) expect(job.timestamp + job.delay).toBeLessThanOrEqual(Date.now());
    const future = jobs.filter((job) => job.data.at > Date.now() + 60_000);
    expect(future.length).toBeGreaterThan(0);
    for (const job of future) expect(job.timestamp + job.delay).toBeGreaterThan(Date.now());
  });

  it('is a small city: two districts with market and planning bureaus and sections, the city and one district with a supervision office', async () => {
    const tree = await govflow.org.tree();
    expect(tree.children('city')).toEqual(expect.arrayContaining(['east-district', 'west-district', 'market-bureau', 'planning-bureau', 'supervision-office']));
    for (const district of ['east', 'west']) {
      expect(tree.children(`${district}-district`)).toEqual(expect.arrayContaining([`${district}-market-bureau`, `${district}-planning-bureau`]));
      expect(tree.unit(`${district}-market-licensing`)).toMatchObject({ kind: 'section', parent: `${district}-market-bureau` });
    }
    expect(tree.unit('east-supervision-office')).toMatchObject({ kind: 'supervision-office', parent: 'east-district' });
    const eastSupervisor = await govflow.users.authenticate('east-supervisor', 'demo');
    expect(eastSupervisor?.jurisdiction).toEqual(tree.subtree('east-district'));
    expect((await govflow.users.authenticate('supervisor', 'demo'))?.jurisdiction).toBe('all');
    for (const name of ['east-admin', 'east-designer', 'east-clerk', 'west-admin', 'west-designer', 'west-clerk']) expect(await govflow.users.authenticate(name, 'demo')).toBeTruthy();
  });

  it('rolls the figures up the tree: every unit is its own figures and the sum of its children', async () => {
    const period = { from: new Date(Date.now() - 60 * 86_400_000), to: new Date(Date.now() + 86_400_000) };
    const rows = await govflow.supervision.figures({ groupBy: 'unit', ...period }, supervisor);
    const own = new Map((await govflow.supervision.figures({ groupBy: 'department', ...period }, supervisor)).map((row) => [row.group, row]));
    expect(rows[0]).toMatchObject({ group: 'city', name: '市人民政府', parent: null });
    // a joint case counts in each bureau it passed through, so the city's sum is at least the nine cases
    expect(rows[0].received).toBeGreaterThanOrEqual(9);
    for (const row of rows) {
      const children = rows.filter((child) => child.parent === row.group);
      for (const count of ['received', 'completed', 'onTime', 'overdue', 'openYellow', 'openRed', 'notices'] as const) {
        expect([row.group, count, row[count]]).toEqual([row.group, count, (own.get(row.group)?.[count] ?? 0) + children.reduce((sum, child) => sum + child[count], 0)]);
      }
    }
  });

  it('adds nothing when run again, but names a demo user from before names, and keeps a name an admin gave', async () => {
    await govflow.store.models.users.updateOne({ _id: 'clerk' }, { $unset: { name: '' } });
    await govflow.store.models.users.updateOne({ _id: 'chief' }, { $set: { name: '陈科长' } });
    await seedDemo(govflow, options);
    expect(await govflow.store.models.cases.countDocuments({ title: { $regex: '^【示例】' } })).toBe(9);
    const named = await govflow.store.models.users.find({ _id: { $in: ['clerk', 'chief'] } }, { name: 1 }).sort({ _id: 1 }).lean();
    expect(named.map((user) => [user._id, user.name])).toEqual([['chief', '陈科长'], ['clerk', '张伟']]);
    expect(await govflow.store.models.users.countDocuments({ name: { $exists: false }, roles: { $ne: 'system' } })).toBe(0);
  });
});
