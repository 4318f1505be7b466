import { Parser } from 'saxen';
import { DefinitionRejectedError, PayloadTooLargeError, type ProblemDetail } from '../errors';

/**
 * How large a model deploy accepts. Every text of a model can end up in task and case lists
 * (step names, form labels, who acts), and parsing, linting and building it costs time on a
 * shared server, so each is bounded; README's deploy section lists them. The largest shipped
 * process (administrative-penalty.bpmn) has 297 XML elements, names of at most 50 characters
 * and ids of at most 40.
 */
export const modelLimits = {
  /** The XML as UTF-8 bytes: the API's body limit for XML, which the CLI's deploy meets too. */
  xmlBytes: 2 * 1024 * 1024,
  /** XML elements of every kind (steps, flows, diagram shapes, waypoints …): about 2 000 steps and flows with their diagram; 34× the largest shipped process. */
  elements: 10_000,
  /** Characters of an id; a process id is the key its cases and drafts are filed under. */
  idLength: 100,
  /** Characters of a name or label (steps, processes, form fields, options), shown in every list. */
  nameLength: 200,
  /** Characters of any other attribute: who acts (candidate users and groups), decisions, options, time limits … */
  attributeLength: 2_000,
  /** Characters of an expression: a condition, a timer value, a loop's count or completion condition. */
  expressionLength: 2_000,
  /** Characters of any other text: documentation, an annotation, a script where scripts are enabled. */
  textLength: 10_000,
} as const;

const nameAttributes = new Set(['name', 'label']);
const expressionElements = new Set(['conditionExpression', 'completionCondition', 'loopCardinality', 'timeDuration', 'timeDate', 'timeCycle', 'condition']);

/** An open element while the scan runs: its tag, the nearest id at or above it, how to name it, the text read in it so far. */
interface OpenElement {
  tag: string;
  where: string;
  subject: string;
  text: number;
}

/**
 * Refuses a model beyond {@link modelLimits} before anything builds it: one pass of the
 * tokenizer bpmn-moddle reads with (saxen), no tree, stopping at the first limit passed, so an
 * oversized model costs a scan, not a parse. Called first by the model check (model-check.ts).
 * XML that does not tokenize is left to the parser, which explains it better.
 */
export function assertWithinLimits(xml: string): void {
  const bytes = Buffer.byteLength(xml);
  if (bytes > modelLimits.xmlBytes) throw new PayloadTooLargeError(`the model is ${megabytes(bytes)}, more than the ${megabytes(modelLimits.xmlBytes)} a model may be`);
  const problem = firstProblem(xml);
  if (problem) throw new DefinitionRejectedError('the model is larger than govflow accepts', [problem]);
}

function firstProblem(xml: string): ProblemDetail | undefined {
  const parser = new Parser();
  const open: OpenElement[] = [];
  let elements = 0;
  let problem: ProblemDetail | undefined;
  const refuse = (found: ProblemDetail) => {
    problem = found;
    parser.stop();
  };
  const addText = (text: string, decode?: (raw: string) => string) => {
    const current = open.at(-1);
    if (!current || text.trim() === '') return;
    current.text += text.length;
    const limit = expressionElements.has(localName(current.tag)) ? modelLimits.expressionLength : modelLimits.textLength;
    // entities make the raw text longer than the text it stands for: decode only what looks too long
    if (current.text > limit && (!decode || decode(text).length + current.text - text.length > limit)) {
      refuse({ path: current.where, message: `the text of ${current.subject} has more than ${count(limit)} characters, the most it may have` });
    }
  };
  parser.on('openTag', (tag, attributes, decode) => {
    elements += 1;
    const values = attributes();
    const id = values.id === undefined ? undefined : decode(values.id);
    const ownId = id !== undefined && id.length <= modelLimits.idLength ? id : undefined;
    const where = ownId ?? open.at(-1)?.where ?? 'body';
    const subject = ownId ?? (where === 'body' ? `the ${localName(tag)}` : `a ${localName(tag)} in ${where}`);
    open.push({ tag, where, subject, text: 0 });
    if (elements > modelLimits.elements) return refuse({ path: 'body', message: `the model has more than ${count(modelLimits.elements)} XML elements (steps, flows, diagram shapes …), the most a model may have` });
    if (id !== undefined && id.length > modelLimits.idLength) return refuse({ path: where, message: `the id of ${subject} starting "${id.slice(0, 40)}" has ${count(id.length)} characters; an id may have at most ${count(modelLimits.idLength)}` });
    for (const [name, raw] of Object.entries(values)) {
      const limit = nameAttributes.has(localName(name)) ? modelLimits.nameLength : name === 'id' ? modelLimits.idLength : modelLimits.attributeLength;
      if (raw.length <= limit || name.startsWith('xmlns')) continue;
      const length = decode(raw).length;
      if (length > limit) return refuse({ path: where, message: `the ${name} of ${subject} has ${count(length)} characters; a ${localName(name)} may have at most ${count(limit)}` });
    }
  });
  parser.on('closeTag', () => {
    open.pop();
  });
  parser.on('text', addText);
  parser.on('cdata', (text) => addText(text));
  parser.on('error', () => parser.stop());
  parser.on('warn', () => undefined);
  parser.parse(xml);
  return problem;
}

function localName(qualified: string): string {
  return qualified.slice(qualified.indexOf(':') + 1);
}

function count(value: number): string {
  return value.toLocaleString('en-US');
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
