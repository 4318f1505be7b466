/**
 * A branch condition as a designer builds it without writing code: a variable (the step's
 * decision, or a form field), a comparison and a value; written as the JUEL the engine runs,
 * `${decision == "accept"}`, and read back from it. Anything else is a hand-written expression.
 */
export interface ConditionRule {
  subject: string;
  operator: Operator;
  value: string | number | boolean;
}

export const operators = ['==', '!=', '>', '>=', '<', '<='] as const;
export type Operator = (typeof operators)[number];

const rulePattern = /^\$\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*(==|!=|>=|<=|>|<)\s*("(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?|true|false)\s*\}$/;

/** The rule an expression states, or null when it is anything else (then it is edited as text). */
export function readRule(expression: string): ConditionRule | null {
  const match = rulePattern.exec(expression.trim());
  if (!match) return null;
  const [, subject, operator, literal] = match;
  const value = literal.startsWith('"') ? (JSON.parse(literal) as string) : literal === 'true' || literal === 'false' ? literal === 'true' : Number(literal);
  return { subject, operator: operator as Operator, value };
}

/** The expression of a rule: text in quotes, numbers and yes/no as they are. */
export function writeRule(rule: ConditionRule): string {
  const literal = typeof rule.value === 'string' ? JSON.stringify(rule.value) : String(rule.value);
  return `\${${rule.subject} ${rule.operator} ${literal}}`;
}

/** A value typed for a field of `type`: numbers for number fields, yes/no for boolean ones, text otherwise. */
export function typedValue(text: string, type: string | undefined): string | number | boolean {
  if ((type === 'number' || type === 'integer') && text.trim() !== '' && Number.isFinite(Number(text))) return Number(text);
  if (type === 'boolean' && (text === 'true' || text === 'false')) return text === 'true';
  return text;
}
