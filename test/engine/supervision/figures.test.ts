import { InvalidInputError, systemActor, type Actor, type Govflow } from '../../../engine';
import type { DeadlineJob } from '../../../engine/deadlines';
import type { Jurisdiction } from '../../../engine/org';
import { computeFigures, figuresCsv, type FiguresGroupBy, type FiguresRow } from '../../../engine/supervision/figures';
import { applicant, clerk } from '../../support/engine-fixture';
import { createTestGovflow } from '../../support/test-govflow';
import { timedApproval } from '../../support/timed-approval';

/**
 * The supervision office's figures over cases driven through the engine at chosen instants.
 * Every process promises 15 working days from acceptance; acceptance has 5 and review 3.
 *
 * Given, in 2026 (Feb 28 is a Saturday worked for the Spring Festival; Apr 4–6 are 清明):
 *   G timed  created Thu Feb 26 10:00, accepted and reviewed then, granted Tue Mar 3 10:00
 *            → 4 working days (Feb 27, Sat Feb 28, Mar 2, Mar 3), on time
 *   A timed  created Mon Mar 2 10:00, granted Fri Mar 6 15:00 → 4 working days, on time
 *   B timed  created Tue Mar 3 09:00 (case due Tue Mar 24, review due Fri Mar 6), reviewed and
 *            granted Thu Mar 26 10:00 → 17 working days, late: a red card on the review step
 *            and one on the case, both raised Mar 26 and left open
 *   C joint  created Wed Mar 4 09:00 (review by tax-bureau, due Mon Mar 9), reviewed Tue Mar 10
 *            09:00, granted 10:00 → 4 working days, on time for the case; a red card on the
 *            tax-bureau review step, raised Mar 10 and left open
 *   E timed  created Fri Mar 20 09:00 and accepted; its case yellow card raised, still running
 *   F direct created Wed Mar 25 09:00, never accepted: no department has held it yet
 *   H timed  created Wed Apr 1 09:00; yellow card on acceptance raised, then accepted in time
 */
describe('supervision figures', () => {
  let now = new Date();
  let govflow: Govflow;
  const chief: Actor = { ...clerk, username: 'chief', groups: ['leader@market-bureau'] };
  const taxClerk: Actor = { ...clerk, username: 'wang', department: 'tax-bureau', groups: ['licensing-section@tax-bureau'] };

  const processName = '一般审批（受理·审查·决定）';
  const march = { from: new Date('2026-03-01T00:00:00+08:00'), to: new Date('2026-04-01T00:00:00+08:00') };

  beforeAll(async () => {
    govflow = await createTestGovflow({ now: () => now });
    await govflow.definitions.deploy(timedApproval(), systemActor);
    await govflow.definitions.deploy(timedApproval(undefined, 'joint-approval').replace('licensing-section@market-bureau', 'licensing-section@tax-bureau'), systemActor);
    await govflow.definitions.deploy(timedApproval(undefined, 'direct-approval').replace('govflow:candidateGroups="window@market-bureau"', 'govflow:candidateUsers="li"'), systemActor);

    const g = await start('timed-approval', '2026-02-26T10:00:00+08:00');
    await acceptAndReview(g, clerk);
    await complete(g, 'decide', 'grant', chief, '2026-03-03T10:00:00+08:00');

    const a = await start('timed-approval', '2026-03-02T10:00:00+08:00');
    await acceptAndReview(a, clerk);
    await complete(a, 'decide', 'grant', chief, '2026-03-06T15:00:00+08:00');

    const b = await start('timed-approval', '2026-03-03T09:00:00+08:00');
    await complete(b, 'accept', 'accept', clerk);
    await complete(b, 'review', 'pass', clerk, '2026-03-26T10:00:00+08:00');
    await complete(b, 'decide', 'grant', chief);

    const c = await start('joint-approval', '2026-03-04T09:00:00+08:00');
    await complete(c, 'accept', 'accept', clerk);
    await complete(c, 'review', 'pass', taxClerk, '2026-03-10T09:00:00+08:00');
    await complete(c, 'decide', 'grant', chief, '2026-03-10T10:00:00+08:00');

    const e = await start('timed-approval', '2026-03-20T09:00:00+08:00');
    await complete(e, 'accept', 'accept', clerk);
    await raise(e, (job) => job.level === 'yellow' && job.clockKey === 'case');

    await start('direct-approval', '2026-03-25T09:00:00+08:00');

    const h = await start('timed-approval', '2026-04-01T09:00:00+08:00');
    await raise(h, (job) => job.level === 'yellow' && job.clockKey !== 'case');
    await complete(h, 'accept', 'accept', clerk);
  });

  afterAll(async () => {
    await govflow.deadlines.queue.obliterate({ force: true });
    await govflow.store.connection.dropDatabase();
    await govflow.close();
  });

  async function start(processKey: string, at: string): Promise<string> {
    now = new Date(at);
    const { result } = await govflow.cases.start({ processKey, title: '效能考核', data: {} }, applicant);
    return result.id;
  }

  /** Completes the case's open step `stepId`, at `at` when given, else at the current `now`. */
  async function complete(caseId: string, stepId: string, decision: string, actor: Actor, at?: string): Promise<void> {
    if (at) now = new Date(at);
    const head = await govflow.store.models.cases.findById(caseId).lean();
    const task = head!.openTasks.find((candidate) => candidate.stepId === stepId);
    if (!task) throw new Error(`case ${caseId} has no open step ${stepId}`);
    await govflow.tasks.complete(task.id, { decision }, actor);
  }

  async function acceptAndReview(caseId: string, reviewer: Actor): Promise<void> {
    await complete(caseId, 'accept', 'accept', clerk);
    await complete(caseId, 'review', 'pass', reviewer);
  }

  /** Fires the case's deadline job that `pick` selects, at its own time, as the deadline worker would. */
  async function raise(caseId: string, pick: (job: DeadlineJob) => boolean): Promise<void> {
    const jobs = await govflow.deadlines.queue.getJobs(['delayed', 'waiting']);
    const job = jobs.map((queued) => queued.data).find((data) => data.caseId === caseId && pick(data));
    if (!job) throw new Error(`case ${caseId} has no such deadline job`);
    now = new Date(job.at);
    expect(await govflow.supervision.raiseDeadlineAlert(job)).toMatchObject({ raised: true });
  }

  async function figures(groupBy: FiguresGroupBy, period: { from: Date; to: Date }, jurisdiction?: Jurisdiction): Promise<FiguresRow[]> {
    return computeFigures(govflow.store.models, govflow.calendars.current, await govflow.org.tree(), { groupBy, ...period, jurisdiction });
  }

  /** A row with nothing received or completed in the period: only the open cards show. */
  function cardsOnly(group: string, name: string, openYellow: number, openRed: number): FiguresRow {
    return { group, name, received: 0, completed: 0, onTime: 0, onTimeRate: null, overdue: 0, averageWorkingDays: null, openYellow, openRed, notices: 0, noticesRepliedOnTime: 0, ratings: 0, satisfied: 0, satisfactionRate: null, followUps: 0, followUpsRepliedOnTime: 0, followUpOnTimeRate: null };
  }

  it('counts received, completed, on-time and overdue cases per process, with the mean handling time', async () => {
    // timed: received A, B, E; completed G, A (on time) and B (late); B overdue; (4 + 4 + 17) / 3 days.
    expect(await figures('process', march)).toEqual([
      { group: 'direct-approval', name: processName, received: 1, completed: 0, onTime: 0, onTimeRate: null, overdue: 0, averageWorkingDays: null, openYellow: 0, openRed: 0, notices: 0, noticesRepliedOnTime: 0, ratings: 0, satisfied: 0, satisfactionRate: null, followUps: 0, followUpsRepliedOnTime: 0, followUpOnTimeRate: null },
      { group: 'joint-approval', name: processName, received: 1, completed: 1, onTime: 1, onTimeRate: 1, overdue: 1, averageWorkingDays: 4, openYellow: 0, openRed: 1, notices: 0, noticesRepliedOnTime: 0, ratings: 0, satisfied: 0, satisfactionRate: null, followUps: 0, followUpsRepliedOnTime: 0, followUpOnTimeRate: null },
      { group: 'timed-approval', name: processName, received: 3, completed: 3, onTime: 2, onTimeRate: 0.6667, overdue: 1, averageWorkingDays: 8.33, openYellow: 1, openRed: 2, notices: 0, noticesRepliedOnTime: 0, ratings: 0, satisfied: 0, satisfactionRate: null, followUps: 0, followUpsRepliedOnTime: 0, followUpOnTimeRate: null },
    ]);
  });

  it('counts a case in every department it passed through, and a card in the department of its step', async () => {
    // market-bureau holds A, B, C, E, G: received A, B, C, E; completed G, A, C on time and B late;
    // overdue B and C; (4 + 4 + 17 + 4) / 4 days. C's red card is tax-bureau's review.
    expect(await figures('department', march)).toEqual([
      { group: '(none)', name: '(none)', received: 1, completed: 0, onTime: 0, onTimeRate: null, overdue: 0, averageWorkingDays: null, openYellow: 0, openRed: 0, notices: 0, noticesRepliedOnTime: 0, ratings: 0, satisfied: 0, satisfactionRate: null, followUps: 0, followUpsRepliedOnTime: 0, followUpOnTimeRate: null },
      { group: 'market-bureau', name: 'market-bureau', received: 4, completed: 4, onTime: 3, onTimeRate: 0.75, overdue: 2, averageWorkingDays: 7.25, openYellow: 1, openRed: 2, notices: 0, noticesRepliedOnTime: 0, ratings: 0, satisfied: 0, satisfactionRate: null, followUps: 0, followUpsRepliedOnTime: 0, followUpOnTimeRate: null },
      { group: 'tax-bureau', name: 'tax-bureau', received: 1, completed: 1, onTime: 1, onTimeRate: 1, overdue: 1, averageWorkingDays: 4, openYellow: 0, openRed: 1, notices: 0, noticesRepliedOnTime: 0, ratings: 0, satisfied: 0, satisfactionRate: null, followUps: 0, followUpsRepliedOnTime: 0, followUpOnTimeRate: null },
    ]);
  });

  it('takes the period as [from, to): a case created at `from` counts, one ended at `to` does not', async () => {
    // From A's creation to A's end: received A, B (timed) and C (joint); completed only G (Mar 3).
    const period = { from: new Date('2026-03-02T10:00:00+08:00'), to: new Date('2026-03-06T15:00:00+08:00') };
    expect(await figures('process', period)).toEqual([
      { group: 'joint-approval', name: processName, received: 1, completed: 0, onTime: 0, onTimeRate: null, overdue: 0, averageWorkingDays: null, openYellow: 0, openRed: 1, notices: 0, noticesRepliedOnTime: 0, ratings: 0, satisfied: 0, satisfactionRate: null, followUps: 0, followUpsRepliedOnTime: 0, followUpOnTimeRate: null },
      { group: 'timed-approval', name: processName, received: 2, completed: 1, onTime: 1, onTimeRate: 1, overdue: 0, averageWorkingDays: 4, openYellow: 1, openRed: 2, notices: 0, noticesRepliedOnTime: 0, ratings: 0, satisfied: 0, satisfactionRate: null, followUps: 0, followUpsRepliedOnTime: 0, followUpOnTimeRate: null },
    ]);
  });

  it('has no on-time rate or mean when nothing was completed in the period', async () => {
    // February: G was received, nothing ended.
    const february = { from: new Date('2026-02-01T00:00:00+08:00'), to: new Date('2026-03-01T00:00:00+08:00') };
    expect(await figures('process', february)).toEqual([
      cardsOnly('joint-approval', processName, 0, 1),
      { group: 'timed-approval', name: processName, received: 1, completed: 0, onTime: 0, onTimeRate: null, overdue: 0, averageWorkingDays: null, openYellow: 1, openRed: 2, notices: 0, noticesRepliedOnTime: 0, ratings: 0, satisfied: 0, satisfactionRate: null, followUps: 0, followUpsRepliedOnTime: 0, followUpOnTimeRate: null },
    ]);
  });

  it('leaves out cases outside the period but still shows the cards open now, not resolved ones', async () => {
    // H's yellow card was resolved by its acceptance in time; E's and the red cards stay open.
    const may = { from: new Date('2026-05-01T00:00:00+08:00'), to: new Date('2026-06-01T00:00:00+08:00') };
    expect(await figures('department', may)).toEqual([cardsOnly('market-bureau', 'market-bureau', 1, 2), cardsOnly('tax-bureau', 'tax-bureau', 0, 1)]);
  });

  describe('over an organisation tree', () => {
    beforeAll(async () => {
      const units = [
        { code: 'city', name: '市人民政府', kind: 'city', parent: null },
        { code: 'market-bureau', name: '市市场监督管理局', kind: 'bureau', parent: 'city' },
        { code: 'east', name: '东城区', kind: 'district', parent: 'city' },
        { code: 'tax-bureau', name: '东城区税务局', kind: 'bureau', parent: 'east' },
        { code: 'east-office', name: '东城区电子监察室', kind: 'supervision-office', parent: 'east' },
      ] as const;
      await govflow.org.import(units, systemActor, { dryRun: false });
    });

    it('rolls each unit up from its own figures and its children, cases no department has held into the root', async () => {
      const rows = await figures('unit', march);
      expect(rows.map((row) => [row.group, row.name, row.parent])).toEqual([
        ['city', '市人民政府', null],
        ['east', '东城区', 'city'],
        ['east-office', '东城区电子监察室', 'east'],
        ['tax-bureau', '东城区税务局', 'east'],
        ['market-bureau', '市市场监督管理局', 'city'],
        ['(none)', '(none)', 'city'],
      ]);
      const own = new Map((await figures('department', march)).map((row) => [row.group, row]));
      const counts = ['received', 'completed', 'onTime', 'overdue', 'openYellow', 'openRed', 'notices', 'noticesRepliedOnTime', 'ratings', 'satisfied', 'followUps', 'followUpsRepliedOnTime'] as const;
      for (const row of rows) {
        const children = rows.filter((child) => child.parent === row.group);
        for (const count of counts) expect([row.group, count, row[count]]).toEqual([row.group, count, (own.get(row.group)?.[count] ?? 0) + children.reduce((sum, child) => sum + child[count], 0)]);
      }
      expect(rows[0]).toMatchObject({ received: 6, completed: 5, onTime: 4, onTimeRate: 0.8 });
    });

    it('shows a district office only its district: its units, the cases that passed through them', async () => {
      const district = (await govflow.org.tree()).jurisdictionOf('east-office');
      expect(district).toEqual(['east', 'east-office', 'tax-bureau']);
      expect((await figures('department', march, district)).map((row) => row.group)).toEqual(['tax-bureau']);
      expect((await figures('unit', march, district)).map((row) => [row.group, row.received])).toEqual([['east', 1], ['east-office', 0], ['tax-bureau', 1]]);
      expect(await figures('process', march, district)).toEqual([expect.objectContaining({ group: 'joint-approval', received: 1, completed: 1 })]);
    });
  });

  it('rejects a period that does not end after it starts', async () => {
    const instant = new Date('2026-03-01T00:00:00+08:00');
    await expect(figures('process', { from: instant, to: instant })).rejects.toThrow(InvalidInputError);
    await expect(figures('department', { from: march.to, to: march.from })).rejects.toMatchObject({ code: 'invalid-input', status: 400 });
    await expect(figures('process', { from: new Date('not a date'), to: march.to })).rejects.toThrow(InvalidInputError);
  });
});

describe('figuresCsv', () => {
  const header = 'group,name,parent,received,completed,onTime,onTimeRate,overdue,averageWorkingDays,openYellow,openRed,notices,noticesRepliedOnTime,ratings,satisfied,satisfactionRate,followUps,followUpsRepliedOnTime,followUpOnTimeRate\r\n';

  it('writes a header and one CRLF-ended line per row, quoting as RFC 4180 asks and leaving nulls empty', () => {
    const rows: FiguresRow[] = [
      { group: 'market-bureau', name: '市场监管局', parent: 'city', received: 4, completed: 4, onTime: 3, onTimeRate: 0.75, overdue: 2, averageWorkingDays: 7.25, openYellow: 1, openRed: 2, notices: 0, noticesRepliedOnTime: 0, ratings: 4, satisfied: 3, satisfactionRate: 0.75, followUps: 1, followUpsRepliedOnTime: 0, followUpOnTimeRate: 0 },
      { group: 'tax', name: '税务局, "东区"分局', received: 1, completed: 0, onTime: 0, onTimeRate: null, overdue: 0, averageWorkingDays: null, openYellow: 0, openRed: 0, notices: 0, noticesRepliedOnTime: 0, ratings: 0, satisfied: 0, satisfactionRate: null, followUps: 0, followUpsRepliedOnTime: 0, followUpOnTimeRate: null },
      { group: 'line', name: 'line\nbreak', parent: null, received: 0, completed: 3, onTime: 2, onTimeRate: 0.6667, overdue: 1, averageWorkingDays: 8.33, openYellow: 0, openRed: 1, notices: 0, noticesRepliedOnTime: 0, ratings: 0, satisfied: 0, satisfactionRate: null, followUps: 0, followUpsRepliedOnTime: 0, followUpOnTimeRate: null },
    ];
    expect(figuresCsv(rows, 'en')).toBe(
      header +
        'market-bureau,市场监管局,city,4,4,3,75.0%,2,7.25,1,2,0,0,4,3,75.0%,1,0,0.0%\r\n' +
        'tax,"税务局, ""东区""分局",,1,0,0,,0,,0,0,0,0,0,0,,0,0,\r\n' +
        'line,"line\nbreak",,0,3,2,66.7%,1,8.33,0,1,0,0,0,0,,0,0,\r\n',
    );
  });

  it('writes only the header when there are no rows, in Chinese unless English is asked for', () => {
    expect(figuresCsv([], 'en')).toBe(header);
    expect(figuresCsv([])).toBe('编码,名称,上级单位,收件数,办结数,按时办结数,按时办结率,超期数,平均办理工作日,未关闭黄牌,未关闭红牌,督办数,督办按时回复数,评价数,满意数（基本满意及以上）,满意率,差评整改数,差评按时整改数,差评按时整改率\r\n');
  });
});
