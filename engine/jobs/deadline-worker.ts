import { Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { DeadlineJob, TimerJob } from '../deadlines';
import type { CallJob, MessageJob } from '../records';
import type { TimerStartJob } from '../schedules';
import { IncidentError } from '../errors';
import { deadlineQueueName } from '../deadlines';
import type { Govflow } from '../govflow';
import { notificationIdOf } from '../webhooks';

/**
 * Fires durable jobs: a card's deadline becomes a RaiseDeadlineAlert command, a BPMN timer a
 * FireTimer command, a thrown message its delivery, a timer start's tick a new case, all through the executor; a notification goes out to the webhooks. BullMQ
 * hands a job to one worker at a time and gives a stalled one (its worker died) to another;
 * the command is idempotent, so a job that runs twice still raises one card.
 */
export class DeadlineWorker {
  private constructor(
    readonly worker: Worker,
    readonly connection: Redis,
  ) {}

  static start(govflow: Govflow, concurrency = 8): DeadlineWorker {
    const connection = govflow.redis.duplicate();
    const worker = new Worker<DeadlineJob | TimerJob | MessageJob | CallJob | TimerStartJob>(deadlineQueueName, (job) => (job.name === 'timer-start' ? govflow.startSchedules.fire(job.data as TimerStartJob, String(job.id), new Date(job.timestamp + (job.opts.delay ?? 0))) : dispatch(govflow, job.name, job.data as DeadlineJob | TimerJob | MessageJob | CallJob, job.attemptsMade + 1)), {
      connection,
      prefix: govflow.options.queuePrefix,
      concurrency,
    });
    worker.on('failed', (job, error) => govflow.log.error({ err: error, job: job?.id }, 'deadline job failed; BullMQ retries it'));
    worker.on('error', (error) => govflow.log.debug({ err: error }, 'the deadline worker lost Redis'));
    return new DeadlineWorker(worker, connection);
  }

  async close(): Promise<void> {
    await this.worker.close();
    this.connection.disconnect();
  }
}

/**
 * Each job to its command: a BPMN timer fires, a thrown message is delivered, a call between
 * cases is made, a notification goes out to its webhooks and each delivery is tried (`attempt`
 * counts its tries), a card's deadline raises it.
 */
function dispatch(govflow: Govflow, name: string, data: DeadlineJob | TimerJob | MessageJob | CallJob, attempt: number): Promise<unknown> {
  if (name === 'timer') return fireTimer(govflow, data as TimerJob);
  if (name === 'message') return govflow.messages.deliverThrown(data.id);
  if (name === 'notification') return govflow.webhooks.fanOut(notificationIdOf(data.id));
  if (name === 'webhook') return govflow.webhooks.deliver(data.id, attempt);
  if (name.startsWith('call.')) return govflow.calls.run(name, data as CallJob);
  return govflow.supervision.raiseDeadlineAlert(data as DeadlineJob);
}

/**
 * A timer the process engine fails on is an incident of its case, recorded by the executor with
 * what a retry needs: the job is done (BullMQ retrying the same data would only fail again).
 * One whose incident could not be recorded fails, so BullMQ tries it again later.
 */
async function fireTimer(govflow: Govflow, job: TimerJob): Promise<unknown> {
  try {
    return await govflow.cases.fireTimer(job);
  } catch (error) {
    if (!(error instanceof IncidentError) || error.incidentId === null) throw error;
    return { fired: false, incident: error.incidentId };
  }
}
