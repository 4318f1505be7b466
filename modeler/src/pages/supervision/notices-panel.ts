import { chinaTime, h, replaceChildren } from '../../shared/dom';
import { t } from '../../shared/i18n';
import { personName, type Names } from '../../shared/names';
import { pager } from '../../shared/pager';
import { noticeStatusBadge } from './labels';
import { noticeForm } from './notice-form';
import { replyForm } from './notice-reply';
import { problemText } from './problem';
import type { Abilities } from './roles';
import { closedLine, earlierRounds, reviewActions } from './notice-review';
import { boardChanged } from './summary-tiles';
import { listNotices, type Department, type NoticeFilter } from './supervision-api';
import type { Notice } from './types';

type Show = 'all' | 'awaiting' | 'review' | 'answered';

const filters: Record<Show, NoticeFilter> = { all: {}, awaiting: { awaitingReply: true }, review: { awaitingReview: true }, answered: { awaitingReply: false } };

/** Notices a page shows; the pager reaches the rest. */
const pageSize = 20;

/**
 * Supervision notices (督办) and the departments' replies: the office sends them, a department
 * answers the ones sent to it; late replies and overdue ones are marked red. The follow-ups of
 * applicants' poor ratings (差评整改) are among them, marked as such.
 */
export function noticesPanel(abilities: Abilities, departments: Department[]): HTMLElement {
  let show: Show = 'all';
  let page = 1;
  const list = h('div', { class: 'sup-notice-list', 'aria-live': 'polite' });
  const choose = h(
    'select',
    { name: 'show', onchange: (event: Event) => ((show = (event.target as HTMLSelectElement).value as Show), (page = 1), void load()) },
    ...(Object.keys(filters) as Show[]).map((value) => h('option', { value }, t(`sup.notices.show.${value}`))),
  );

  async function load(): Promise<void> {
    list.setAttribute('aria-busy', 'true');
    try {
      const { items, total, names } = await listNotices(filters[show], { limit: pageSize, offset: (page - 1) * pageSize });
      replaceChildren(
        list,
        items.length === 0 ? h('p', { class: 'empty sup-empty' }, t('sup.notices.empty')) : noticesTable(items, names, abilities, () => (void load(), boardChanged())),
        pager(page, pageSize, total, (next) => ((page = next), void load())),
      );
    } catch (error) {
      replaceChildren(list, h('p', { class: 'error', role: 'alert' }, t('sup.refused', { message: problemText(error) })));
    } finally {
      list.removeAttribute('aria-busy');
    }
  }

  void load();
  return h(
    'section',
    { class: 'sup-notices' },
    abilities.supervise ? h('details', { class: 'panel sup-send' }, h('summary', {}, t('sup.notices.new')), noticeForm(departments, {}, () => (void load(), boardChanged()))) : null,
    h('div', { class: 'toolbar' }, h('label', { class: 'sup-field' }, h('span', {}, t('sup.notices.show')), choose)),
    list,
  );
}

function noticesTable(notices: Notice[], names: Names, abilities: Abilities, changed: () => void): HTMLElement {
  const head = ['sent', 'case', 'department', 'message', 'due', 'status', 'reply'];
  return h(
    'table',
    { class: 'grid sup-notices-table' },
    h('thead', {}, h('tr', {}, ...head.map((column) => h('th', { scope: 'col' }, t(`sup.notices.col.${column}`))))),
    h('tbody', {}, ...notices.map((notice) => noticeRow(notice, names, abilities, changed))),
  );
}

function noticeRow(notice: Notice, names: Names, abilities: Abilities, changed: () => void): HTMLElement {
  const overdue = notice.replyClock.state === 'overdue';
  const reply = notice.reply
    ? h('div', { class: 'sup-reply' }, h('p', {}, notice.reply.explanation), h('small', { class: 'muted' }, `${personName(names, notice.reply.by)} · ${chinaTime(notice.reply.at)}`))
    : abilities.reply && !notice.closed
      ? h('details', { class: 'sup-reply-open' }, h('summary', {}, t('sup.reply.open')), replyForm(notice, changed))
      : h('span', { class: 'muted' }, t('sup.reply.none'));
  return h(
    'tr',
    { dataset: { noticeId: notice.id, status: notice.status } },
    h('td', {}, chinaTime(notice.sentAt), h('br'), h('small', { class: 'muted' }, personName(names, notice.sentBy))),
    h('td', {}, h('a', { href: `case.html?id=${encodeURIComponent(notice.caseId)}` }, notice.caseTitle), h('br'), h('small', { class: 'muted' }, notice.receiptNo)),
    h('td', {}, notice.departmentName),
    h('td', { class: 'sup-text' }, notice.ratingId ? h('span', { class: 'sup-follow-up' }, t('sup.notices.followUp')) : null, notice.message),
    h('td', {}, chinaTime(notice.replyClock.due), h('br'), h('small', { class: 'muted' }, notice.replyClock.limit)),
    h('td', {}, noticeStatusBadge(notice.status, overdue)),
    h('td', { class: 'sup-text' }, earlierRounds(notice, names), reply, closedLine(notice, names), abilities.supervise ? reviewActions(notice, changed) : null),
  );
}
