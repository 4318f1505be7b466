import './app.css';
import { api, ApiError, currentSession, loadSession, signIn, signOut, type Session } from './api-client';
import { h, replaceChildren } from './dom';
import { translate } from '../pages/modeler/translate/translate-module';
import { locale, registerMessages, setLocale, t } from './i18n';
import { notificationBell } from './notification-bell';
import { problemWords } from './server-messages';

registerMessages({
  'app.name': { 'zh-CN': '政务流程平台', en: 'govflow' },
  'nav.hall': { 'zh-CN': '网上办事大厅', en: 'Service hall' },
  'nav.modeler': { 'zh-CN': '流程设计', en: 'Modeler' },
  'nav.inbox': { 'zh-CN': '待办事项', en: 'Inbox' },
  'nav.supervision': { 'zh-CN': '电子监察', en: 'Supervision' },
  'nav.signOut': { 'zh-CN': '退出', en: 'Sign out' },
  'nav.language': { 'zh-CN': 'English', en: '中文' },
  'login.title': { 'zh-CN': '登录', en: 'Sign in' },
  'login.username': { 'zh-CN': '用户名', en: 'Username' },
  'login.password': { 'zh-CN': '密码', en: 'Password' },
  'login.submit': { 'zh-CN': '登录', en: 'Sign in' },
  'login.failed': { 'zh-CN': '用户名或密码错误', en: 'Wrong username or password' },
  'login.progress': { 'zh-CN': '凭受理编号查询办件进度（无需登录）', en: 'Look up an application’s progress by receipt number (no sign-in)' },
  // the server's words for a disabled account (api/routes/auth.ts)
  'login.disabled': { 'zh-CN': '该账号已停用，请联系管理员', en: 'This account is disabled; ask an administrator' },
  'login.or': { 'zh-CN': '或使用账号密码登录', en: 'or sign in with a password' },
  // why a sign-in through the identity provider came back without one (api/routes/oidc.ts)
  'login.oidc.refused': { 'zh-CN': '统一身份认证未通过，请重新登录。', en: 'The identity provider did not confirm the sign-in; try again.' },
  'login.oidc.expired': { 'zh-CN': '登录已超时，请重新登录。', en: 'The sign-in took too long; try again.' },
  'login.oidc.disabled': { 'zh-CN': '该账号已停用，请联系管理员', en: 'This account is disabled; ask an administrator' },
  'login.oidc.unavailable': { 'zh-CN': '统一身份认证暂时无法访问，请稍后再试或使用账号密码登录。', en: 'The identity provider cannot be reached; try again later or sign in with a password.' },
  'page.forbidden': { 'zh-CN': '您的角色无权使用此页面。', en: 'Your role may not use this page.' },
  'page.failed': { 'zh-CN': '加载失败：{message}', en: 'Could not load: {message}' },
});

/** The pages of the application and the roles that may open each. */
const pages = [
  { href: 'hall.html', label: 'nav.hall', roles: ['applicant'] },
  { href: 'modeler.html', label: 'nav.modeler', roles: ['designer', 'admin'] },
  { href: 'inbox.html', label: 'nav.inbox', roles: ['clerk', 'leader'] },
  { href: 'supervision.html', label: 'nav.supervision', roles: ['supervisor', 'admin', 'leader', 'clerk'] },
] as const;

export function mayUse(session: Session, roles: readonly string[]): boolean {
  return session.roles.some((role) => roles.includes(role));
}

/** The first page the signed-in user may use; where the home page sends them. */
export function homeOf(session: Session): string {
  return pages.find((page) => mayUse(session, page.roles))?.href ?? 'inbox.html';
}

/**
 * Renders a page for the signed-in user: the header with the pages their roles allow, the
 * language switch and sign-out, then `render` in the main area. The server says who is signed in
 * (the session cookie every tab shares); without a session it shows the sign-in form first; a role
 * the page does not admit sees a notice, not the page.
 */
export function startPage(roles: readonly string[], render: (main: HTMLElement, session: Session) => Promise<void> | void): void {
  document.documentElement.lang = locale();
  const app = document.getElementById('app') as HTMLElement;
  const known = currentSession();
  (known ? Promise.resolve(known) : loadSession()).then(
    (session) => showPage(app, roles, render, session),
    (error: unknown) => showError(app, error),
  );
}

function showPage(app: HTMLElement, roles: readonly string[], render: (main: HTMLElement, session: Session) => Promise<void> | void, session: Session | null): void {
  if (!session) {
    replaceChildren(app, h('main', { class: 'login-page' }, loginForm(() => startPage(roles, render))));
    return;
  }
  const main = h('main', { class: 'page' });
  replaceChildren(app, header(session), main);
  if (!mayUse(session, roles)) {
    replaceChildren(main, h('p', { class: 'notice', role: 'alert' }, t('page.forbidden')));
    return;
  }
  Promise.resolve(render(main, session)).catch((error: unknown) => showError(main, error));
}

/**
 * Renders a page anyone may open without signing in (the public progress query): the header
 * with the platform's name and the language switch, then `render` in the main area.
 */
export function startPublicPage(render: (main: HTMLElement) => Promise<void> | void): void {
  document.documentElement.lang = locale();
  const app = document.getElementById('app') as HTMLElement;
  const main = h('main', { class: 'page public-page' });
  replaceChildren(app, h('header', { class: 'app-header' }, h('a', { href: 'index.html', class: 'brand' }, t('app.name')), h('nav', {}), languageSwitch()), main);
  Promise.resolve(render(main)).catch((error: unknown) => showError(main, error));
}

function languageSwitch(): HTMLElement {
  return h('button', { type: 'button', class: 'link', id: 'language-switch', onclick: () => (setLocale(locale() === 'zh-CN' ? 'en' : 'zh-CN'), location.reload()) }, t('nav.language'));
}

/** Shows a failure in place of a page or a part of it, with the server's words. */
export function showError(container: HTMLElement, error: unknown): void {
  const message = error instanceof ApiError ? problemWords(error) : String(error);
  replaceChildren(container, h('p', { class: 'error', role: 'alert' }, t('page.failed', { message })));
}

function header(session: Session): HTMLElement {
  const links = pages.filter((page) => mayUse(session, page.roles)).map((page) => h('a', { href: page.href, class: location.pathname.endsWith(page.href) ? 'active' : '' }, t(page.label)));
  return h(
    'header',
    { class: 'app-header' },
    h('a', { href: 'index.html', class: 'brand' }, t('app.name')),
    h('nav', {}, ...links),
    session.roles.some((role) => role !== 'applicant' && role !== 'system') ? notificationBell() : null,
    h('span', { class: 'who', title: session.username }, session.name ?? session.username, session.departmentName ? h('span', { class: 'who-unit' }, ` · ${session.departmentName}`) : null),
    languageSwitch(),
    h('button', { type: 'button', class: 'link', onclick: () => void signOut().then(() => location.reload()) }, t('nav.signOut')),
  );
}

function loginForm(done: () => void): HTMLElement {
  const username = h('input', { name: 'username', autocomplete: 'username', required: true });
  const password = h('input', { name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const message = h('p', { class: 'error', role: 'alert' }, oidcFailure());
  const provider = h('div', { class: 'login-provider' });
  void showProvider(provider);
  const form = h(
    'form',
    {
      class: 'login',
      onsubmit: async (event: Event) => {
        event.preventDefault();
        try {
          await signIn(username.value, password.value);
          done();
        } catch (error) {
          // too many failures: the server says how long to wait, in the page's language
          if (error instanceof ApiError && error.status === 429) message.textContent = translate(error.detail);
          else message.textContent = t(error instanceof ApiError && error.detail === 'this account is disabled' ? 'login.disabled' : 'login.failed');
        }
      },
    },
    h('h1', {}, t('app.name')),
    h('h2', {}, t('login.title')),
    provider,
    h('label', {}, t('login.username'), username),
    h('label', {}, t('login.password'), password),
    h('button', { type: 'submit' }, t('login.submit')),
    message,
    h('a', { href: 'progress.html', class: 'progress-link' }, t('login.progress')),
  );
  return form;
}

/** The button of the installation's identity provider (统一身份认证), when it has one; it brings the person back to this page. */
async function showProvider(slot: HTMLElement): Promise<void> {
  const { oidc } = await api<{ oidc: { label: string; start: string } | null }>('GET', '/api/auth/providers').catch(() => ({ oidc: null }));
  if (!oidc) return;
  const query = new URLSearchParams(location.search);
  query.delete('signInError');
  const back = `${location.pathname}${query.toString() ? `?${query}` : ''}${location.hash}`;
  replaceChildren(slot, h('a', { class: 'button primary oidc-sign-in', href: `${oidc.start}?${new URLSearchParams({ return: back })}` }, oidc.label), h('p', { class: 'muted' }, t('login.or')));
}

/** Why the identity provider's sign-in came back without one, from the address it came back to. */
function oidcFailure(): string {
  const reason = new URLSearchParams(location.search).get('signInError');
  return reason && ['refused', 'expired', 'disabled', 'unavailable'].includes(reason) ? t(`login.oidc.${reason}`) : '';
}
