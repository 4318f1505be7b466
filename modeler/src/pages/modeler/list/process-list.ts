import { chinaTime, h, replaceChildren } from '../../../shared/dom';
import { t } from '../../../shared/i18n';
import { getDefinition, getDraft, listDefinitions, type DefinitionDetail, type DefinitionSummary, type Draft } from '../definitions-api';
import { bpmnFileInput } from '../editor/file-transfer';

interface Row {
  summary: DefinitionSummary;
  detail: DefinitionDetail | null;
  draft: Draft | null;
}

const editLink = (key: string, tail = '') => `#edit/${encodeURIComponent(key)}${tail}`;

/**
 * The processes: each with its deployed versions and whether a draft is saved, and the ways in
 * to the editor (latest version, draft, any version, a new process, an imported file).
 */
export async function renderProcessList(main: HTMLElement, navigate: (hash: string) => void, importFile: (xml: string, fileName: string) => void): Promise<void> {
  const summaries = await listDefinitions();
  const rows: Row[] = await Promise.all(summaries.map(async (summary) => ({ summary, detail: await getDefinition(summary.key), draft: await getDraft(summary.key) })));
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
        h('label', { class: 'button import' }, t('modeler.import'), bpmnFileInput(importFile)),
      ),
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

function processRow({ summary, detail, draft }: Row, navigate: (hash: string) => void): HTMLElement {
  const versions = detail?.versions ?? [];
  const picker = h(
    'select',
    { class: 'version-picker', 'aria-label': t('modeler.openVersion'), onchange: (event: Event) => navigate(editLink(summary.key, `/v/${(event.target as HTMLSelectElement).value}`)) },
    h('option', { value: '', disabled: true, selected: true }, t('modeler.openVersion')),
    ...versions.map((item) => h('option', { value: String(item.version) }, t('modeler.versionBy', { version: item.version, at: chinaTime(item.deployedAt), by: item.deployedBy }))),
  );
  return h(
    'tr',
    { dataset: { key: summary.key } },
    h('td', {}, summary.name),
    h('td', {}, h('code', {}, summary.key)),
    h('td', { class: 'version' }, t('modeler.version', { version: summary.latestVersion })),
    h('td', {}, chinaTime(summary.deployedAt)),
    h('td', { class: 'draft' }, draft ? t('modeler.draftSaved', { by: draft.savedBy, at: chinaTime(draft.savedAt) }) : t('modeler.noDraft')),
    h(
      'td',
      { class: 'actions' },
      h('a', { href: editLink(summary.key), class: 'edit' }, t('modeler.edit')),
      draft && h('a', { href: editLink(summary.key, '/draft'), class: 'open-draft' }, t('modeler.openDraft')),
      versions.length > 1 && picker,
    ),
  );
}
