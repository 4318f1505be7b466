import { Queue, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Govflow } from '../govflow';
import { QueueWatch } from './queue-watch';

const queueName = 'maintenance';

export interface MaintenanceOptions {
  /** How often outboxes left by a crash are swept; default 15 s. */
  repairEveryMs?: number;
  /** How often Redis is checked for lost queue state; default 15 s. */
  watchEveryMs?: number;
}

/**
 * The worker's upkeep: a repeatable job that applies outboxes left behind by a crashed node
 * (the job scheduler is keyed, so any number of workers share one schedule and each run is
 * taken by exactly one of them), and a watch on Redis that rebuilds the schedule, the deadline
 * and the timer jobs when Redis loses them.
 */
export class MaintenanceWorker {
  private constructor(
    readonly queue: Queue,
    readonly worker: Worker,
    readonly connections: Redis[],
    readonly watch: QueueWatch,
  ) {}

  /** Starts the upkeep on a queue state `reconcileDeadlines` has just made whole. */
  static async start(govflow: Govflow, options: MaintenanceOptions = {}): Promise<MaintenanceWorker> {
    const prefix = govflow.options.queuePrefix;
    // BullMQ leaves connections it was handed open on close(), so these are closed here.
    const connections = [govflow.redis.duplicate(), govflow.redis.duplicate()];
    const queue = new Queue(queueName, { connection: connections[0], prefix });
    const schedule = () => queue.upsertJobScheduler('repair-outboxes', { every: options.repairEveryMs ?? 15_000 }, { name: 'repair-outboxes', opts: { removeOnComplete: 100, removeOnFail: 500 } });
    await schedule();
    const worker = new Worker(
      queueName,
      async (job) => {
        if (job.name === 'repair-outboxes') return { repaired: await govflow.executor.repair() };
        throw new Error(`unknown maintenance job ${job.name}`);
      },
      { connection: connections[1], prefix, concurrency: 1 },
    );
    worker.on('failed', (job, error) => govflow.log.error({ err: error, job: job?.name }, 'maintenance job failed'));
    // Redis away is told by /readyz and handled by the watch; the connections retry by themselves
    const lostRedis = (error: Error) => govflow.log.debug({ err: error }, 'the maintenance queue lost Redis');
    queue.on('error', lostRedis);
    worker.on('error', lostRedis);
    const rebuild = async () => {
      await schedule();
      await govflow.executor.repair({ olderThanMs: 0 });
      await govflow.reconcileDeadlines();
    };
    const watch = new QueueWatch(govflow.redis, `${prefix}:queues-whole`, rebuild, govflow.log, { everyMs: options.watchEveryMs });
    await watch.markWhole();
    return new MaintenanceWorker(queue, worker, connections, watch);
  }

  async close(): Promise<void> {
    this.watch.close();
    await this.worker.close();
    await this.queue.close();
    for (const connection of this.connections) connection.disconnect();
  }
}
