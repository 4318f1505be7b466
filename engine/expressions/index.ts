export { resolveTemplate, parseExpression, expressionProblems, type Variables } from './safe-expression';
