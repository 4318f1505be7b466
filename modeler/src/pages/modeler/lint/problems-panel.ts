import type { ApiError } from '../../../shared/api-client';
import { h, replaceChildren } from '../../../shared/dom';
import { t } from '../../../shared/i18n';
import { translate } from '../translate/translate-module';

/** One lint report, as bpmn-js-bpmnlint passes it with `linting.completed`. */
export interface LintIssue {
  id: string;
  message: string;
  category: 'error' | 'warn' | 'info' | 'rule-error';
  rule: string;
  actualElementId?: string;
}

interface Problem {
  elementId: string;
  message: string;
  severity: 'error' | 'warn' | 'info';
  rule: string;
}

/**
 * The problems of the model: the live lint result (same rules as the server) and, after a
 * refused deploy, the server's answer; each problem selects its element when clicked.
 */
export class ProblemsPanel {
  readonly element = h('section', { class: 'modeler-problems', 'aria-live': 'polite' });
  #lint: Problem[] = [];
  #server: { detail: string; problems: Problem[] } | null = null;

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

  /** Shows a refused deploy: the server's detail and its problems by element. */
  showServerRefusal(error: ApiError): void {
    const problems = error.errors.map((item) => {
      const split = /^([\w/-]+): (.*)$/s.exec(item.message);
      return { elementId: item.path ?? '', message: split ? split[2] : item.message, rule: split ? split[1] : '', severity: 'error' as const };
    });
    this.#server = { detail: error.detail || error.title, problems };
    this.#render();
  }

  clearServer(): void {
    this.#server = null;
    this.#render();
  }

  #render(): void {
    const errors = this.#lint.filter((problem) => problem.severity === 'error').length;
    const warnings = this.#lint.length - errors;
    replaceChildren(
      this.element,
      this.#server &&
        h(
          'div',
          { class: 'server-refusal', role: 'alert' },
          h('h3', {}, t('modeler.serverProblems')),
          h('p', { class: 'error' }, t('modeler.refused', { detail: this.#server.detail })),
          this.#list(this.#server.problems, 'server'),
        ),
      h('h3', {}, t('modeler.problems'), ' ', h('span', { class: 'count' }, t('modeler.problemsCount', { errors, warnings }))),
      this.#lint.length ? this.#list(this.#lint, 'lint') : h('p', { class: 'empty' }, t('modeler.noProblems')),
    );
  }

  #list(problems: Problem[], kind: string): HTMLElement {
    return h(
      'ul',
      { class: `problem-list ${kind}` },
      ...problems.map((problem) =>
        h(
          'li',
          { class: `problem ${problem.severity}`, dataset: { elementId: problem.elementId } },
          h(
            'button',
            { type: 'button', class: 'link', onclick: () => this.select(problem.elementId) },
            h('span', { class: 'severity' }, t(`modeler.severity.${problem.severity}`)),
            h('span', { class: 'element' }, this.#elementLabel(problem.elementId)),
            h('span', { class: 'message' }, translate(problem.message)),
            problem.rule && h('span', { class: 'rule' }, problem.rule),
          ),
        ),
      ),
    );
  }

  #elementLabel(elementId: string): string {
    const name = this.nameOf(elementId);
    return name ? t('modeler.element', { name, id: elementId }) : elementId;
  }
}
