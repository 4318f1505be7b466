import { InvalidInputError } from '../errors';
import { evaluateFeel, feelProblems } from './feel-expression';
import { expressionProblems as juelProblems, hasTemplate, juelBoolean, resolveTemplate, type Variables } from './safe-expression';

/**
 * The expression languages models arrive with, told apart once at compile time so a case never
 * guesses: `${…}`/`#{…}` (JUEL, Camunda 7 / Flowable / Activiti), FEEL (`= …` as Camunda 8 writes
 * it, or a `language`/`expressionLanguage` naming FEEL), and plain text (a literal value).
 */
export type ExpressionLanguage = 'juel' | 'feel' | 'text';

export interface Expression {
  language: ExpressionLanguage;
  body: string;
}

/** The URIs and names by which BPMN models declare FEEL. */
const feelLanguage = /feel/i;
/** Declared languages that mean the JUEL-style `${…}` govflow evaluates. */
const juelLanguage = /^(juel|http:\/\/www\.omg\.org\/spec\/BPMN\/20100524\/MODEL|https?:\/\/www\.w3\.org\/1999\/XPath)?$/i;

/** Whether a declared `language` (a condition's, or the definitions' expressionLanguage) is one govflow evaluates. */
export function knownLanguage(language: string | undefined): boolean {
  return language === undefined || feelLanguage.test(language) || juelLanguage.test(language.trim());
}

/**
 * Reads a text as an expression: a leading `=` is FEEL (Camunda 8); `${…}` is JUEL; a declared
 * FEEL language makes the whole text FEEL; anything else is literal text.
 */
export function readExpression(text: string, declaredLanguage?: string): Expression {
  const trimmed = text.trim();
  if (trimmed.startsWith('=')) return { language: 'feel', body: trimmed.slice(1).trim() };
  if (hasTemplate(trimmed)) return { language: 'juel', body: trimmed };
  if (declaredLanguage && feelLanguage.test(declaredLanguage)) return { language: 'feel', body: trimmed };
  return { language: 'text', body: text };
}

/** Why the expression cannot run, for deploy: syntax errors of its language. */
export function expressionProblems(expression: Expression): string[] {
  if (expression.language === 'feel') return feelProblems(expression.body);
  if (expression.language === 'juel') return juelProblems(expression.body);
  return [];
}

/** The value of an expression over the variables (literal text is itself). */
export function evaluateExpression(expression: Expression, variables: Variables): unknown {
  if (expression.language === 'feel') return evaluateFeel(expression.body, variables);
  if (expression.language === 'juel') return resolveTemplate(expression.body, variables);
  return expression.body;
}

/** A text that may be an expression (an actor attribute, a signer): its value over the variables. */
export function resolveText(text: string, variables: Variables): unknown {
  return evaluateExpression(readExpression(text), variables);
}

/**
 * A sequence-flow condition: JUEL coerces its value to boolean as JUEL does (the text "false" is
 * false); FEEL holds only when the value is true. Literal text never reaches here: deploy
 * refuses a condition that is no expression.
 */
export function evaluateCondition(expression: Expression, variables: Variables): boolean {
  const value = evaluateExpression(expression, variables);
  if (expression.language === 'feel') return value === true;
  if (expression.language === 'juel') return juelBoolean(value);
  throw new InvalidInputError(`condition "${expression.body}" is not an expression`);
}
