import { chinaTime, h, replaceChildren } from '../../shared/dom';
import { labelOr, t } from '../../shared/i18n';
import { myNotifications } from './hall-api';
import type { NotificationItem } from './hall-types';

/** #notifications: what the agency has told the applicant (补正 asked, deemed accepted, decided), newest first. */
export async function notificationsPage(view: HTMLElement): Promise<void> {
  const { items } = await myNotifications();
  replaceChildren(view, h('h1', {}, t('hall.notifications.title')), items.length === 0 ? h('p', { class: 'empty' }, t('hall.notifications.none')) : h('ul', { class: 'notification-list' }, ...items.map(notificationItem)));
}

function notificationItem(item: NotificationItem): HTMLElement {
  return h(
    'li',
    { class: 'panel', dataset: { kind: item.kind } },
    h('div', { class: 'notification-head' }, h('strong', {}, labelOr(`hall.notice.${item.kind}`, item.kind)), h('span', { class: 'muted' }, chinaTime(item.at))),
    h('p', {}, item.message),
    h('a', { href: `#cases/${encodeURIComponent(item.caseId)}` }, t('hall.notifications.open')),
  );
}
