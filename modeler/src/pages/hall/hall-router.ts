import type { Session } from '../../shared/api-client';
import { h, replaceChildren } from '../../shared/dom';
import { t } from '../../shared/i18n';
import { showError } from '../../shared/layout';
import { applicationPage } from './application-form';
import { takeNotice } from './hall-notice';
import { myCasePage } from './my-case';
import { myCasesPage } from './my-cases';
import { notificationsPage } from './notification-list';
import { serviceGuidePage } from './service-guide';
import { serviceListPage } from './service-list';

/** The hall's views, by the address after `#`: a link or the back button lands on the same view. */
const routes: Array<{ pattern: RegExp; tab: Tab; render: (view: HTMLElement, part: string, session: Session) => Promise<void> }> = [
  { pattern: /^services\/([^?]+)/, tab: 'services', render: (view, key) => serviceGuidePage(view, key) },
  { pattern: /^apply\/([^?]+)/, tab: 'services', render: (view, key, session) => applicationPage(view, key, session) },
  { pattern: /^cases\/([^?]+)/, tab: 'cases', render: (view, id) => myCasePage(view, id) },
  { pattern: /^cases$/, tab: 'cases', render: (view) => myCasesPage(view) },
  { pattern: /^notifications$/, tab: 'notifications', render: (view) => notificationsPage(view) },
  { pattern: /^(?:services)?(?:\?(.*))?$/, tab: 'services', render: (view, query) => serviceListPage(view, new URLSearchParams(query ?? '').get('q') ?? '') },
];

type Tab = 'services' | 'cases' | 'notifications';
const tabs: Tab[] = ['services', 'cases', 'notifications'];

/** Renders the view the address names, and again whenever it changes. */
export function startHall(main: HTMLElement, session: Session): void {
  const nav = h('nav', { class: 'hall-tabs', 'aria-label': t('hall.services.title') });
  const view = h('div', { class: 'hall-view' });
  replaceChildren(main, nav, view);
  main.classList.add('hall');
  const show = () => {
    const address = decodeURIComponent(location.hash.replace(/^#\/?/, ''));
    const route = routes.find((candidate) => candidate.pattern.test(address)) ?? routes[routes.length - 1];
    const part = route.pattern.exec(address)?.[1] ?? '';
    replaceChildren(nav, ...tabs.map((tab) => h('a', { href: `#${tab}`, ...(tab === route.tab ? { 'aria-current': 'page', class: 'active' } : {}) }, t(`hall.nav.${tab}`))));
    replaceChildren(view);
    const notice = takeNotice();
    route.render(view, part, session).then(
      () => notice && view.prepend(notice),
      (error: unknown) => showError(view, error),
    );
    window.scrollTo(0, 0);
  };
  window.addEventListener('hashchange', show);
  show();
}
