import type { ApiError } from '../../../shared/api-client';
import { h, replaceChildren } from '../../../shared/dom';
import { t } from '../../../shared/i18n';
import type { DeployOutcome } from '../definitions-api';
import { translate } from '../translate/translate-module';

/** One lint report, as bpmn-js-bpmnlint passes it with `linting.completed`. */
export interface LintIssue {
  id: string;
  message: string;
  category: 'error' | 'warn' | 'info' | 'rule-error';
  rule: string;
  actualElementId?: string;
}

/**
 * A warning bpmn-js gave while opening the model (unknown element or attribute, unresolved
 * reference, DI it could not draw …), with the element it names when it names one.
 */
export interface ImportWarning {
  elementId?: string;
  message: string;
}

/** What opening a model found: its import warnings, and whether its diagram was generated because the file had none. */
export interface ImportReport {
  warnings: ImportWarning[];
  laidOut: boolean;
}

interface Problem {
  /** '' when the problem names no element. */
  elementId: string;
  message: string;
  severity: 'error' | 'warn' | 'info';
  rule: string;
}

/**
 * The problems of the model: what opening it found (import warnings, a generated diagram), the
 * live lint result (same rules as the server) and the last deploy's answer — a refusal's errors,
 * or the warnings of an accepted deploy the live lint does not show (the server's directory
 * checks); each problem that names an element selects it when clicked.
 */
export class ProblemsPanel {
  readonly element = h('section', { class: 'modeler-problems', 'aria-live': 'polite' });
  #lint: Problem[] = [];
  #server: { detail: string; problems: Problem[] } | null = null;
  #deployNotes: Problem[] = [];
  #import: { problems: Problem[]; laidOut: boolean } = { problems: [], laidOut: false };

  constructor(
    private readonly select: (elementId: string) => void,
    private readonly nameOf: (elementId: string) => string | undefined,
  ) {
    this.#render();
  }

  showLint(issues: Record<string, LintIssue[]>): void {
    this.#lint = Object.values(issues)
      .flat()
      .map((issue) => ({ elementId: issue.actualElementId ?? issue.id, message: issue.message, severity: issue.category === 'warn' || issue.category === 'info' ? issue.category : 'error', rule: issue.rule }));
    this.#render();
  }

  /** Shows a refused deploy: the server's detail and its problems by element, in place of the previous deploy's answer. */
  showServerRefusal(error: ApiError): void {
    this.#server = { detail: error.detail || error.title, problems: error.errors.map((item) => serverProblem(item, 'error')) };
    this.#deployNotes = [];
    this.#render();
  }

  /** Shows an accepted deploy's warnings, in place of the previous deploy's answer; those the live lint lists too are listed there only. */
  showDeployWarnings(warnings: DeployOutcome['warnings']): void {
    this.#server = null;
    this.#deployNotes = warnings.map((item) => serverProblem(item, 'warn'));
    this.#render();
  }

  /** Shows what opening the current model found, replacing what the previous model's opening found. */
  showImport(report: ImportReport): void {
    this.#import = { problems: report.warnings.map((warning) => ({ elementId: warning.elementId ?? '', message: warning.message, severity: 'warn', rule: '' })), laidOut: report.laidOut };
    this.#render();
  }

  /** Drops the last deploy's answer: another model is open, or another deploy is on its way. */
  clearServer(): void {
    this.#server = null;
    this.#deployNotes = [];
    this.#render();
  }

  #render(): void {
    const errors = this.#lint.filter((problem) => problem.severity === 'error').length;
    const warnings = this.#lint.length - errors;
    const imported = this.#import;
    const notes = this.#deployNotes.filter((note) => !this.#lint.some((problem) => problem.elementId === note.elementId && problem.message === note.message));
    replaceChildren(
      this.element,
      imported.laidOut && h('p', { class: 'notice laid-out', role: 'status' }, t('modeler.laidOut')),
      imported.problems.length > 0 &&
        h(
          'div',
          { class: 'import-warnings' },
          h('h3', {}, t('modeler.importWarnings'), ' ', h('span', { class: 'count' }, t('modeler.importWarningsCount', { count: imported.problems.length }))),
          this.#list(imported.problems, 'import'),
        ),
      this.#server &&
        h(
          'div',
          { class: 'server-refusal', role: 'alert' },
          h('h3', {}, t('modeler.serverProblems')),
          h('p', { class: 'error' }, t('modeler.refused', { detail: this.#server.detail })),
          this.#list(this.#server.problems, 'server'),
        ),
      notes.length > 0 &&
        h(
          'div',
          { class: 'deploy-notes' },
          h('h3', {}, t('modeler.deployNotes'), ' ', h('span', { class: 'count' }, t('modeler.deployNotesCount', { count: notes.length }))),
          this.#list(notes, 'deploy'),
        ),
      h('h3', {}, t('modeler.problems'), ' ', h('span', { class: 'count' }, t('modeler.problemsCount', { errors, warnings }))),
      this.#lint.length ? this.#list(this.#lint, 'lint') : h('p', { class: 'empty' }, t('modeler.noProblems')),
    );
  }

  #list(problems: Problem[], kind: string): HTMLElement {
    return h(
      'ul',
      { class: `problem-list ${kind}` },
      ...problems.map((problem) => h('li', { class: `problem ${problem.severity}`, dataset: { elementId: problem.elementId } }, this.#row(problem))),
    );
  }

  /** A problem naming an element is a button selecting it; one naming none (an unparsable tag) is plain text. */
  #row(problem: Problem): HTMLElement {
    const parts = [
      h('span', { class: 'severity' }, t(`modeler.severity.${problem.severity}`)),
      h('span', { class: 'element' }, this.#elementLabel(problem.elementId)),
      h('span', { class: 'message' }, translate(problem.message)),
      problem.rule ? h('span', { class: 'rule' }, problem.rule) : null,
    ];
    return problem.elementId ? h('button', { type: 'button', class: 'link', onclick: () => this.select(problem.elementId) }, ...parts) : h('div', { class: 'unplaced' }, ...parts);
  }

  #elementLabel(elementId: string): string {
    const name = this.nameOf(elementId);
    return name ? t('modeler.element', { name, id: elementId }) : elementId;
  }
}

/**
 * A problem of the deploy answer: lint findings come as `rule: message`, the other checks'
 * without a rule; `body` (the model as a whole: what the parser or the process engine failed
 * on) names no element.
 */
function serverProblem(item: { path?: string; message: string }, severity: 'error' | 'warn'): Problem {
  const split = /^([\w/-]+): (.*)$/s.exec(item.message);
  const elementId = item.path === undefined || item.path === 'body' ? '' : item.path;
  return { elementId, message: split ? split[2] : item.message, rule: split ? split[1] : '', severity };
}
