import { api } from './api-client';
import { chinaTime, h, replaceChildren } from './dom';
import { labelOr, registerMessages, t } from './i18n';
import type { NotificationPage, NotificationView as Notification } from '../../../engine/api-types';
import { personName, unitName, type Names } from './names';

registerMessages({
  'bell.label': { 'zh-CN': '通知', en: 'Notifications' },
  'bell.unseen': { 'zh-CN': '条未读', en: ' unread' },
  'bell.title': { 'zh-CN': '最新通知', en: 'Latest notifications' },
  'bell.none': { 'zh-CN': '暂无通知。', en: 'No notifications.' },
  'bell.loading': { 'zh-CN': '加载中…', en: 'Loading…' },
  'bell.failed': { 'zh-CN': '通知暂时无法加载。', en: 'Notifications could not be loaded.' },
  'bell.open': { 'zh-CN': '查看办件', en: 'Open the case' },
  'bell.more': { 'zh-CN': '共 {total} 条，仅显示最新 {shown} 条', en: '{total} in all, the latest {shown} shown' },
  'bell.kind.task.urged': { 'zh-CN': '催办', en: 'Urged' },
  'bell.kind.task.transferred': { 'zh-CN': '转办给我', en: 'Transferred to me' },
  'bell.kind.task.delegated': { 'zh-CN': '委派给我', en: 'Delegated to me' },
  'bell.kind.task.resolved': { 'zh-CN': '委派办毕', en: 'Delegation done' },
  'bell.kind.task.returned': { 'zh-CN': '退回', en: 'Returned' },
  'bell.kind.task.signer-added': { 'zh-CN': '加签', en: 'Signer added' },
  'bell.kind.case.copied': { 'zh-CN': '抄送', en: 'Copied' },
  'bell.kind.notice.sent': { 'zh-CN': '督办通知', en: 'Supervision notice' },
  'bell.kind.notice.replied': { 'zh-CN': '督办回复', en: 'Notice answered' },
  'bell.kind.notice.accepted': { 'zh-CN': '督办回复获认可', en: 'Notice reply accepted' },
  'bell.kind.notice.rejected': { 'zh-CN': '督办回复被退回', en: 'Notice reply turned back' },
  'bell.kind.notice.reissued': { 'zh-CN': '再次督办', en: 'Notice sent again' },
  'bell.kind.notice.closed': { 'zh-CN': '督办结束', en: 'Notice ended' },
  'bell.kind.alert.yellow': { 'zh-CN': '黄牌预警', en: 'Yellow card' },
  'bell.kind.alert.red': { 'zh-CN': '红牌警告', en: 'Red card' },
  'bell.kind.rating.follow-up': { 'zh-CN': '差评整改', en: 'Poor rating to follow up' },
  'bell.kind.rating.replied': { 'zh-CN': '评价回访', en: 'Rating answered' },
  'bell.kind.case.decided': { 'zh-CN': '办结', en: 'Decided' },
  'bell.kind.case.supplemented': { 'zh-CN': '申请人已补正', en: 'Supplement handed in' },
  'bell.kind.case.materials-handed-in': { 'zh-CN': '容缺材料已补齐', en: 'Deferred materials handed in' },
});

/** How many notifications the bell's panel lists; the rest stay in the count. */
const shown = 10;
/** How often the bell asks again while the page stays open. */
const pollMs = 60_000;

/**
 * The header's bell for staff: how many notifications came since they last looked (urges,
 * copies, returns, delegations, notices, cards), and the latest of them in a panel that links
 * each to its case. Opening the panel marks them seen.
 */
export function notificationBell(): HTMLElement {
  // the count is read out with its words ("2 条未读"), so the name a screen reader says holds what is seen
  const count = h('span', { class: 'bell-count' });
  const badge = h('span', { class: 'bell-badge', hidden: true }, count, h('span', { class: 'visually-hidden' }, t('bell.unseen')));
  const button = h('button', { type: 'button', class: 'link bell', id: 'notification-bell', 'aria-expanded': 'false', 'aria-controls': 'bell-panel' }, t('bell.label'), badge);
  const panel = h('section', { class: 'bell-panel panel', id: 'bell-panel', hidden: true, 'aria-label': t('bell.title') });
  const root = h('div', { class: 'bell-root' }, button, panel);

  const showCount = (unseen: number) => {
    badge.hidden = unseen === 0;
    count.textContent = unseen >= 100 ? '99+' : String(unseen);
  };
  const refreshCount = () =>
    api<NotificationPage>('GET', '/api/notifications?limit=1')
      .then((answer) => showCount(answer.unseen))
      .catch(() => undefined);

  const close = () => {
    panel.hidden = true;
    button.setAttribute('aria-expanded', 'false');
  };
  const open = async () => {
    panel.hidden = false;
    button.setAttribute('aria-expanded', 'true');
    replaceChildren(panel, h('h2', {}, t('bell.title')), h('p', { class: 'muted' }, t('bell.loading')));
    try {
      const answer = await api<NotificationPage>('GET', `/api/notifications?limit=${shown}`);
      replaceChildren(panel, h('h2', {}, t('bell.title')), answer.items.length === 0 ? h('p', { class: 'empty' }, t('bell.none')) : list(answer.items, answer.names), answer.total > shown ? h('p', { class: 'muted' }, t('bell.more', { total: answer.total, shown })) : null);
      await api('POST', '/api/notifications/seen', {});
      showCount(0);
    } catch {
      replaceChildren(panel, h('h2', {}, t('bell.title')), h('p', { class: 'error', role: 'alert' }, t('bell.failed')));
    }
  };

  button.addEventListener('click', () => void (panel.hidden ? open() : close()));
  root.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && !panel.hidden) (close(), button.focus());
  });
  document.addEventListener('click', (event) => {
    if (!root.contains(event.target as Node)) close();
  });
  void refreshCount();
  setInterval(() => void refreshCount(), pollMs);
  return root;
}

function list(items: Notification[], names: Names): HTMLElement {
  return h(
    'ul',
    { class: 'bell-list' },
    ...items.map((item) =>
      h(
        'li',
        { dataset: { kind: item.kind } },
        h('div', {}, h('strong', {}, labelOr(`bell.kind.${item.kind}`, item.kind)), h('span', { class: 'muted' }, ` ${[item.by && personName(names, item.by), item.unit && unitName(names, item.unit), chinaTime(item.at)].filter(Boolean).join(' · ')}`)),
        h('p', {}, item.message),
        h('a', { href: `case.html?id=${encodeURIComponent(item.caseId)}` }, t('bell.open')),
      ),
    ),
  );
}
