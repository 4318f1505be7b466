import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn-embedded.css';
import '@bpmn-io/properties-panel/dist/assets/properties-panel.css';
import 'bpmn-js-bpmnlint/dist/assets/css/bpmn-js-bpmnlint.css';
import './modeler.css';
import './messages';
import { showError, startPage } from '../../shared/layout';
import { t } from '../../shared/i18n';
import { h, replaceChildren } from '../../shared/dom';
import type { EditorHandle, EditorSource } from './editor/editor-view';
import { templateNames } from './editor/new-diagram';
import { renderProcessList } from './list/process-list';

/**
 * The modeler page (designer, admin): the process list at `#`, the editor at `#new` (`#new/licensing`, `#new/penalty` from a template), `#import`,
 * `#edit/<key>` (latest version), `#edit/<key>/draft` and `#edit/<key>/v/<version>`. The editor
 * (bpmn-js and the properties panel) loads on first use.
 */
let editor: EditorHandle | null = null;
let pendingImport: { xml: string; fileName: string } | null = null;
/** Why the last file imported from the process list could not be opened; the list shows it once. */
let importFailure: { fileName: string; why: HTMLElement[] } | null = null;
let shownHash = '';
/** bpmn-js and its properties panel need room: below this the editor is not opened, and the page says why. */
const narrowScreen = window.matchMedia('(max-width: 767px)');

function route(hash: string): EditorSource | null {
  const parts = hash.replace(/^#\/?/, '').split('/').map(decodeURIComponent);
  if (parts[0] === 'new') return { kind: 'new', template: templateNames.find((name) => name === parts[1]) ?? 'blank' };
  if (parts[0] === 'import' && pendingImport) return { kind: 'file', ...pendingImport };
  if (parts[0] === 'edit' && parts[1]) {
    if (parts[2] === 'draft') return { kind: 'draft', key: parts[1] };
    if (parts[2] === 'v' && /^\d+$/.test(parts[3] ?? '')) return { kind: 'version', key: parts[1], version: Number(parts[3]) };
    return { kind: 'latest', key: parts[1] };
  }
  return null;
}

startPage(['designer', 'admin'], async (main) => {
  const navigate = (hash: string) => {
    if (location.hash === hash || (hash === '#' && location.hash === '')) void show();
    else location.hash = hash;
  };
  const importFile = (xml: string, fileName: string) => {
    pendingImport = { xml, fileName };
    navigate('#import');
  };
  const show = async () => {
    if (editor?.isDirty() && location.hash !== shownHash && !confirm(t('modeler.leave'))) {
      history.replaceState(null, '', shownHash || location.pathname);
      return;
    }
    shownHash = location.hash;
    editor?.destroy();
    editor = null;
    const source = route(location.hash);
    try {
      if (source && narrowScreen.matches) {
        replaceChildren(main, h('section', { class: 'panel narrow-screen', role: 'status' }, h('h1', {}, t('modeler.narrow.title')), h('p', {}, t('modeler.narrow.body')), h('a', { href: '#' }, t('modeler.narrow.list'))));
      } else if (source) {
        const { openEditor } = await import('./editor/editor-view');
        // a file that cannot be opened leaves the designer on the list, told why
        const failed = source.kind === 'file' ? (why: HTMLElement[]) => ((importFailure = { fileName: source.fileName, why }), navigate('#')) : undefined;
        editor = await openEditor(main, source, navigate, failed);
      } else {
        const failure = importFailure;
        importFailure = null;
        await renderProcessList(main, navigate, importFile, failure);
      }
    } catch (error) {
      showError(main, error);
    }
  };
  window.addEventListener('hashchange', () => void show());
  window.addEventListener('beforeunload', (event) => {
    if (editor?.isDirty()) event.preventDefault();
  });
  await show();
});
