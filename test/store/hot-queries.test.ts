import type { Collection, Document } from 'mongodb';
import type { Actor, Govflow } from '../../engine';
import { caseListFilter } from '../../engine/cases';
import { claimId, revisionId } from '../../engine/store/case-ledger';
import { jurisdictionFilter } from '../../engine/org';
import { alertQuery, audienceQuery, noticeVisibility } from '../../engine/supervision';
import { doneCountFilter, doneMonths, inboxFilter, searchConditions } from '../../engine/tasks';
import { queryPlan } from '../support/query-plan';
import { createTestGovflow } from '../support/test-govflow';

/**
 * Every query a person waits on, as govflow builds it, read through an index of the store that
 * runs it — asked of the store's own explain, over collections filled the way years of work
 * fill them (most tasks closed, most cases ended), so that closed work never costs the open lists.
 */
describe('hot queries use an index', () => {
  let govflow: Govflow;
  const clerk: Actor = { username: 'u7', roles: ['clerk'], department: 'dept-7', groups: ['window@dept-7', 'review@dept-7'] };
  const leader: Actor = { username: 'l7', roles: ['leader'], department: 'dept-7', groups: ['leader@dept-7'] };
  const applicant: Actor = { username: 'applicant-7', roles: ['applicant'], department: null, groups: [] };
  const supervisor: Actor = { username: 'office', roles: ['supervisor'], department: 'supervision-office', groups: [] };
  /** A district's office and administrator: their jurisdiction is the district's few units. */
  const district = ['dept-7', 'dept-8', 'dept-9'];
  const districtOffice: Actor = { ...supervisor, department: 'district-office', jurisdiction: district };
  const districtAdmin: Actor = { username: 'district-admin', roles: ['admin'], department: 'dept-7', groups: [], jurisdiction: district };

  beforeAll(async () => {
    govflow = await createTestGovflow();
    await seed(govflow);
  }, 120_000);
  afterAll(async () => {
    await govflow.store.connection.dropDatabase();
    await govflow.close();
  });

  const collection = (name: keyof Govflow['store']['collections']) => govflow.store.collections[name] as unknown as Collection<{ _id: string } & Document>;

  const cases: Array<[string, () => [Collection<{ _id: string } & Document>, Document], string]> = [
    ['the inbox: tasks I hold', () => [collection('tasks'), inboxFilter(clerk, 'mine')], 'holder'],
    ['the inbox: tasks I may claim', () => [collection('tasks'), inboxFilter(clerk, 'claimable')], 'queue'],
    ['the inbox: tasks I completed this month', () => [collection('tasks'), { doneKey: 'u7|2026-11' }], 'doneKey'],
    ['the inbox: how many tasks I completed in ten years', () => [collection('tasks'), doneCountFilter('u7', doneMonths(new Date('2026-11-15T10:00:00+08:00')))], 'completedBy'],
    ["a leader's inbox: every open step of the department", () => [collection('tasks'), inboxFilter(leader, 'department')], 'openUnits'],
    ['the inbox searched: claimable tasks of an applicant with a title', () => [collection('tasks'), { ...inboxFilter(clerk, 'claimable'), ...searchConditions({ applicants: ['applicant-7'], title: '许可', from: '2026-11-01' }, 'task', 'createdAt') }], 'queue'],
    ["the cases I opened, searched by receipt number", () => [collection('cases'), { ...caseListFilter(clerk, 'mine'), ...searchConditions({ receiptNo: '00042' }, 'case', 'createdAt') }], 'applicant'],
    ["an applicant's cases", () => [collection('cases'), caseListFilter(applicant, 'mine')], 'applicant'],
    ['the cases copied to me or my groups', () => [collection('cases'), caseListFilter(clerk, 'copied')], 'copyKeys'],
    ['who may read a stored file: the cases that have it', () => [collection('cases'), { fileIds: 'f000000000000000000000015' }], 'fileIds'],
    ['public progress by receipt number', () => [collection('cases'), { receiptNo: 'GF20261101-00042' }], 'receiptNo'],
    ["a department's open cards", () => [collection('alerts'), alertQuery(clerk, { status: 'open' })], 'department'],
    ['the office: open red cards', () => [collection('alerts'), alertQuery(supervisor, { status: 'open', level: 'red' })], 'level'],
    ["the office: a process's cards", () => [collection('alerts'), alertQuery(supervisor, { process: 'process-3' })], 'processKey'],
    ['the office: compliance points', () => [collection('alerts'), alertQuery(supervisor, { kind: 'compliance' })], 'kind'],
    ["a department's notices", () => [collection('notices'), noticeVisibility(clerk)], 'department'],
    ['notices awaiting a reply', () => [collection('notices'), { ...noticeVisibility(supervisor), awaitingReply: true }], 'awaitingReply'],
    ['replies the office has to review', () => [collection('notices'), { ...noticeVisibility(supervisor), awaitingReview: true }], 'awaitingReview'],
    ['my notifications', () => [collection('notifications'), audienceQuery(clerk)], 'audienceKeys'],
    ['a case’s newest revisions and their claims', () => [collection('caseRevisions'), { _id: { $in: [revisionId('case-9', 3), claimId('case-9', 3), revisionId('case-9', 4), claimId('case-9', 4)] } }], '_id'],
    ['the repair sweep: claims left behind', () => [collection('caseRevisions'), { claim: true, at: { $lte: new Date() } }], 'claim'],
    ["a case's audit log", () => [collection('audit'), { caseId: 'case-9' }], 'caseId'],
    ["a case's tasks", () => [collection('tasks'), { caseId: 'case-9' }], 'caseId'],
    ['the incidents board: open incidents', () => [collection('incidents'), { status: 'open' }], 'status'],
    ["a district office's cards", () => [collection('alerts'), alertQuery(districtOffice, {})], 'department'],
    ["a district office's notices", () => [collection('notices'), noticeVisibility(districtOffice)], 'department'],
    ["a district office's open incidents", () => [collection('incidents'), { status: 'open', ...jurisdictionFilter(districtOffice.jurisdiction!, 'departments') }], 'departments'],
    ["a district administrator's users", () => [govflow.store.connection.db!.collection<{ _id: string } & Document>('users'), jurisdictionFilter(districtAdmin.jurisdiction!, 'department')], 'department'],
  ];

  it.each(cases)('%s', async (_label, query, field) => {
    const [target, filter] = query();
    const plan = await queryPlan(target, filter);
    expect(plan.fullScan).toBe(false);
    expect(plan.indexedFields).toContain(field);
  });
});

/** Three thousand tasks, cases, notifications, incidents and users of 70 departments, most of the work done with. */
async function seed(govflow: Govflow): Promise<void> {
  const { collections } = govflow.store;
  const raw = (name: keyof typeof collections) => collections[name] as unknown as Collection<{ _id: string } & Document>;
  const n = Array.from({ length: 3000 }, (_, index) => index);
  const open = (i: number) => i % 10 === 0;
  await raw('tasks').insertMany(
    n.map((i) => ({
      _id: `case-${i}.task`,
      caseId: `case-${i}`,
      status: open(i) ? 'open' : 'completed',
      holder: open(i) && i % 20 === 0 ? `u${i % 100}` : null,
      queue: open(i) && i % 20 !== 0 ? [`group:window@dept-${i % 70}`] : [],
      doneKey: open(i) ? null : `u${i % 100}|2026-${String((i % 12) + 1).padStart(2, '0')}`,
      openUnits: open(i) ? [`dept-${i % 70}`] : [],
      completedBy: open(i) ? null : `u${i % 100}`,
      completedAt: open(i) ? null : new Date(Date.UTC(2026, i % 12, 10)),
    })),
  );
  await raw('cases').insertMany(
    n.map((i) => ({
      _id: `case-${i}`,
      status: open(i) ? 'running' : 'completed',
      applicant: `applicant-${i % 300}`,
      receiptNo: `GF20261101-${String(i).padStart(5, '0')}`,
      copyKeys: i % 20 === 0 ? [`user:u${i % 100}`, `group:review@dept-${i % 70}`] : [],
      fileIds: i % 5 === 0 ? [`f${String(i).padStart(24, '0')}`] : [],
      createdAt: new Date(Date.UTC(2026, 0, 1) + i * 3_600_000),
    })),
  );
  await raw('alerts').insertMany(
    n.map((i) => ({ _id: `alert-${i}`, status: i % 10 === 0 ? 'open' : 'closed', level: i % 3 === 0 ? 'red' : 'yellow', department: `dept-${i % 70}`, processKey: `process-${i % 40}`, kind: i % 25 === 0 ? 'compliance' : 'step', raisedAt: new Date() })),
  );
  await raw('notices').insertMany(n.map((i) => ({ _id: `notice-${i}`, department: `dept-${i % 70}`, awaitingReply: i % 30 === 0, awaitingReview: i % 30 === 1, sentAt: new Date() })));
  await raw('notifications').insertMany(n.map((i) => ({ _id: `notification-${i}`, audienceKeys: [`user:u${i % 100}`, `department:dept-${i % 70}`], at: new Date() })));
  await raw('incidents').insertMany(n.map((i) => ({ _id: `incident~case-${i}~2`, caseId: `case-${i}`, departments: [`dept-${i % 70}`], status: i % 50 === 0 ? 'open' : 'resolved', at: new Date() })));
  await govflow.store.connection.db!.collection<{ _id: string } & Document>('users').insertMany(n.map((i) => ({ _id: `user-${i}`, roles: ['clerk'], department: `dept-${i % 70}`, groups: [`window@dept-${i % 70}`] })));
  await raw('audit').insertMany(n.map((i) => ({ _id: `case-${i % 600}:${String(i).padStart(8, '0')}`, caseId: `case-${i % 600}`, seq: i })));
  await raw('caseRevisions').insertMany([
    ...n.map((i) => ({ _id: revisionId(`case-${i % 600}`, Math.floor(i / 600) + 1), caseId: `case-${i % 600}`, rev: Math.floor(i / 600) + 1, pad: 'x'.repeat(300) })),
    ...[1, 2, 3].map((i) => ({ _id: claimId(`case-${i}`, 6), caseId: `case-${i}`, rev: 6, claim: true, at: new Date() })),
  ]);
}
