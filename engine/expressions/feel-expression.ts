import { FeelDate, FeelDateTime, FeelDuration, evaluate, parseExpression } from 'feelin';
import { InvalidInputError } from '../errors';
import type { Variables } from './safe-expression';

/**
 * FEEL (DMN's expression language, which Camunda 8 and bpmn.io models use) through feelin, the
 * bpmn.io authors' interpreter: a pure interpreter over the variables given, with no access to
 * the host. Syntax is checked at deploy from the parse tree alone, so nothing is evaluated then.
 */

/**
 * Why a FEEL expression cannot run: its syntax errors, naming the position, and iteration over a
 * numeric range (`for i in 1..1000000000`), the one construct whose cost the model alone sets —
 * a condition must not be able to hold a server. Empty when it can run.
 */
export function feelProblems(body: string): string[] {
  const errors: number[] = [];
  const ranges: number[] = [];
  parseExpression(body, {}, undefined).iterate({
    enter(node) {
      if (node.type.isError) errors.push(node.from);
      if (node.type.name === 'IterationContext' && body.slice(node.from, node.to).includes('..')) ranges.push(node.from);
    },
  });
  if (errors.length > 0) return [`FEEL expression "${body}" does not parse at position ${errors[0] + 1}`];
  if (ranges.length > 0) return [`FEEL expression "${body}" iterates over a numeric range at position ${ranges[0] + 1}, which govflow does not evaluate: iterate over a list variable instead`];
  return [];
}

/** The value of a FEEL expression over `variables`, its dates and durations as ISO 8601 text; a syntax error is an InvalidInputError. */
export function evaluateFeel(body: string, variables: Variables): unknown {
  const problems = feelProblems(body);
  if (problems.length > 0) throw new InvalidInputError(problems[0]);
  return isoValue(evaluate(body, { ...variables }).value);
}

const chinaZone = 'Asia/Shanghai';

/**
 * FEEL's durations, dates and date-times are objects; a timer (and the case's variables) want
 * ISO 8601 text. A date-time is written as the instant it names — a zone id such as
 * `@Asia/Shanghai` is not ISO 8601 — and one without a zone, or a bare date, is China time.
 */
function isoValue(value: unknown): unknown {
  if (value instanceof FeelDuration) return String(value);
  if (value instanceof FeelDateTime) return value.value.toZonedDateTime(value.zone ?? chinaZone).toInstant().toString();
  if (value instanceof FeelDate) return `${String(value)}T00:00:00+08:00`;
  return value;
}
