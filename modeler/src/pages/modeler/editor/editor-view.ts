import type Modeler from 'bpmn-js/lib/Modeler';
import { ApiError } from '../../../shared/api-client';
import { chinaTime, h, replaceChildren } from '../../../shared/dom';
import { t } from '../../../shared/i18n';
import { deploy, getDefinition, getDirectory, getDraft, getVersionXml, saveDraft, type DefinitionDetail } from '../definitions-api';
import { diffDefinitions, type DiffModdleElement } from '../diff/model-diff';
import { DiffPanel } from '../diff/diff-panel';
import { ProblemsPanel, type LintIssue } from '../lint/problems-panel';
import type { DiagramElement, Directory, ModdleObject } from '../properties/services';
import { translate } from '../translate/translate-module';
import { ModelLayoutError } from './auto-layout';
import { createModeler } from './create-modeler';
import { bpmnFileInput, download } from './file-transfer';
import { importModel, oneLine } from './import-model';
import { problemWords } from '../../../shared/server-messages';
import { newDiagram, type TemplateName } from './new-diagram';
import { failureDetails, showOpenFailure } from './open-failure';

/** What the editor opens: a deployed version, the saved draft, a new process or an imported file. */
export type EditorSource =
  | { kind: 'latest'; key: string }
  | { kind: 'version'; key: string; version: number }
  | { kind: 'draft'; key: string }
  | { kind: 'new'; template: TemplateName }
  | { kind: 'file'; xml: string; fileName: string };

interface Loaded {
  xml: string;
  origin: string;
}

interface ElementRegistry {
  get(id: string): DiagramElement | undefined;
  filter(fn: (element: DiagramElement) => boolean): DiagramElement[];
}
interface Canvas {
  getRootElement(): DiagramElement;
  scrollToElement(element: DiagramElement): void;
  zoom(level: string): void;
  addMarker(elementId: string, marker: string): void;
  removeMarker(elementId: string, marker: string): void;
}
interface Selection {
  select(elements: DiagramElement | DiagramElement[] | null): void;
}
interface EventBus {
  on(event: string, callback: (event: { issues: Record<string, LintIssue[]> }) => void): void;
}
interface ModdleService {
  fromXML(xml: string, type: string): Promise<{ rootElement: DiffModdleElement }>;
}

/** One side of a comparison: a deployed version, or the model being edited. */
type Side = number | 'current';

/** The open editor, so navigating away can ask before dropping unsaved changes. */
export interface EditorHandle {
  isDirty(): boolean;
  destroy(): void;
}

declare global {
  interface Window {
    /** The page's bpmn-js modeler, for scripted tests and the browser console. */
    govflowModeler?: Modeler;
  }
}

async function load(source: EditorSource, directory: Promise<Directory>): Promise<Loaded> {
  switch (source.kind) {
    case 'new':
      if (source.template === 'blank') return { xml: newDiagram(t('modeler.new')), origin: t('modeler.source.new') };
      return { xml: newDiagram(t(`modeler.template.${source.template}`), source.template, await directory), origin: t('modeler.source.template', { template: t(`modeler.template.${source.template}`) }) };
    case 'file':
      return { xml: source.xml, origin: t('modeler.source.file', { file: source.fileName }) };
    case 'version':
      return { xml: await getVersionXml(source.key, source.version), origin: t('modeler.source.version', { version: source.version }) };
    case 'draft': {
      const draft = await getDraft(source.key);
      if (!draft) throw new Error(`no draft of ${source.key}`);
      return { xml: draft.xml, origin: t('modeler.source.draft', { by: draft.savedByName ?? draft.savedBy, at: chinaTime(draft.savedAt) }) };
    }
    case 'latest': {
      const detail = await getDefinition(source.key);
      if (!detail) throw new Error(`${source.key} is not deployed`);
      return { xml: detail.latest.xml, origin: t('modeler.source.version', { version: detail.latest.version }) };
    }
  }
}

/**
 * Renders the editor for `source` into `main`; when the model cannot be opened, says why in its
 * place (with a way back to the process list) — or, given `failed`, hands it the reason to show
 * where the designer was — and answers a handle with nothing to keep.
 */
export async function openEditor(main: HTMLElement, source: EditorSource, navigate: (hash: string) => void, failed?: (why: HTMLElement[]) => void): Promise<EditorHandle> {
  try {
    return await renderEditor(main, source, navigate);
  } catch (error) {
    if (failed) failed(failureDetails(error));
    else showOpenFailure(main, error, navigate);
    return { isDirty: () => false, destroy: () => undefined };
  }
}

/** Why a file chosen in the editor could not replace the open model, for the status line. */
function importFailure(error: unknown): string {
  if (error instanceof ModelLayoutError) return error.message;
  return t('modeler.importFailed', { detail: translate(oneLine(error instanceof Error ? error.message : String(error))) });
}

async function renderEditor(main: HTMLElement, source: EditorSource, navigate: (hash: string) => void): Promise<EditorHandle> {
  const directoryRequest = getDirectory();
  const [directory, loaded] = await Promise.all([directoryRequest, load(source, directoryRequest)]);
  const canvasHost = h('div', { class: 'modeler-canvas' });
  const propertiesHost = h('aside', { class: 'modeler-properties' });
  const status = h('p', { class: 'modeler-status', role: 'status' });
  const origin = h('span', { class: 'origin' }, loaded.origin);
  const deployedInfo = h('span', { class: 'deployed' });
  const dirtyMark = h('span', { class: 'dirty', hidden: true }, t('modeler.unsaved'));
  const title = h('h1', { class: 'modeler-title' });
  const versionPicker = h('select', { class: 'version-picker', 'aria-label': t('modeler.openVersion'), hidden: true });
  // what the comparison reads: a deployed version against the model being edited or another version
  const compareFrom = h('select', { class: 'compare-from', 'aria-label': t('modeler.diff.from') });
  const compareTo = h('select', { class: 'compare-to', 'aria-label': t('modeler.diff.to') });

  const modeler = createModeler(canvasHost, propertiesHost, directory);
  window.govflowModeler = modeler;
  const elementRegistry = modeler.get<ElementRegistry>('elementRegistry');
  const canvas = modeler.get<Canvas>('canvas');
  const selection = modeler.get<Selection>('selection');
  const eventBus = modeler.get<EventBus>('eventBus');
  let dirty = false;
  let deployed: DefinitionDetail | null = null;

  const selectElement = (id: string) => {
    const participant = elementRegistry.filter((element) => (element.businessObject as ModdleObject).processRef !== undefined && ((element.businessObject as ModdleObject).processRef as ModdleObject).id === id)[0];
    const element = elementRegistry.get(id) ?? participant;
    if (!element || element === canvas.getRootElement()) {
      selection.select([]);
      return;
    }
    selection.select(element);
    canvas.scrollToElement(element);
  };
  const nameOf = (id: string) => {
    const element = elementRegistry.get(id);
    return element ? ((element.businessObject as ModdleObject).name as string | undefined) : undefined;
  };
  const problems = new ProblemsPanel(selectElement, nameOf);
  const diff = new DiffPanel(canvas, selectElement);
  eventBus.on('linting.completed', (event) => problems.showLint(event.issues));

  const setDirty = (value: boolean) => {
    dirty = value;
    dirtyMark.hidden = !value;
  };
  modeler.on('commandStack.changed', () => setDirty(true));

  const executableProcess = (): ModdleObject | undefined => {
    const definitions = modeler.getDefinitions() as ModdleObject;
    return ((definitions.rootElements as ModdleObject[] | undefined) ?? []).find((element) => element.$type === 'bpmn:Process' && element.isExecutable === true);
  };
  const currentKey = () => executableProcess()?.id;

  // the process id is the key its versions and cases hang on: a changed one deploys as another process
  const openedKey = 'key' in source ? source.key : null;
  const keyWarning = h('p', { class: 'notice key-changed', role: 'alert', hidden: true });
  const checkKey = () => {
    const key = currentKey();
    const changed = openedKey !== null && key !== undefined && key !== openedKey;
    keyWarning.hidden = !changed;
    keyWarning.textContent = changed ? t('modeler.keyChanged', { from: openedKey, to: key }) : '';
  };
  modeler.on('commandStack.changed', checkKey);

  const refreshDeployed = async () => {
    const key = currentKey();
    deployed = key ? await getDefinition(key) : null;
    const process = executableProcess();
    title.textContent = `${String(process?.name ?? process?.id ?? '')} · ${key ?? '—'}`;
    deployedInfo.textContent = deployed ? t('modeler.latest', { version: deployed.latest.version }) : t('modeler.notDeployed');
    versionPicker.hidden = !deployed;
    const versions = deployed?.versions ?? [];
    replaceChildren(
      versionPicker,
      h('option', { value: '' }, t('modeler.openVersion')),
      ...versions.map((item) => h('option', { value: String(item.version) }, t('modeler.versionBy', { version: item.version, at: chinaTime(item.deployedAt), by: item.deployedByName ?? item.deployedBy }))),
    );
    const versionOptions = () => versions.map((item) => h('option', { value: String(item.version) }, t('modeler.diff.side.version', { version: item.version })));
    compareFrom.hidden = compareTo.hidden = !deployed;
    replaceChildren(compareFrom, ...versionOptions());
    replaceChildren(compareTo, h('option', { value: 'current' }, t('modeler.diff.side.current')), ...versionOptions());
  };
  versionPicker.addEventListener('change', () => {
    const key = currentKey();
    if (key && versionPicker.value) navigate(`#edit/${encodeURIComponent(key)}/v/${versionPicker.value}`);
  });

  const say = (message: string, kind: 'ok' | 'error' = 'ok') => {
    status.textContent = message;
    status.className = `modeler-status ${kind}`;
  };
  const run = (action: () => Promise<void>) => async () => {
    try {
      await action();
    } catch (error) {
      say(t('modeler.failed', { detail: error instanceof ApiError ? problemWords(error) : String(error) }), 'error');
    }
  };
  const requireKey = (): string => {
    const key = currentKey();
    if (!key) throw new Error(t('modeler.noProcess'));
    return key;
  };

  const onSaveDraft = run(async () => {
    const key = requireKey();
    const { xml } = await modeler.saveXML({ format: true });
    const saved = await saveDraft(key, xml ?? '');
    setDirty(false);
    say(t('modeler.saved', { at: chinaTime(saved.savedAt) }));
  });

  const onDeploy = run(async () => {
    requireKey();
    const { xml } = await modeler.saveXML({ format: true });
    problems.clearServer(); // the last deploy's answer no longer applies, whatever this one answers
    try {
      const outcome = await deploy(xml ?? '');
      problems.showDeployWarnings(outcome.warnings);
      setDirty(false);
      const warnings = outcome.warnings.length ? t('modeler.deployWarnings', { count: outcome.warnings.length }) : '';
      say((outcome.created ? t('modeler.deployed', { version: outcome.version }) : t('modeler.unchanged', { version: outcome.version })) + warnings);
      origin.textContent = t('modeler.source.version', { version: outcome.version });
      await refreshDeployed();
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 422) throw error;
      problems.showServerRefusal(error);
      say(t('modeler.refused', { detail: translate(error.detail || error.title) }), 'error');
    }
  });

  const onCompare = run(async () => {
    if (!deployed) {
      diff.notice(t('modeler.diffNothingDeployed'));
      return;
    }
    const { key, latest } = deployed;
    const from = Number(compareFrom.value || latest.version);
    const to: Side = compareTo.value === 'current' || compareTo.value === '' ? 'current' : Number(compareTo.value);
    // read older → newer whichever way the two were picked; the model being edited is the newest
    const [older, newer] = to !== 'current' && to < from ? [to, from] : [from, to];
    const moddle = modeler.get<ModdleService>('moddle');
    const definitionsOf = async (side: Side): Promise<DiffModdleElement> => {
      if (side === 'current') return modeler.getDefinitions() as DiffModdleElement;
      const xml = side === latest.version ? latest.xml : await getVersionXml(key, side);
      return (await moddle.fromXML(xml, 'bpmn:Definitions')).rootElement;
    };
    const label = (side: Side) => (side === 'current' ? t('modeler.diff.side.current') : t('modeler.diff.side.version', { version: side }));
    diff.show({ from: label(older), to: label(newer) }, diffDefinitions(await definitionsOf(older), await definitionsOf(newer)), newer === 'current');
  });

  // A file that cannot be read or laid out leaves the open model as it was (importModel parses first).
  const importInput = bpmnFileInput((xml, fileName) =>
    run(async () => {
      diff.close();
      problems.clearServer();
      try {
        problems.showImport(await importModel(modeler, xml));
      } catch (error) {
        say(importFailure(error), 'error');
        return;
      }
      canvas.zoom('fit-viewport');
      origin.textContent = t('modeler.source.file', { file: fileName });
      status.textContent = ''; // a failed import's message no longer applies
      status.className = 'modeler-status';
      setDirty(true);
      await refreshDeployed();
    })(),
  );

  const onExportBpmn = run(async () => {
    const { xml } = await modeler.saveXML({ format: true });
    download(`${currentKey() ?? 'process'}.bpmn`, xml ?? '', 'application/xml');
  });
  const onExportSvg = run(async () => {
    const { svg } = await modeler.saveSVG();
    download(`${currentKey() ?? 'process'}.svg`, svg, 'image/svg+xml');
  });

  replaceChildren(
    main,
    h(
      'div',
      { class: 'modeler-editor' },
      h(
        'div',
        { class: 'toolbar modeler-toolbar' },
        h('button', { type: 'button', class: 'back', onclick: () => navigate('#') }, t('modeler.back')),
        title,
        h('button', { type: 'button', class: 'save-draft', onclick: onSaveDraft }, t('modeler.saveDraft')),
        h('button', { type: 'button', class: 'primary deploy', onclick: onDeploy }, t('modeler.deploy')),
        h('span', { class: 'compare-sides' }, compareFrom, compareTo, h('button', { type: 'button', class: 'compare', onclick: onCompare }, t('modeler.compare'))),
        h('label', { class: 'button import' }, t('modeler.import'), importInput),
        h('button', { type: 'button', class: 'export-bpmn', onclick: onExportBpmn }, t('modeler.exportBpmn')),
        h('button', { type: 'button', class: 'export-svg', onclick: onExportSvg }, t('modeler.exportSvg')),
        versionPicker,
      ),
      h('p', { class: 'modeler-meta' }, origin, ' · ', deployedInfo, ' ', dirtyMark),
      status,
      keyWarning,
      h('div', { class: 'modeler-workspace' }, h('div', { class: 'modeler-main' }, canvasHost, diff.element, problems.element), propertiesHost),
    ),
  );

  const destroy = () => {
    modeler.destroy();
    if (window.govflowModeler === modeler) delete window.govflowModeler;
  };
  try {
    problems.showImport(await importModel(modeler, loaded.xml));
  } catch (error) {
    destroy();
    throw error;
  }
  canvas.zoom('fit-viewport');
  setDirty(false);
  await refreshDeployed();

  return { isDirty: () => dirty, destroy };
}
