import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { within } from '../faults';

export interface QueueWatchOptions {
  /** How often Redis is looked at; default 15 s, so lost queue state is rebuilt within a minute. */
  everyMs?: number;
}

/**
 * Notices when Redis lost what govflow keeps there — it was flushed, or restarted without its
 * data, or was away while commands left jobs in their outboxes — and has it rebuilt, without
 * any command or operator. A marker key written after each rebuild tells a Redis that still
 * holds the queues from one that lost them; an outage seen by the connection counts as a loss
 * too, since jobs of that time wait in outboxes.
 */
export class QueueWatch {
  readonly #timer: NodeJS.Timeout;
  #lostSight = false;
  #checking: Promise<void> | undefined;

  constructor(
    private readonly redis: Redis,
    private readonly markerKey: string,
    private readonly rebuild: () => Promise<void>,
    private readonly log: Logger,
    options: QueueWatchOptions = {},
  ) {
    redis.on('close', () => (this.#lostSight = true));
    this.#timer = setInterval(() => void this.check(), options.everyMs ?? 15_000);
    this.#timer.unref();
  }

  /** Records that the queue state is whole now (after start-up reconciled it). */
  async markWhole(): Promise<void> {
    await this.redis.set(this.markerKey, new Date().toISOString());
  }

  /** Looks once; rebuilds when the marker is gone or Redis was out of sight since the last look. */
  check(): Promise<void> {
    this.#checking ??= this.#check().finally(() => (this.#checking = undefined));
    return this.#checking;
  }

  async #check(): Promise<void> {
    if (this.redis.status !== 'ready') return;
    const present = await within(this.redis.exists(this.markerKey).catch(() => null), 1_000, null);
    if (present === null || (present === 1 && !this.#lostSight)) return;
    this.#lostSight = false;
    this.log.warn({ flushed: present === 0 }, present === 0 ? 'Redis lost the queue state; rebuilding schedulers, deadlines and timers' : 'Redis is back after an outage; adding the jobs commands left in their outboxes');
    try {
      await this.rebuild();
      await this.markWhole();
    } catch (error) {
      this.#lostSight = true;
      this.log.error({ err: error }, 'could not rebuild the queue state; trying again at the next look');
    }
  }

  close(): void {
    clearInterval(this.#timer);
  }
}
