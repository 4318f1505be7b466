import { GovflowError, type ErrorCode, type ProblemDetail } from '../errors';
import type { LintOptions } from './lint';
import { checkModel, compileStored, type CheckedModel } from './model-check';

/** What the pool (model-check-pool.ts) asks a worker: deploy's checks of an upload, or a compile of a stored version. */
export type ModelCheckTask = { kind: 'check'; xml: string; lint: LintOptions } | { kind: 'compile'; xml: string };

/**
 * A worker's answer. A refusal travels as data: an error thrown across threads keeps only its
 * message, and deploy's refusals carry the element ids the designer needs.
 */
export type ModelCheckAnswer = { model: CheckedModel } | { refused: { code: ErrorCode; message: string; details: ProblemDetail[] } };

/** The worker thread's one export, run by piscina for each task; any other failure rejects the task (a 500). */
export default async function runModelCheck(task: ModelCheckTask): Promise<ModelCheckAnswer> {
  try {
    return { model: task.kind === 'check' ? await checkModel(task.xml, task.lint) : { ...(await compileStored(task.xml)), warnings: [] } };
  } catch (error) {
    if (error instanceof GovflowError) return { refused: { code: error.code, message: error.message, details: error.details } };
    throw error;
  }
}
