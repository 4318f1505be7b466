import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { demoClients, demoUsers, Govflow, systemActor, type Actor, type CompleteTaskInput, type GovflowOptions } from '../engine';
import type { NewAttachment } from '../engine/cases';
import { chinaDateOf } from '../engine/time';
import { demoUnits } from '../engine/org';
import { projectRoot } from '../scripts/services';

const day = 24 * 60 * 60 * 1000;
const supervisor: Actor = { username: 'supervisor', roles: ['supervisor'], department: 'supervision-office', groups: [] };

/**
 * GOVFLOW_DEMO=1: the demo users, the shipped processes and, on a database without demo cases,
 * sample cases in varied states — fresh, near and past their limits, waiting for a supplement,
 * in a countersign, granted, denied, a penalty with a fine outside its range. Idempotent.
 * The samples are written by a second Govflow whose clock is set back to when each step
 * happened, so their limits, cards and deadline jobs are what they would be had it been so.
 */
export async function seedDemo(govflow: Govflow, options: GovflowOptions): Promise<void> {
  await govflow.org.ensureDemoUnits(demoUnits);
  for (const user of demoUsers) await govflow.users.ensureDemoUser(user);
  for (const client of demoClients) await govflow.clients.ensureDemoClient(client);
  const folder = join(projectRoot, 'processes');
  for (const file of readdirSync(folder).filter((name) => name.endsWith('.bpmn'))) {
    const outcome = await govflow.definitions.deploy(readFileSync(join(folder, file), 'utf8'), systemActor);
    govflow.log.info({ key: outcome.key, version: outcome.version }, `demo process ${file}`);
  }
  if (await govflow.store.models.cases.exists({ title: { $regex: '^【示例】' } })) {
    govflow.log.info('demo cases exist already');
  } else {
    const clock = { at: new Date() };
    const seeder = await Govflow.create({ ...options, logger: govflow.log, now: () => clock.at });
    try {
      const count = await new DemoCases(seeder, clock).write();
      govflow.log.info({ cases: count }, 'demo cases written');
    } finally {
      await seeder.close();
    }
  }
  govflow.log.warn('GOVFLOW_DEMO=1: demo users exist with the password "demo"; never use this in production');
}

/** Drives the sample cases through the facade as the demo staff would, at past moments. */
class DemoCases {
  #count = 0;

  constructor(
    readonly govflow: Govflow,
    readonly clock: { at: Date },
  ) {}

  async write(): Promise<number> {
    await this.#licensing();
    await this.#parallelLicensing();
    await this.#penalties();
    return this.#count;
  }

  async #licensing(): Promise<void> {
    await this.#apply(0, '城东小吃店 食品经营许可');
    const overdue = await this.#apply(20, '江南餐饮有限公司 食品经营许可');
    await this.#act(19, overdue, 'accept', 'clerk', { decision: 'accept', comment: '材料齐全，予以受理' });
    // its 10WD review began ten working days back, so it is due by the end of today whatever day today is
    const reviewBegan = this.#workingDaysBack(10);
    const nearDue = await this.#apply(reviewBegan + 1, '滨河咖啡馆 食品经营许可');
    await this.#act(reviewBegan, nearDue, 'accept', 'window2', { decision: 'accept', comment: '予以受理' });
    const supplement = await this.#apply(3, '康宁大药房 药品经营许可');
    await this.#act(2, supplement, 'accept', 'clerk', { decision: 'supplement', comment: '请补正', data: { missingMaterials: [{ material: 'premises-proof', reason: '经营场所产权证明复印件不清晰，请重新提交房屋产权证明或租赁合同' }] } });
    const granted = await this.#apply(10, '老街面馆 食品经营许可');
    await this.#act(9, granted, 'accept', 'clerk', { decision: 'accept', comment: '予以受理' });
    await this.#act(7, granted, 'review', 'clerk', { decision: 'pass', comment: '符合条件' });
    await this.#act(6, granted, 'check', 'chief', { decision: 'pass', comment: '同意' });
    await this.#act(5, granted, 'decide', 'leader', { decision: 'grant', comment: '准予许可', data: { licenceNo: 'JY13301020000123' } });
    await this.#act(4, granted, 'issue', 'window2', { decision: 'issued', comment: '已送达' });
    const denied = await this.#apply(8, '夜市烧烤摊 食品经营许可');
    await this.#act(8, denied, 'accept', 'clerk', { decision: 'accept' });
    await this.#act(6, denied, 'review', 'clerk', { decision: 'reject', comment: '经营场所油烟排放不达标' });
    await this.#act(5, denied, 'check', 'chief', { decision: 'pass', comment: '同意审查意见' });
    await this.#act(4, denied, 'decide', 'leader', { decision: 'deny', comment: '经营场所不符合《食品经营许可管理办法》第十一条规定的条件' });
  }

  async #parallelLicensing(): Promise<void> {
    const mall = await this.#start(6, 'licensing-parallel', '星河广场 大型商场开业并联审批');
    await this.#act(5, mall, 'accept', 'clerk', { decision: 'accept', comment: '予以受理' });
    await this.#act(5, mall, 'leadReview', 'clerk', { decision: 'pass', comment: '牵头审查通过，转各部门会签' });
    await this.#act(3, mall, 'countersign', 'fire-reviewer', { decision: 'agree', comment: '消防验收合格' });
  }

  async #penalties(): Promise<void> {
    const unlicensed = await this.#start(40, 'administrative-penalty', '某电子商行 无照经营', 'officer1');
    await this.#act(39, unlicensed, 'fileCase', 'leader', { decision: 'file', comment: '同意立案', data: { violation: 'unlicensed-operation', investigators: ['officer1', 'officer2'] } });
    const expired = await this.#start(20, 'administrative-penalty', '惠民超市 经营过期食品', 'officer2');
    await this.#act(19, expired, 'fileCase', 'leader', { decision: 'file', data: { violation: 'expired-food', investigators: ['officer1', 'officer2'] } });
    await this.#act(12, expired, 'investigate', 'officer1', { decision: 'done', comment: '现场检查笔录已制作' });
    await this.#act(11, expired, 'investigate', 'officer2', { decision: 'done', comment: '证据已固定' });
    await this.#act(10, expired, 'caseReview', 'chief', { decision: 'pass', data: { major: false, fine: 80000 } });
    await this.#act(9, expired, 'notify', 'officer1', { decision: 'no-hearing', comment: '当事人放弃听证' });
    await this.#act(8, expired, 'decide', 'leader', { decision: 'penalize', comment: '罚款八万元', data: { fine: 80000 } });
    await this.#act(7, expired, 'serve', 'officer2', { decision: 'served' });
  }

  /** An application for a licence (行政许可一般程序) with its form filled in and the required materials, by metadata. */
  #apply(daysAgo: number, title: string): Promise<string> {
    const [applicantName = title] = title.split(' ');
    const handedIn = { 'application-form': '许可申请书.pdf', 'business-licence': '营业执照.pdf', 'premises-proof': '租赁合同.pdf' };
    const materials = Object.entries(handedIn).map(([material, name]) => ({
      name,
      type: 'application/pdf',
      size: 1024,
      checksum: `sha256:${Buffer.from(`${title}/${material}`).toString('hex').padEnd(64, '0').slice(0, 64)}`,
      storageKey: `demo/${material}.pdf`,
      material,
    }));
    return this.#start(daysAgo, 'licensing-general', title, 'applicant', { applicantName, businessScope: '热食类食品制售' }, materials);
  }

  async #start(daysAgo: number, processKey: string, title: string, by = 'applicant', data: Record<string, unknown> = {}, attachments?: NewAttachment[]): Promise<string> {
    this.#at(daysAgo);
    const { result } = await this.govflow.cases.start({ processKey, title: `【示例】${title}`, data, ...(attachments ? { attachments } : {}) }, await this.#actor(by));
    this.#count++;
    return result.id;
  }

  /** Completes the open task of `stepId` the user may work (for a countersign: their own signature). */
  async #act(daysAgo: number, caseId: string, stepId: string, by: string, input: CompleteTaskInput): Promise<void> {
    this.#at(daysAgo);
    const actor = await this.#actor(by);
    const { items: tasks } = await this.govflow.tasks.list(actor, 'mine');
    const { items: claimable } = await this.govflow.tasks.list(actor, 'claimable');
    const task = [...tasks, ...claimable].find((candidate) => candidate.caseId === caseId && candidate.stepId === stepId);
    if (!task) throw new Error(`demo data: ${by} finds no task "${stepId}" in case ${caseId} (${JSON.stringify((await this.govflow.cases.get(caseId, supervisor)).currentSteps)})`);
    await this.govflow.tasks.complete(task.id, input, actor);
  }

  /** How many natural days back the `count`th working day before today is, by the working calendar. */
  #workingDaysBack(count: number): number {
    const calendar = this.govflow.calendars.current;
    let days = 0;
    for (let counted = 0; counted < count; ) {
      days++;
      if (calendar.isWorkingDay(chinaDateOf(new Date(Date.now() - days * day)))) counted++;
    }
    return days;
  }

  #at(daysAgo: number): void {
    this.clock.at = new Date(Date.now() - daysAgo * day);
  }

  async #actor(username: string): Promise<Actor> {
    const actor = await this.govflow.users.authenticate(username, 'demo');
    if (!actor) throw new Error(`demo data: no demo user ${username} with the demo password`);
    return actor;
  }
}
