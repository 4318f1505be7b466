import { ApiError } from '../../../shared/api-client';
import { h, replaceChildren } from '../../../shared/dom';
import { t } from '../../../shared/i18n';
import { showError } from '../../../shared/layout';
import { translate } from '../translate/translate-module';
import { oneLine, warningsOf } from './import-model';

/**
 * The editor's place when a model cannot be opened (not found, unreadable, no diagram and no
 * layout either): the reason, the warnings the file's parse gave (they often say why), and the
 * way back to the process list, so the rest of the page goes on working.
 */
export function showOpenFailure(main: HTMLElement, error: unknown, navigate: (hash: string) => void): void {
  replaceChildren(main, h('div', { class: 'modeler-open-failed' }, ...failureDetails(error), h('button', { type: 'button', class: 'back', onclick: () => navigate('#') }, t('modeler.back'))));
}

/** Why a model could not be opened: the reason in the page's language, and the warnings of the file's parse. */
export function failureDetails(error: unknown): HTMLElement[] {
  const reason = h('div', { class: 'reason' });
  showError(reason, error instanceof Error && !(error instanceof ApiError) ? translate(oneLine(error.message)) : error);
  const warnings = warningsOf(error);
  if (warnings.length === 0) return [reason];
  return [
    reason,
    h(
      'section',
      { class: 'modeler-problems import-warnings' },
      h('h3', {}, t('modeler.importWarnings'), ' ', h('span', { class: 'count' }, t('modeler.importWarningsCount', { count: warnings.length }))),
      h(
        'ul',
        { class: 'problem-list import' },
        ...warnings.map((warning) =>
          h(
            'li',
            { class: 'problem warn', dataset: { elementId: warning.elementId ?? '' } },
            h('div', { class: 'unplaced' }, h('span', { class: 'severity' }, t('modeler.severity.warn')), h('span', { class: 'element' }, warning.elementId ?? ''), h('span', { class: 'message' }, translate(warning.message))),
          ),
        ),
      ),
    ),
  ];
}
