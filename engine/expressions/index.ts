export { resolveTemplate, parseExpression, hasTemplate, variableLookup, type Variables } from './safe-expression';
export { evaluateCondition, evaluateExpression, expressionProblems, knownLanguage, readExpression, resolveText, type Expression, type ExpressionLanguage } from './expression-language';
