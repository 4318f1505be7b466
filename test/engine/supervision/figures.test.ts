import { InvalidInputError, systemActor, type Actor, type Govflow } from '../../../engine';
import type { DeadlineJob } from '../../../engine/deadlines';
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

  function figures(groupBy: FiguresGroupBy, period: { from: Date; to: Date }): Promise<FiguresRow[]> {
    return computeFigures(govflow.store.models, govflow.calendars.current, { groupBy, ...period });
  }

  /** A row with nothing received or completed in the period: only the open cards show. */
  function cardsOnly(group: string, openYellow: number, openRed: number): FiguresRow {
    return { group, received: 0, completed: 0, onTime: 0, onTimeRate: null, overdue: 0, averageWorkingDays: null, openYellow, openRed, notices: 0, noticesRepliedOnTime: 0 };
  }

  it('counts received, completed, on-time and overdue cases per process, with the mean handling time', async () => {
    // timed: received A, B, E; completed G, A (on time) and B (late); B overdue; (4 + 4 + 17) / 3 days.
    expect(await figures('process', march)).toEqual([
      { group: 'direct-approval', received: 1, completed: 0, onTime: 0, onTimeRate: null, overdue: 0, averageWorkingDays: null, openYellow: 0, openRed: 0, notices: 0, noticesRepliedOnTime: 0 },
      { group: 'joint-approval', received: 1, completed: 1, onTime: 1, onTimeRate: 1, overdue: 1, averageWorkingDays: 4, openYellow: 0, openRed: 1, notices: 0, noticesRepliedOnTime: 0 },
      { group: 'timed-approval', received: 3, completed: 3, onTime: 2, onTimeRate: 0.6667, overdue: 1, averageWorkingDays: 8.33, openYellow: 1, openRed: 2, notices: 0, noticesRepliedOnTime: 0 },
    ]);
  });

  it('counts a case in every department it passed through, and a card in the department of its step', async () => {
    // market-bureau holds A, B, C, E, G: received A, B, C, E; completed G, A, C on time and B late;
    // overdue B and C; (4 + 4 + 17 + 4) / 4 days. C's red card is tax-bureau's review.
    expect(await figures('department', march)).toEqual([
      { group: '(none)', received: 1, completed: 0, onTime: 0, onTimeRate: null, overdue: 0, averageWorkingDays: null, openYellow: 0, openRed: 0, notices: 0, noticesRepliedOnTime: 0 },
      { group: 'market-bureau', received: 4, completed: 4, onTime: 3, onTimeRate: 0.75, overdue: 2, averageWorkingDays: 7.25, openYellow: 1, openRed: 2, notices: 0, noticesRepliedOnTime: 0 },
      { group: 'tax-bureau', received: 1, completed: 1, onTime: 1, onTimeRate: 1, overdue: 1, averageWorkingDays: 4, openYellow: 0, openRed: 1, notices: 0, noticesRepliedOnTime: 0 },
    ]);
  });

  it('takes the period as [from, to): a case created at `from` counts, one ended at `to` does not', async () => {
    // From A's creation to A's end: received A, B (timed) and C (joint); completed only G (Mar 3).
    const period = { from: new Date('2026-03-02T10:00:00+08:00'), to: new Date('2026-03-06T15:00:00+08:00') };
    expect(await figures('process', period)).toEqual([
      { group: 'joint-approval', received: 1, completed: 0, onTime: 0, onTimeRate: null, overdue: 0, averageWorkingDays: null, openYellow: 0, openRed: 1, notices: 0, noticesRepliedOnTime: 0 },
      { group: 'timed-approval', received: 2, completed: 1, onTime: 1, onTimeRate: 1, overdue: 0, averageWorkingDays: 4, openYellow: 1, openRed: 2, notices: 0, noticesRepliedOnTime: 0 },
    ]);
  });

  it('has no on-time rate or mean when nothing was completed in the period', async () => {
    // February: G was received, nothing ended.
    const february = { from: new Date('2026-02-01T00:00:00+08:00'), to: new Date('2026-03-01T00:00:00+08:00') };
    expect(await figures('process', february)).toEqual([
      cardsOnly('joint-approval', 0, 1),
      { group: 'timed-approval', received: 1, completed: 0, onTime: 0, onTimeRate: null, overdue: 0, averageWorkingDays: null, openYellow: 1, openRed: 2, notices: 0, noticesRepliedOnTime: 0 },
    ]);
  });

  it('leaves out cases outside the period but still shows the cards open now, not resolved ones', async () => {
    // H's yellow card was resolved by its acceptance in time; E's and the red cards stay open.
    const may = { from: new Date('2026-05-01T00:00:00+08:00'), to: new Date('2026-06-01T00:00:00+08:00') };
    expect(await figures('department', may)).toEqual([cardsOnly('market-bureau', 1, 2), cardsOnly('tax-bureau', 0, 1)]);
  });

  it('rejects a period that does not end after it starts', async () => {
    const instant = new Date('2026-03-01T00:00:00+08:00');
    await expect(figures('process', { from: instant, to: instant })).rejects.toThrow(InvalidInputError);
    await expect(figures('department', { from: march.to, to: march.from })).rejects.toMatchObject({ code: 'invalid-input', status: 400 });
    await expect(figures('process', { from: new Date('not a date'), to: march.to })).rejects.toThrow(InvalidInputError);
  });
});

describe('figuresCsv', () => {
  const header = 'group,received,completed,onTime,onTimeRate,overdue,averageWorkingDays,openYellow,openRed,notices,noticesRepliedOnTime\r\n';

  it('writes a header and one CRLF-ended line per row, quoting as RFC 4180 asks and leaving nulls empty', () => {
    const rows: FiguresRow[] = [
      { group: 'market-bureau', received: 4, completed: 4, onTime: 3, onTimeRate: 0.75, overdue: 2, averageWorkingDays: 7.25, openYellow: 1, openRed: 2, notices: 0, noticesRepliedOnTime: 0 },
      { group: '税务局, "东区"分局', received: 1, completed: 0, onTime: 0, onTimeRate: null, overdue: 0, averageWorkingDays: null, openYellow: 0, openRed: 0, notices: 0, noticesRepliedOnTime: 0 },
      { group: 'line\nbreak', received: 0, completed: 3, onTime: 2, onTimeRate: 0.6667, overdue: 1, averageWorkingDays: 8.33, openYellow: 0, openRed: 1, notices: 0, noticesRepliedOnTime: 0 },
    ];
    expect(figuresCsv(rows)).toBe(
      header +
        'market-bureau,4,4,3,0.75,2,7.25,1,2,0,0\r\n' +
        '"税务局, ""东区""分局",1,0,0,,0,,0,0,0,0\r\n' +
        '"line\nbreak",0,3,2,0.6667,1,8.33,0,1,0,0\r\n',
    );
  });

  it('writes only the header when there are no rows', () => {
    expect(figuresCsv([])).toBe(header);
  });
});
