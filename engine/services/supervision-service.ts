import type { DeadlineJob } from '../deadlines';
import { NotFoundError } from '../errors';
import type { AlertRecord, Notice, NoticeRecord, NotificationRecord } from '../records';
import { AcceptNoticeReply, CloseAlert, CloseNotice, RaiseDeadlineAlert, ReissueNotice, ReplyNotice, SendNotice, type RaisedAlert } from '../runtime';
import type { Executor } from '../runtime/executor';
import { jurisdictionOfActor, type OrgDirectory } from '../org/org-directory';
import type { Models } from '../store/models';
import { pagedFind, type Page } from '../store/paged-find';
import {
  alertQuery,
  alertView,
  alertVisibility,
  audienceQuery,
  caseIdOfAlert,
  computeFigures,
  figureCases,
  noticeView,
  noticeVisibility,
  unstaffedTasks,
  type AlertFilter,
  type FigureCasesQuery,
  type FigureCaseView,
  type FiguresQuery,
  type FiguresRow,
  type NoticeView,
  type UnstaffedTask,
} from '../supervision';
import type { WorkingCalendar } from '../time';
import { systemActor, type Actor } from '../users/actor';
import type { NameBook } from '../users/name-book';
import type { Names } from '../users/names';
import type { UserDirectory } from '../users/user-directory';
import { runOnCase } from './visible-commands';

export type AlertView = ReturnType<typeof alertView>;

/** Unit names by code, from this node's tree. */
type NameOf = (unit: string) => string;

/** The bell counts new notifications up to this many (and shows 99+), so a department's years of them cost no more. */
const unseenCountLimit = 100;

/**
 * The supervision office's and the departments' side (电子监察): cards, notices and their
 * replies, in-app notifications, the figures, the tasks nobody can act on, and the deadline
 * worker's cards. Used by the API and the worker.
 */
export class SupervisionService {
  readonly #executor: Executor;
  readonly #models: Models;
  readonly #users: UserDirectory;
  readonly #org: OrgDirectory;
  readonly #names: NameBook;
  readonly #calendar: () => WorkingCalendar;
  readonly #now: () => Date;

  constructor(executor: Executor, models: Models, directory: { users: UserDirectory; org: OrgDirectory; names: NameBook }, calendar: () => WorkingCalendar, now: () => Date) {
    this.#executor = executor;
    this.#models = models;
    this.#users = directory.users;
    this.#org = directory.org;
    this.#names = directory.names;
    this.#calendar = calendar;
    this.#now = now;
  }

  /** Open tasks nobody in the directory can act on now, oldest first, for the supervision office. */
  async unstaffedTasks(page: Page): Promise<{ items: UnstaffedTask[]; total: number }> {
    const all = await unstaffedTasks(this.#models, this.#users);
    return { items: all.slice(page.offset, page.offset + page.limit), total: all.length };
  }

  /** Alerts the actor may see, newest first, a page at a time. */
  async listAlerts(actor: Actor, filter: AlertFilter, page: { page: number; pageSize: number }): Promise<{ items: AlertView[]; total: number; names: Names }> {
    const { items, total } = await pagedFind<AlertRecord>(this.#models.alerts, alertQuery(actor, filter), { raisedAt: -1 }, { limit: page.pageSize, offset: (page.page - 1) * page.pageSize });
    const nameOf = await this.#nameOf();
    return { items: items.map((record) => alertView(record, nameOf)), total, names: await this.#alertNames(items) };
  }

  async getAlert(alertId: string, actor: Actor): Promise<AlertView & { names: Names }> {
    const record = await this.#models.alerts.findOne({ ...alertVisibility(actor), _id: alertId }).lean<AlertRecord>();
    if (!record) throw new NotFoundError('alert', alertId);
    return { ...alertView(record, await this.#nameOf()), names: await this.#alertNames([record]) };
  }

  /** The names of whoever cards name: the step's handler, the office member who closed them. */
  #alertNames(alerts: readonly AlertRecord[]): Promise<Names> {
    return this.#names.names({ people: alerts.flatMap((alert) => [alert.handler, alert.closedBy]) });
  }

  async closeAlert(alertId: string, note: string, actor: Actor): Promise<AlertView & { names: Names }> {
    await this.getAlert(alertId, actor);
    await this.#executor.run(new CloseAlert(caseIdOfAlert(alertId), alertId, note), actor);
    return this.getAlert(alertId, actor);
  }

  /** Called by the deadline worker when a card's job fires. */
  raiseDeadlineAlert(job: DeadlineJob): Promise<RaisedAlert> {
    return this.#executor.run(new RaiseDeadlineAlert(job), systemActor);
  }

  /** 督办: the office sends a notice about a case — named by its id, or by the receipt number on its papers — to a department. */
  async sendNotice(target: { caseId: string } | { receiptNo: string }, department: string, message: string, replyLimit: string, actor: Actor): Promise<Notice> {
    const caseId = 'caseId' in target ? target.caseId : await this.#caseIdOfReceipt(target.receiptNo);
    return runOnCase(this.#executor, new SendNotice(caseId, department, message, replyLimit), actor);
  }

  async #caseIdOfReceipt(receiptNo: string): Promise<string> {
    const head = await this.#models.cases.findOne({ receiptNo }, { _id: 1 }).lean<{ _id: string }>();
    if (!head) throw new NotFoundError('receipt number', receiptNo);
    return head._id;
  }

  /** The department named in a notice answers it; others do not even see it. */
  async replyNotice(noticeId: string, explanation: string, actor: Actor): Promise<Notice> {
    return this.#executor.run(new ReplyNotice(await this.#caseOfNotice(noticeId, actor), noticeId, explanation), actor);
  }

  /** 认可: the office accepts the reply, which ends the notice. */
  async acceptNoticeReply(noticeId: string, comment: string | null, actor: Actor): Promise<Notice> {
    return this.#executor.run(new AcceptNoticeReply(await this.#caseOfNotice(noticeId, actor), noticeId, comment), actor);
  }

  /** The office sends a notice again with a new reply limit: turning back its reply (`reject`), or pressing it unanswered (再次督办). */
  async reissueNotice(noticeId: string, reissue: { reject: boolean; reason: string; replyLimit: string }, actor: Actor): Promise<Notice> {
    return this.#executor.run(new ReissueNotice(await this.#caseOfNotice(noticeId, actor), noticeId, reissue.reject, reissue.reason, reissue.replyLimit), actor);
  }

  /** 结束督办: the office ends a notice without more. */
  async closeNotice(noticeId: string, comment: string, actor: Actor): Promise<Notice> {
    return this.#executor.run(new CloseNotice(await this.#caseOfNotice(noticeId, actor), noticeId, comment), actor);
  }

  async #caseOfNotice(noticeId: string, actor: Actor): Promise<string> {
    const notice = await this.#models.notices.findOne({ ...noticeVisibility(actor), _id: noticeId }, { caseId: 1 }).lean<Pick<NoticeRecord, 'caseId'>>();
    if (!notice) throw new NotFoundError('notice', noticeId);
    return notice.caseId;
  }

  /** Notices the actor may see, newest first, a page at a time: the office all, a department the ones sent to it. */
  async listNotices(actor: Actor, filter: { awaitingReply?: boolean; awaitingReview?: boolean }, page: Page = { limit: 100, offset: 0 }): Promise<{ items: NoticeView[]; total: number; names: Names }> {
    const query = { ...noticeVisibility(actor), ...(filter.awaitingReply === undefined ? {} : { awaitingReply: filter.awaitingReply }), ...(filter.awaitingReview === undefined ? {} : { awaitingReview: filter.awaitingReview }) };
    const { items, total } = await pagedFind<NoticeRecord>(this.#models.notices, query, { sentAt: -1 }, page);
    const now = this.#now();
    const nameOf = await this.#nameOf();
    const names = await this.#names.names({ people: items.flatMap((notice) => [notice.sentBy, notice.reply?.by, notice.closed?.by, ...(notice.earlier ?? []).flatMap((round) => [round.sentBy, round.reply?.by])]) });
    return { items: items.map((record) => noticeView(record, now, nameOf)), total, names };
  }

  /** The actor's in-app notifications, newest first, a page at a time: addressed to them, their department or their role. */
  async listNotifications(actor: Actor, page: Page = { limit: 100, offset: 0 }): Promise<{ items: NotificationRecord[]; total: number; unseen: number; names: Names }> {
    const query = audienceQuery(actor);
    const [list, read] = await Promise.all([pagedFind<NotificationRecord>(this.#models.notifications, query, { at: -1 }, page), this.#models.notificationReads.findById(actor.username).lean()]);
    const [unseen, names] = await Promise.all([
      this.#models.notifications.countDocuments({ ...query, ...(read ? { at: { $gt: read.seenAt } } : {}) }, { limit: unseenCountLimit }),
      this.#names.names({ people: list.items.map((item) => item.by), units: list.items.map((item) => item.unit) }),
    ]);
    return { ...list, unseen, names };
  }

  /** The person opened their notifications: the bell counts only what comes after now. A mark in the reader's own view, not a change to any case. */
  async markNotificationsSeen(actor: Actor): Promise<{ seenAt: Date }> {
    const seenAt = this.#now();
    await this.#models.notificationReads.updateOne({ _id: actor.username }, { $max: { seenAt } }, { upsert: true });
    return { seenAt };
  }

  /** The office's figures per department, process or unit (rolled up the tree) for a period (按时办结率 and the rest), of the actor's jurisdiction. */
  async figures(query: Omit<FiguresQuery, 'jurisdiction'>, actor: Actor): Promise<FiguresRow[]> {
    return computeFigures(this.#models, this.#calendar(), await this.#org.tree(), { ...query, jurisdiction: jurisdictionOfActor(actor), now: this.#now() });
  }

  /** The cases behind one figure of one row (穿透查询), of the actor's jurisdiction, a page at a time. */
  async figureCases(query: Omit<FigureCasesQuery, 'jurisdiction'>, actor: Actor, page: Page): Promise<{ items: FigureCaseView[]; total: number }> {
    return figureCases(this.#models, this.#calendar(), await this.#org.tree(), { ...query, jurisdiction: jurisdictionOfActor(actor), now: this.#now() }, page);
  }

  async #nameOf(): Promise<NameOf> {
    const tree = await this.#org.tree();
    return (unit) => tree.nameOf(unit);
  }
}
