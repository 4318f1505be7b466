import { chinaTime, h, replaceChildren } from '../../../shared/dom';
import { t } from '../../../shared/i18n';
import { listDefinitions, listDrafts, type DefinitionSummary, type Draft } from '../definitions-api';
import { bpmnFileInput } from '../editor/file-transfer';

interface Row {
  key: string;
  /** Absent for a process only drafted so far. */
  summary: DefinitionSummary | null;
  draft: Omit<Draft, 'xml'> | null;
}

const editLink = (key: string, tail = '') => `#edit/${encodeURIComponent(key)}${tail}`;

/**
 * The processes: each with its deployed versions and whether a draft is saved, and the ways in
 * to the editor (latest version, draft, any version, a new process, an imported file).
 */
export async function renderProcessList(main: HTMLElement, navigate: (hash: string) => void, importFile: (xml: string, fileName: string) => void, importFailure: { fileName: string; why: HTMLElement[] } | null = null): Promise<void> {
  const [summaries, drafts] = await Promise.all([listDefinitions(), listDrafts()]);
  const draftOf = (key: string) => drafts.find((draft) => draft.key === key) ?? null;
  const deployed: Row[] = summaries.map((summary) => ({ key: summary.key, summary, draft: draftOf(summary.key) }));
  const draftedOnly: Row[] = drafts.filter((draft) => !summaries.some((summary) => summary.key === draft.key)).map((draft) => ({ key: draft.key, summary: null, draft }));
  const rows = [...deployed, ...draftedOnly];
  replaceChildren(
    main,
    h(
      'div',
      { class: 'modeler-list' },
      h('h1', {}, t('modeler.title')),
      h(
        'div',
        { class: 'toolbar' },
        h('button', { type: 'button', class: 'primary new-process', onclick: () => navigate('#new') }, t('modeler.new')),
        h('span', { class: 'templates', role: 'group', 'aria-label': t('modeler.fromTemplate') }, t('modeler.fromTemplate'), ...(['licensing', 'penalty'] as const).map((template) => h('button', { type: 'button', class: 'new-from-template', dataset: { template }, title: t(`modeler.template.${template}.steps`), onclick: () => navigate(`#new/${template}`) }, t(`modeler.template.${template}`)))),
        h('label', { class: 'button import' }, t('modeler.import'), bpmnFileInput(importFile)),
      ),
      importFailure && h('section', { class: 'panel import-failed', role: 'alert' }, h('h2', {}, t('modeler.importRefused', { file: importFailure.fileName })), ...importFailure.why),
      rows.length === 0
        ? h('p', { class: 'empty' }, t('modeler.empty'))
        : h(
            'table',
            { class: 'grid process-table' },
            h(
              'thead',
              {},
              h('tr', {}, ...['name', 'key', 'version', 'deployedAt', 'draft', 'actions'].map((column) => h('th', {}, t(`modeler.column.${column}`)))),
            ),
            h('tbody', {}, ...rows.map((row) => processRow(row, navigate))),
          ),
    ),
  );
}

/** A draft saved before the latest deployment began from an older model: deploying it would undo what that version changed. */
function isStale(draft: { savedAt: string }, summary: { deployedAt: string }): boolean {
  return new Date(draft.savedAt).getTime() < new Date(summary.deployedAt).getTime();
}

function processRow({ key, summary, draft }: Row, navigate: (hash: string) => void): HTMLElement {
  const versions = summary?.versions ?? [];
  const picker = h(
    'select',
    { class: 'version-picker', 'aria-label': t('modeler.openVersion'), onchange: (event: Event) => navigate(editLink(key, `/v/${(event.target as HTMLSelectElement).value}`)) },
    h('option', { value: '', disabled: true, selected: true }, t('modeler.openVersion')),
    ...versions.map((item) => h('option', { value: String(item.version) }, t('modeler.versionBy', { version: item.version, at: chinaTime(item.deployedAt), by: item.deployedByName ?? item.deployedBy }))),
  );
  return h(
    'tr',
    { dataset: { key } },
    h('td', {}, summary?.name ?? key),
    h('td', {}, h('code', {}, key)),
    h('td', { class: 'version' }, summary ? t('modeler.version', { version: summary.latestVersion }) : t('modeler.notDeployed')),
    h('td', {}, chinaTime(summary?.deployedAt)),
    h('td', { class: 'draft' }, draft ? t('modeler.draftSaved', { by: draft.savedByName ?? draft.savedBy, at: chinaTime(draft.savedAt) }) : t('modeler.noDraft'), draft && summary && isStale(draft, summary) ? h('div', { class: 'stale-draft' }, t('modeler.draftStale', { version: summary.latestVersion })) : null),
    h(
      'td',
      { class: 'actions' },
      summary && h('a', { href: editLink(key), class: 'edit' }, t('modeler.edit')),
      draft && h('a', { href: editLink(key, '/draft'), class: 'open-draft' }, t('modeler.openDraft')),
      versions.length > 1 && picker,
    ),
  );
}
