import type { ParseResult } from 'bpmn-moddle';
import { knownLanguage, readExpression, type Expression } from '../../expressions';

/** Marks a condition body the engine's expression hook evaluates as a condition (runtime/case-engine). */
export const conditionToken = 'govflow:condition:';

/**
 * The expression of a sequence flow's condition, read in its declared language (or the model's);
 * undefined for none, and for a script language (javascript …), which runs as a script or is
 * refused at deploy (lint rule no-script).
 */
export function conditionOf(flow: ModdleElement, definitions: ModdleElement): Expression | undefined {
  const condition = flow.conditionExpression as ModdleElement | undefined;
  if (typeof condition?.body !== 'string' || condition.body.trim() === '' || !knownLanguage(condition.language as string | undefined)) return undefined;
  const language = (condition.language as string | undefined) ?? (definitions.expressionLanguage as string | undefined);
  return readExpression(condition.body, language);
}

/**
 * bpmn-elements hands a condition's body to the expression hook without saying it is a
 * condition, and would run a condition with a `language` as a script. So each condition becomes
 * a token carrying its expression already read (JUEL or FEEL), which the hook evaluates with the
 * language's own coercion to boolean.
 */
export function wireConditions(parsed: ParseResult): void {
  for (const element of Object.values(parsed.elementsById)) {
    if (element.$type !== 'bpmn:SequenceFlow') continue;
    const expression = conditionOf(element, parsed.rootElement);
    if (expression) element.conditionExpression = { $type: 'bpmn:FormalExpression', body: conditionToken + JSON.stringify(expression) };
    else if (isEmptyCondition(element)) delete element.conditionExpression; // an empty condition says nothing: the flow has none
  }
}

function isEmptyCondition(flow: ModdleElement): boolean {
  const body = (flow.conditionExpression as ModdleElement | undefined)?.body;
  return flow.conditionExpression !== undefined && (body === undefined || (typeof body === 'string' && body.trim() === ''));
}

/** The expression a condition token carries, or undefined for any other text. */
export function conditionInToken(text: string): Expression | undefined {
  return text.startsWith(conditionToken) ? (JSON.parse(text.slice(conditionToken.length)) as Expression) : undefined;
}
