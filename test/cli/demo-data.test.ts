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

  it('adds nothing when run again', async () => {
    await seedDemo(govflow, options);
    expect(await govflow.store.models.cases.countDocuments({ title: { $regex: '^【示例】' } })).toBe(9);
  });
});
