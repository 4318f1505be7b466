import type { ExternalTaskClient, LockedExternalTask } from './external-task-client';

/** What a handler throws for a business outcome the model catches as a BPMN error (e.g. credit refused). */
export class BpmnFailure extends Error {
  override name = 'BpmnFailure';
  constructor(
    readonly code: string,
    message: string,
    readonly variables: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/** Does one task: returns the variables to complete it with, throws BpmnFailure for a BPMN error, anything else for a failure. */
export type TaskHandler = (task: LockedExternalTask) => Promise<Record<string, unknown> | void>;

export interface WorkerOptions {
  client: ExternalTaskClient;
  workerId: string;
  /** The topics this worker does, each with its handler and how long it locks a task (default 60 s). */
  topics: Record<string, { handler: TaskHandler; lockMs?: number }>;
  /** Tasks fetched at once; default 5. */
  max?: number;
  /** How long a fetch waits for work (long polling); default 20 s. */
  waitMs?: number;
  /** Retries a task gets after its first failure; default 3. */
  retries?: number;
  /** Stops the loop once the tasks in hand are done. */
  signal?: AbortSignal;
  /** Told of each fetch that failed (govflow unreachable); the loop waits a little and goes on. */
  onError?: (error: unknown) => void;
}

/**
 * The reference worker of another department's system: long-polls its topics, runs each task's
 * handler, and completes it, reports its BPMN error, or reports a failure with one retry fewer
 * (backing off 2, 4, 8 … seconds). Runs until the signal aborts.
 */
export async function runWorker(options: WorkerOptions): Promise<void> {
  const topics = Object.entries(options.topics).map(([name, topic]) => ({ name, lockMs: topic.lockMs ?? 60_000 }));
  while (!options.signal?.aborted) {
    let tasks: LockedExternalTask[];
    try {
      tasks = await options.client.fetchAndLock({ workerId: options.workerId, topics, max: options.max ?? 5, waitMs: options.waitMs ?? 20_000 });
    } catch (error) {
      options.onError?.(error);
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      continue;
    }
    await Promise.all(tasks.map((task) => handle(task, options)));
  }
}

async function handle(task: LockedExternalTask, options: WorkerOptions): Promise<void> {
  const { client, workerId } = options;
  let outcome: { variables: Record<string, unknown> } | { error: unknown };
  try {
    outcome = { variables: (await options.topics[task.topic].handler(task)) ?? {} };
  } catch (error) {
    outcome = { error };
  }
  try {
    if ('variables' in outcome) await client.complete(task.id, workerId, outcome.variables);
    else if (outcome.error instanceof BpmnFailure) await client.bpmnError(task.id, workerId, { code: outcome.error.code, message: outcome.error.message, variables: outcome.error.variables });
    else await client.fail(task.id, workerId, failureReport(task, outcome.error, options.retries ?? 3));
  } catch (error) {
    // the lock ends by itself and the task is fetched again: nothing is lost
    options.onError?.(error);
  }
}

/** One retry fewer than the task has left (or `retries` after its first failure), backing off 2, 4, 8 … seconds. */
function failureReport(task: LockedExternalTask, error: unknown, retries: number) {
  const left = task.retries === null ? retries : Math.max(0, task.retries - 1);
  const failures = retries - left;
  return { message: error instanceof Error ? error.message : String(error), details: error instanceof Error ? error.stack : undefined, retries: left, retryInMs: 1_000 * 2 ** Math.max(1, failures) };
}
