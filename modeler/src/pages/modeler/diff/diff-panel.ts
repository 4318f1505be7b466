import { h, replaceChildren } from '../../../shared/dom';
import { t } from '../../../shared/i18n';
import { translate } from '../translate/translate-module';
import { entryWords } from './entry-words';
import type { ElementChange } from './model-diff';

interface Canvas {
  addMarker(elementId: string, marker: string): void;
  removeMarker(elementId: string, marker: string): void;
}

const markers: Record<ElementChange['kind'], string> = { added: 'diff-added', changed: 'diff-changed', removed: 'diff-removed', layout: 'diff-layout' };

/** Readable element type: "bpmn:UserTask" → "User Task", translated. */
function typeLabel(type: string): string {
  return translate(type.replace(/^\w+:/, '').replace(/(\B[A-Z])/g, ' $1'));
}

/**
 * Shows a comparison: the changes listed element by element (each selects its element) and the
 * added and changed elements coloured on the canvas until the comparison is closed.
 */
export class DiffPanel {
  readonly element = h('section', { class: 'modeler-diff', hidden: true });
  #marked: Array<[string, string]> = [];

  constructor(
    private readonly canvas: Canvas,
    private readonly select: (elementId: string) => void,
  ) {}

  /**
   * Lists the changes from one side to the other (older → newer); the changed elements are
   * coloured on the canvas when the newer side is the model being edited (`onCanvas`).
   */
  show(sides: { from: string; to: string }, changes: ElementChange[], onCanvas: boolean): void {
    this.#unmark();
    for (const change of onCanvas ? changes : []) {
      if (change.kind === 'removed') continue;
      try {
        this.canvas.addMarker(change.id, markers[change.kind]);
        this.#marked.push([change.id, markers[change.kind]]);
      } catch {
        // not drawn (e.g. a process or a message): listed only
      }
    }
    this.element.hidden = false;
    replaceChildren(
      this.element,
      h('h3', {}, t('modeler.diff', sides), ' ', h('button', { type: 'button', class: 'link close-diff', onclick: () => this.close() }, t('modeler.diff.close'))),
      changes.length === 0
        ? h('p', { class: 'empty' }, t('modeler.diffNone', sides))
        : h(
            'ul',
            { class: 'diff-list' },
            ...changes.map((change) =>
              h(
                'li',
                { class: `diff-entry ${change.kind}`, dataset: { elementId: change.id, kind: change.kind } },
                h(
                  'button',
                  { type: 'button', class: 'link', disabled: change.kind === 'removed', onclick: () => this.select(change.id) },
                  h('span', { class: 'kind' }, t(`modeler.diff.${change.kind}`)),
                  h('span', { class: 'element' }, t('modeler.element', { name: change.name ?? '', id: `${typeLabel(change.type)} ${change.id}` }).trim()),
                ),
                change.properties.length > 0 &&
                  h(
                    'ul',
                    { class: 'diff-properties' },
                    ...change.properties.map((property) =>
                      h('li', {}, h('code', {}, property.property), ': ', h('del', {}, property.before ?? t('modeler.unset')), ' → ', h('ins', {}, property.after ?? t('modeler.unset'))),
                    ),
                  ),
                change.entries.length > 0 && h('ul', { class: 'diff-entries' }, ...change.entries.map(entryWords)),
              ),
            ),
          ),
    );
  }

  /** A message instead of a comparison (nothing deployed yet). */
  notice(message: string): void {
    this.#unmark();
    this.element.hidden = false;
    replaceChildren(this.element, h('p', { class: 'notice' }, message), h('button', { type: 'button', class: 'link close-diff', onclick: () => this.close() }, t('modeler.diff.close')));
  }

  close(): void {
    this.#unmark();
    this.element.hidden = true;
    replaceChildren(this.element);
  }

  #unmark(): void {
    for (const [id, marker] of this.#marked) {
      try {
        this.canvas.removeMarker(id, marker);
      } catch {
        // element deleted since
      }
    }
    this.#marked = [];
  }
}
