import jsep from 'jsep';
import { InvalidInputError } from '../errors';

/**
 * Camunda-7 / JUEL style `${ … }` (and `#{ … }`, JUEL's deferred form, which a process engine
 * evaluates the same way) expressions, evaluated by walking a jsep syntax tree: comparisons,
 * boolean and arithmetic operators, literals, variables and their plain properties (and
 * `execution.getVariable('x')`, read as `x`) — no other calls, no prototypes, no JavaScript eval. Used for sequence-flow conditions and task attributes.
 */
export type Variables = Readonly<Record<string, unknown>>;

const wordOperators: Record<string, string> = { and: '&&', or: '||', eq: '==', ne: '!=', lt: '<', le: '<=', gt: '>', ge: '>=' };
jsep.addBinaryOp('and', 2);
jsep.addBinaryOp('or', 1);
for (const op of ['eq', 'ne']) jsep.addBinaryOp(op, 6);
for (const op of ['lt', 'le', 'gt', 'ge']) jsep.addBinaryOp(op, 7);
jsep.addUnaryOp('not');
jsep.addUnaryOp('empty');

const forbiddenProperties = new Set(['__proto__', 'prototype', 'constructor']);
const singleExpression = /^\s*[$#]\{([\s\S]*)\}\s*$/;
const embeddedExpression = /[$#]\{([^}]*)\}/g;
const anyExpression = /[$#]\{/;
const parsedCache = new Map<string, jsep.Expression>();
const cacheLimit = 10_000;

/** Parses an expression body (without `${}`), rejecting every construct the evaluator does not allow. */
export function parseExpression(body: string): jsep.Expression {
  const cached = parsedCache.get(body);
  if (cached) return cached;
  let tree: jsep.Expression;
  try {
    tree = jsep(body);
  } catch (error) {
    throw new InvalidInputError(`expression \${${body}} does not parse: ${(error as Error).message}`);
  }
  assertAllowed(tree, body);
  if (parsedCache.size >= cacheLimit) parsedCache.clear();
  parsedCache.set(body, tree);
  return tree;
}

/** Evaluates `text`: a lone `${…}` gives its value; text with embedded `${…}` gives a string; other text is returned as is. */
export function resolveTemplate(text: string, variables: Variables): unknown {
  const single = singleExpression.exec(text);
  if (single && !anyExpression.test(single[1])) return evaluate(parseExpression(single[1]), variables);
  if (!anyExpression.test(text)) return text;
  return text.replace(embeddedExpression, (_, body: string) => String(evaluate(parseExpression(body), variables) ?? ''));
}

/** True when `text` holds a `${…}` or `#{…}` expression. */
export function hasTemplate(text: string): boolean {
  return anyExpression.test(text);
}

/** Lists the `${…}` bodies in `text` that fail to parse, for deploy-time checks. */
export function expressionProblems(text: string): string[] {
  const problems: string[] = [];
  for (const [, body] of text.matchAll(embeddedExpression)) {
    try {
      parseExpression(body);
    } catch (error) {
      problems.push((error as Error).message);
    }
  }
  return problems;
}

function assertAllowed(node: jsep.Expression, source: string): void {
  switch (node.type) {
    case 'Literal':
    case 'Identifier':
      return;
    case 'UnaryExpression':
      return assertAllowed((node as jsep.UnaryExpression).argument, source);
    case 'BinaryExpression': {
      const binary = node as jsep.BinaryExpression;
      assertAllowed(binary.left, source);
      return assertAllowed(binary.right, source);
    }
    case 'ConditionalExpression': {
      const conditional = node as jsep.ConditionalExpression;
      for (const part of [conditional.test, conditional.consequent, conditional.alternate]) assertAllowed(part, source);
      return;
    }
    case 'MemberExpression': {
      const member = node as jsep.MemberExpression;
      assertAllowed(member.object, source);
      if (member.computed) return assertAllowed(member.property, source);
      const name = (member.property as jsep.Identifier).name;
      if (forbiddenProperties.has(name)) throw new InvalidInputError(`expression \${${source}} uses forbidden property ${name}`);
      return;
    }
    case 'CallExpression':
      if (variableLookup(node as jsep.CallExpression) !== undefined) return;
      throw new InvalidInputError(`expression \${${source}} calls a method, which govflow expressions do not: name the variable itself, e.g. \${approved}`);
    default:
      throw new InvalidInputError(`expression \${${source}} uses ${node.type}, which govflow expressions do not allow`);
  }
}

function evaluate(node: jsep.Expression, variables: Variables): unknown {
  switch (node.type) {
    case 'Literal':
      return (node as jsep.Literal).value;
    case 'Identifier':
      return ownValue(variables, (node as jsep.Identifier).name);
    case 'MemberExpression': {
      const member = node as jsep.MemberExpression;
      const target = evaluate(member.object, variables);
      const key = member.computed ? evaluate(member.property, variables) : (member.property as jsep.Identifier).name;
      return typeof key === 'string' || typeof key === 'number' ? ownValue(target, String(key)) : null;
    }
    case 'CallExpression':
      return ownValue(variables, variableLookup(node as jsep.CallExpression) ?? '');
    case 'ConditionalExpression': {
      const conditional = node as jsep.ConditionalExpression;
      return juelBoolean(evaluate(conditional.test, variables)) ? evaluate(conditional.consequent, variables) : evaluate(conditional.alternate, variables);
    }
    case 'UnaryExpression': {
      const unary = node as jsep.UnaryExpression;
      const value = evaluate(unary.argument, variables);
      if (unary.operator === '-') return -Number(value);
      if (unary.operator === '+') return Number(value);
      if (unary.operator === 'empty') return isEmpty(value);
      return !juelBoolean(value);
    }
    default:
      return evaluateBinary(node as jsep.BinaryExpression, variables);
  }
}

function evaluateBinary(node: jsep.BinaryExpression, variables: Variables): unknown {
  const operator = wordOperators[node.operator] ?? node.operator;
  const left = evaluate(node.left, variables);
  if (operator === '&&') return juelBoolean(left) && juelBoolean(evaluate(node.right, variables));
  if (operator === '||') return juelBoolean(left) || juelBoolean(evaluate(node.right, variables));
  const right = evaluate(node.right, variables);
  switch (operator) {
    case '==':
    case '===':
      return looseEquals(left, right);
    case '!=':
    case '!==':
      return !looseEquals(left, right);
    case '<':
      return compare(left, right) < 0;
    case '<=':
      return compare(left, right) <= 0;
    case '>':
      return compare(left, right) > 0;
    case '>=':
      return compare(left, right) >= 0;
    case '+':
      return typeof left === 'string' || typeof right === 'string' ? `${left ?? ''}${right ?? ''}` : Number(left) + Number(right);
    case '-':
      return Number(left) - Number(right);
    case '*':
      return Number(left) * Number(right);
    case '/':
      return Number(left) / Number(right);
    case '%':
      return Number(left) % Number(right);
    default:
      throw new InvalidInputError(`operator ${node.operator} is not allowed in govflow expressions`);
  }
}

/** JUEL's `empty`: null, an empty text, list or map. */
function isEmpty(value: unknown): boolean {
  if (value === null || value === undefined || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  return typeof value === 'object' && Object.keys(value).length === 0;
}

/** Camunda's and Flowable's way of naming a variable, `execution.getVariable('x')`, is read as `x`; the variable's name, or undefined for any other call. */
export function variableLookup(call: jsep.CallExpression): string | undefined {
  const callee = call.callee as jsep.MemberExpression;
  const [argument] = call.arguments;
  const isLookup = callee.type === 'MemberExpression' && !callee.computed && (callee.object as jsep.Identifier).name === 'execution' && ['getVariable', 'getVariableLocal'].includes((callee.property as jsep.Identifier).name);
  return isLookup && call.arguments.length === 1 && argument.type === 'Literal' && typeof (argument as jsep.Literal).value === 'string' ? ((argument as jsep.Literal).value as string) : undefined;
}

function ownValue(target: unknown, key: string): unknown {
  if (target === null || typeof target !== 'object' || forbiddenProperties.has(key)) return null;
  return Object.prototype.hasOwnProperty.call(target, key) ? (target as Record<string, unknown>)[key] : null;
}

/** Like JUEL: null equals undefined, a number equals a numeric string, a boolean the text "true"/"false"; otherwise strict. */
function looseEquals(left: unknown, right: unknown): boolean {
  if (left === undefined) left = null;
  if (right === undefined) right = null;
  if (typeof left === 'boolean' && typeof right === 'string') return left === juelBoolean(right);
  if (typeof left === 'string' && typeof right === 'boolean') return right === juelBoolean(left);
  if (typeof left === 'number' && typeof right === 'string') return right.trim() !== '' && left === Number(right);
  if (typeof left === 'string' && typeof right === 'number') return looseEquals(right, left);
  return left === right;
}

/** Orders numbers (and numeric strings) numerically, other strings lexically; anything else never compares true. */
function compare(left: unknown, right: unknown): number {
  const bothNumeric = isNumeric(left) && isNumeric(right);
  if (bothNumeric) return Number(left) - Number(right);
  if (typeof left === 'string' && typeof right === 'string') return left < right ? -1 : left > right ? 1 : 0;
  return Number.NaN;
}

function isNumeric(value: unknown): boolean {
  return typeof value === 'number' || (typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value)));
}

/**
 * JUEL's coercion to boolean: a text is true only when it says "true" (any case), so a form's
 * "false" is false; null is false; other values by JavaScript truthiness.
 */
export function juelBoolean(value: unknown): boolean {
  if (typeof value === 'string') return value.trim().toLowerCase() === 'true';
  return Boolean(value);
}
