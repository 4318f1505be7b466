import type { TimerJob } from '../../engine/deadlines';
import { systemActor } from '../../engine';
import { bpmn, passwordOf, startTestApi, type ApiResponse, type TestApi } from '../support/test-govflow';

/**
 * Shared helpers of the scenario suites: the staff the reference processes need besides the
 * standard test users, a settable clock, and short ways to read a case and drive its steps.
 */

/** The people the reference processes name, besides the standard test users; passwords as theirs (passwordOf). */
export const scenarioStaff = [
  { username: 'chief', password: passwordOf('chief'), roles: ['clerk'], department: 'market-bureau', groups: ['chief@market-bureau'] },
  { username: 'legal1', password: passwordOf('legal1'), roles: ['clerk'], department: 'market-bureau', groups: ['legal@market-bureau'] },
  { username: 'legal2', password: passwordOf('legal2'), roles: ['clerk'], department: 'market-bureau', groups: ['legal@market-bureau'] },
  { username: 'officer1', password: passwordOf('officer1'), roles: ['clerk'], department: 'market-bureau', groups: ['enforcement-brigade@market-bureau'] },
  { username: 'officer2', password: passwordOf('officer2'), roles: ['clerk'], department: 'market-bureau', groups: ['enforcement-brigade@market-bureau'] },
  { username: 'fire-reviewer', password: passwordOf('fire-reviewer'), roles: ['clerk'], department: 'fire-department', groups: ['review@fire-department'] },
  { username: 'planning-reviewer', password: passwordOf('planning-reviewer'), roles: ['clerk'], department: 'planning-bureau', groups: ['review@planning-bureau'] },
  { username: 'env-reviewer', password: passwordOf('env-reviewer'), roles: ['clerk'], department: 'environment-bureau', groups: ['review@environment-bureau'] },
];

export async function addScenarioStaff(api: TestApi): Promise<void> {
  for (const user of scenarioStaff) await api.govflow.users.add(user);
}

/** A clock the suites move by hand; China time (UTC+8) in the helpers below. */
export class TestClock {
  now: Date;
  constructor(start: string) {
    this.now = new Date(start);
  }
  /** Sets the clock to a China-time instant such as `2026-03-02T09:30`. */
  set(chinaTime: string): void {
    this.now = new Date(`${chinaTime}:00+08:00`);
  }
  advance(ms: number): void {
    this.now = new Date(this.now.getTime() + ms);
  }
}

export const DAY = 24 * 3600_000;

/** A document as the API takes it, by metadata. */
export function attachment(name: string, storageKey = `docs/${name}`, type = 'application/pdf') {
  const hex = Buffer.from(name).toString('hex').padEnd(64, '0').slice(0, 64);
  return { name, type, size: 1024, checksum: `sha256:${hex}`, storageKey };
}

/** Every material licensing-general's service guide asks for, handed in by metadata. */
export const licensingMaterials = [
  { ...attachment('申请书.pdf'), material: 'application-form' },
  { ...attachment('营业执照.pdf'), material: 'business-licence' },
  { ...attachment('租赁合同.pdf'), material: 'premises-proof' },
];

/** The applicant's 食品经营许可 application to licensing-general, its form filled in, with `materials` (all of them unless told). */
export function applyForLicence(s: Pick<Scenario, 'start'>, title = '食品经营许可申请', materials: unknown[] = licensingMaterials): Promise<{ id: string; receiptNo: string; queryCode: string }> {
  return s.start('licensing-general', title, { applicantName: '某某餐饮有限公司', businessScope: '热食类食品制售' }, 'applicant', materials);
}

export interface Step {
  taskId: string;
  stepId: string;
  name: string;
  assignee: string | null;
  candidateGroups: string[];
  clock: { limit: string; paused: boolean; state: string; dueDate: string | null } | null;
}

export interface Scenario {
  api: TestApi;
  /** The case as `user` sees it (default the supervision office, which sees everything). */
  view(caseId: string, user?: string): Promise<any>;
  steps(caseId: string): Promise<Step[]>;
  /** The one open task of `stepId`; fails when there is none or several. */
  task(caseId: string, stepId: string): Promise<Step>;
  /** Completes the open task of `stepId` as `user`; the answer as it came. */
  complete(user: string, caseId: string, stepId: string, body?: Record<string, unknown>): Promise<ApiResponse>;
  /** Completes and expects 200; returns the answer body. */
  done(user: string, caseId: string, stepId: string, body?: Record<string, unknown>): Promise<any>;
  start(processKey: string, title: string, data?: Record<string, unknown>, user?: string, attachments?: unknown[]): Promise<{ id: string; receiptNo: string; queryCode: string }>;
  progress(started: { receiptNo: string; queryCode: string }): Promise<any>;
  /** Compliance points (监察点) of a case, as the supervision office lists them. */
  compliance(caseId: string): Promise<Array<{ rule: string; stepName: string; handler: string; level: string; status: string }>>;
  /** The BPMN timer jobs waiting for a case. */
  timerJobs(caseId: string): Promise<TimerJob[]>;
  actions(caseId: string): Promise<string[]>;
}

export function scenario(api: TestApi): Scenario {
  const view = async (caseId: string, user = 'supervisor') => {
    const response = await api.call(user, 'GET', `/api/cases/${caseId}`);
    if (response.status !== 200) throw new Error(`GET case ${caseId} as ${user}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  };
  const steps = async (caseId: string): Promise<Step[]> => (await view(caseId)).currentSteps;
  const task = async (caseId: string, stepId: string): Promise<Step> => {
    const open = (await steps(caseId)).filter((step) => step.stepId === stepId);
    if (open.length !== 1) throw new Error(`expected one open "${stepId}" task, found ${JSON.stringify(await steps(caseId))}`);
    return open[0];
  };
  const complete = async (user: string, caseId: string, stepId: string, body: Record<string, unknown> = {}) => {
    const open = await task(caseId, stepId);
    return api.call(user, 'POST', `/api/tasks/${open.taskId}/complete`, body);
  };
  return {
    api,
    view,
    steps,
    task,
    complete,
    async done(user, caseId, stepId, body = {}) {
      const response = await complete(user, caseId, stepId, body);
      if (response.status !== 200) throw new Error(`${user} completing ${stepId}: ${response.status} ${JSON.stringify(response.body)}`);
      return response.body;
    },
    async start(processKey, title, data = {}, user = 'applicant', attachments) {
      const response = await api.call(user, 'POST', '/api/cases', { processKey, title, data, ...(attachments ? { attachments } : {}) });
      if (response.status !== 201) throw new Error(`start ${processKey}: ${response.status} ${JSON.stringify(response.body)}`);
      return response.body;
    },
    async progress({ receiptNo, queryCode }) {
      const response = await api.call(undefined, 'GET', `/api/public/progress/${receiptNo}?code=${queryCode}`);
      if (response.status !== 200) throw new Error(`progress ${receiptNo}: ${response.status} ${JSON.stringify(response.body)}`);
      return response.body;
    },
    async compliance(caseId) {
      const response = await api.call('supervisor', 'GET', '/api/supervision/alerts?kind=compliance&pageSize=200');
      if (response.status !== 200) throw new Error(`alerts: ${response.status} ${JSON.stringify(response.body)}`);
      return response.body.items.filter((item: { caseId: string }) => item.caseId === caseId);
    },
    async timerJobs(caseId) {
      const jobs = await api.govflow.deadlines.queue.getJobs(['delayed', 'waiting']);
      return jobs.filter((job) => job.name === 'timer' && job.data.caseId === caseId).map((job) => job.data as TimerJob);
    },
    async actions(caseId) {
      return (await view(caseId)).history.map((item: { action: string }) => item.action);
    },
  };
}

/**
 * Registers a suite's setup: an API on a clock set to Monday 2026-03-02 09:30 China time (reset
 * before each test), the scenario staff, and the shipped process `file` deployed; `ready`
 * receives the API and its scenario helpers once they exist.
 */
export function useScenario(file: string, ready: (scene: { api: TestApi; s: Scenario }) => void): { clock: TestClock } {
  const clock = new TestClock('2026-03-02T09:30:00+08:00');
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ now: () => clock.now });
    await addScenarioStaff(api);
    await api.govflow.definitions.deploy(bpmn(file), systemActor);
    ready({ api, s: scenario(api) });
  });
  afterAll(() => api.close());
  beforeEach(() => clock.set('2026-03-02T09:30'));
  return { clock };
}
