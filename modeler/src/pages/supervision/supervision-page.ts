import './supervision.css';
import './messages';
import { h, replaceChildren } from '../../shared/dom';
import { t } from '../../shared/i18n';
import { startPage } from '../../shared/layout';
import { alertsBoard } from './alerts-board';
import { figuresPanel } from './figures-panel';
import { incidentsPanel } from './incidents-panel';
import { noticesPanel } from './notices-panel';
import { abilitiesOf, type Abilities } from './roles';
import { summaryTiles } from './summary-tiles';
import { departments as loadDepartments, type Department } from './supervision-api';
import { unstaffedPanel } from './unstaffed-panel';

type Tab = 'alerts' | 'notices' | 'figures' | 'incidents' | 'unstaffed';

/**
 * 电子监察: the supervision office (and admins) see every department's cards, notices and the
 * figures, the incidents (故障) the process engine raised, which admins retry, and the open tasks
 * nobody can act on (无人办理); a department's leader and clerks see their own cards and notices
 * and answer them.
 */
startPage(['supervisor', 'admin', 'leader', 'clerk'], async (main, session) => {
  const abilities = abilitiesOf(session);
  const departments = await loadDepartments().catch(() => [] as Department[]);
  const tabs: Tab[] = abilities.office ? ['alerts', 'notices', 'figures', 'incidents', 'unstaffed'] : ['alerts', 'notices'];
  const body = h('div', { class: 'sup-body', role: 'tabpanel' });
  const bar = h('nav', { class: 'sup-tabs', role: 'tablist' });

  const show = (tab: Tab) => {
    replaceChildren(
      bar,
      ...tabs.map((name) =>
        h('a', { href: `#${name}`, role: 'tab', class: name === tab ? 'active' : '', 'aria-selected': String(name === tab), dataset: { tab: name } }, t(`sup.tab.${name}`)),
      ),
    );
    replaceChildren(body, section(tab, abilities, departments));
  };
  const current = (): Tab => {
    const wanted = location.hash.slice(1) as Tab;
    return tabs.includes(wanted) ? wanted : 'alerts';
  };
  window.addEventListener('hashchange', () => show(current()));

  const scope = abilities.office ? t('sup.scope.all') : t('sup.scope.department', { department: session.department ?? '—' });
  replaceChildren(main, h('div', { class: 'sup-head' }, h('h1', {}, t('sup.title')), h('span', { class: 'muted' }, scope)), summaryTiles(abilities), bar, body);
  show(current());
});

function section(tab: Tab, abilities: Abilities, departments: Department[]): HTMLElement {
  if (tab === 'notices') return noticesPanel(abilities, departments);
  if (tab === 'figures') return figuresPanel();
  if (tab === 'incidents') return incidentsPanel(abilities);
  if (tab === 'unstaffed') return unstaffedPanel();
  return alertsBoard(abilities, departments);
}
