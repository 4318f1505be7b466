import { randomBytes } from 'node:crypto';
import { seedDemo } from '../../../cli/demo-seed';
import { createLogger, Govflow, systemActor, type GovflowOptions } from '../../../engine';
import { migrateFlatDepartments } from '../../../engine/org';

/**
 * The migration on a copy of the first wave's demo data: the demo seeded, then put back as the
 * first wave left it — no tree, no district staff, processes owned by nobody — and migrated.
 */
describe('migrating flat departments into the tree', () => {
  let govflow: Govflow;
  let options: GovflowOptions;
  const counts = async () => {
    const { cases, tasks, alerts, notices, audit, users, definitions } = govflow.store.models;
    return { cases: await cases.countDocuments(), tasks: await tasks.countDocuments(), alerts: await alerts.countDocuments(), notices: await notices.countDocuments(), audit: await audit.countDocuments(), users: await users.countDocuments(), definitions: await definitions.countDocuments() };
  };
  const migrate = (dryRun: boolean) => migrateFlatDepartments(govflow.store.models, govflow.org, { rootCode: 'city', rootName: '市人民政府', dryRun }, systemActor);

  beforeAll(async () => {
    const suffix = randomBytes(4).toString('hex');
    options = { mongodbUri: process.env.MONGODB_URI as string, redisUrl: process.env.REDIS_URL as string, dbName: `test_${suffix}`, queuePrefix: `test_${suffix}`, logger: createLogger('test', 2) };
    govflow = await Govflow.create(options);
    await seedDemo(govflow, options);
    const { units, unitAudit, users, userAudit, definitions, drafts } = govflow.store.models;
    await units.deleteMany({});
    await unitAudit.deleteMany({});
    const districtStaff = { _id: { $regex: '^(east|west)-' } };
    await userAudit.deleteMany({ username: { $regex: '^(east|west)-' } });
    await users.deleteMany(districtStaff);
    await definitions.updateMany({}, { $unset: { unit: 1 } });
    await drafts.updateMany({}, { $unset: { unit: 1 } });
    govflow.org.forget();
  }, 90_000);
  afterAll(async () => {
    await govflow.deadlines.queue.obliterate({ force: true });
    await govflow.store.connection.dropDatabase();
    await govflow.close();
  });

  it('says in a dry run what it would create, and writes nothing', async () => {
    const before = await counts();
    const plan = await migrate(true);
    expect(plan).toMatchObject({ dryRun: true, root: { code: 'city', name: '市人民政府', created: true }, skipped: [], drafts: 0 });
    expect(plan.processes).toBe(before.definitions > 0 ? (await govflow.store.models.definitions.distinct('key')).length : 0);
    expect(plan.units.map((unit) => [unit.code, unit.kind])).toEqual([
      ['environment-bureau', 'bureau'],
      ['fire-department', 'bureau'],
      ['market-bureau', 'bureau'],
      ['planning-bureau', 'bureau'],
      ['supervision-office', 'supervision-office'],
    ]);
    expect(await govflow.store.models.units.countDocuments()).toBe(0);
    expect(await govflow.store.models.definitions.countDocuments({ unit: { $exists: true } })).toBe(0);
    expect(await counts()).toEqual(before);
  });

  it('puts every department under the city with its code kept, and every case, task, card and audit chain stays as it was', async () => {
    const before = await counts();
    const heads = await govflow.store.models.cases.find({}, { _id: 1 }).lean();
    await migrate(false);

    const tree = await govflow.org.tree();
    expect(tree.children('city')).toEqual(['environment-bureau', 'fire-department', 'market-bureau', 'planning-bureau', 'supervision-office']);
    expect(tree.jurisdictionOf('supervision-office')).toBe('all');
    expect(tree.jurisdictionOf('market-bureau')).toEqual(['market-bureau']);
    expect(await counts()).toEqual(before);
    expect(await govflow.store.models.definitions.countDocuments({ unit: { $ne: 'city' } })).toBe(0);
    for (const head of heads) expect([head._id, await govflow.cases.verifyAudit(head._id)]).toEqual([head._id, expect.objectContaining({ ok: true })]);
    for (const user of await govflow.store.models.users.find({}, { _id: 1 }).lean()) expect([user._id, (await govflow.userAdmin.trail.verify(user._id)).ok]).toEqual([user._id, true]);
    for (const code of tree.subtree('city')) expect((await govflow.org.trail.verify(code)).ok).toBe(true);

    // the office still sees every case and card, the bureau's staff their inbox
    const supervisor = await govflow.users.actor('supervisor');
    expect((await govflow.supervision.listAlerts(supervisor!, {}, { page: 1, pageSize: 100 })).total).toBe(before.alerts);
    for (const head of heads) await expect(govflow.cases.get(head._id, supervisor!)).resolves.toMatchObject({ id: head._id });
    const clerk = await govflow.users.actor('clerk');
    expect((await govflow.tasks.list(clerk!, 'claimable')).total + (await govflow.tasks.list(clerk!, 'mine')).total).toBeGreaterThan(0);
  });

  it('finds nothing left to do when run again', async () => {
    expect(await migrate(false)).toMatchObject({ root: { code: 'city', created: false }, units: [], processes: 0, drafts: 0 });
  });
});
