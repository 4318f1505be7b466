import { getDate, ISODuration } from '@0dep/piso';
import type { Logger } from 'pino';
import type { DeadlineQueue } from '../deadlines';
import type { DefinitionRegistry } from '../definitions';
import { isCron, schedulerPattern } from '../definitions/timer-values';
import { StartCase, type StartedCase } from '../runtime/commands';
import type { Executor } from '../runtime/executor';
import type { Models } from '../store/models';
import { systemClient } from '../users/actor';
import { formatChinaInstant } from '../time';

/** A timer start event's job: which process to start a case of. */
export interface TimerStartJob {
  processKey: string;
}

/**
 * Timer start events: each process whose newest version starts on a timer has one BullMQ job
 * scheduler (id `timer-start~<process>`), so its ticks are the same on every node and worker;
 * each tick starts one case, whose id derives from the tick's job id, so a tick run twice (a
 * stalled job given to another worker) still starts one case. Deploy keeps the scheduler in
 * step with the newest version; reconcile rebuilds them all after Redis lost its data.
 */
export class StartSchedules {
  readonly #executor: Executor;
  readonly #models: Models;
  readonly #definitions: DefinitionRegistry;
  readonly #queue: DeadlineQueue;
  readonly #nextReceiptNo: () => Promise<string>;
  readonly #log: Logger;

  constructor(executor: Executor, models: Models, definitions: DefinitionRegistry, queue: DeadlineQueue, nextReceiptNo: () => Promise<string>, log: Logger) {
    this.#executor = executor;
    this.#models = models;
    this.#definitions = definitions;
    this.#queue = queue;
    this.#nextReceiptNo = nextReceiptNo;
    this.#log = log;
  }

  /** Puts a process's scheduler in step with its newest version: the timer's schedule, or none. */
  async sync(processKey: string): Promise<void> {
    const definition = await this.#definitions.latest(processKey);
    const timer = definition.catalogue.startTimer;
    const id = `timer-start~${processKey}`;
    if (!timer) {
      await this.#queue.dropSchedule(id);
      return;
    }
    await this.#queue.keepSchedule(id, scheduleOf(timer), { processKey } satisfies TimerStartJob);
  }

  /** Every process that ever started on a timer, put in step again; returns how many schedules run. */
  async reconcile(): Promise<number> {
    const keys: string[] = await this.#models.definitions.distinct('key', { 'catalogue.startTimer': { $exists: true } });
    for (const key of keys) await this.sync(key);
    return keys.length;
  }

  /** A tick: one case of the newest version, titled with the tick's China time; none when the process no longer starts on a timer. */
  async fire(job: TimerStartJob, tickId: string, tickAt: Date): Promise<StartedCase | null> {
    const definition = await this.#definitions.latest(job.processKey);
    if (!definition.catalogue.startTimer) {
      this.#log.info({ processKey: job.processKey }, 'a timer start ticked for a process that no longer starts on a timer');
      return null;
    }
    const command = new StartCase({ processKey: job.processKey, title: `${definition.name} ${formatChinaInstant(tickAt).slice(0, 19).replace('T', ' ')}`, data: {}, idempotencyKey: tickId }, systemClient.username, this.#nextReceiptNo);
    return (await this.#executor.create(command, systemClient)).result;
  }
}

/** A timeCycle as a scheduler: a cron pattern, or an ISO 8601 repeating interval (its period, count and start); a timeDate once. */
function scheduleOf(timer: { kind: 'timeCycle' | 'timeDate'; value: string }): { pattern: string } | { every: number; limit?: number; startDate?: Date } | { once: Date } {
  if (timer.kind === 'timeDate') return { once: new Date(timer.value) };
  if (isCron(timer.value)) return { pattern: schedulerPattern(timer.value) };
  // R[n]/[start/]period: the count, the first tick and the period between ticks
  const parts = timer.value.split('/');
  const repeat = Number(parts[0].slice(1));
  const period = parts.find((part) => part.startsWith('P')) ?? 'P1D';
  const startText = parts.slice(1).find((part) => !part.startsWith('P'));
  const anchor = startText ? getDate(startText).getTime() : 0;
  const duration = new ISODuration(period);
  duration.parse();
  const every = duration.getExpireAt(new Date(anchor)).getTime() - anchor;
  // ticks fall on the anchor (the interval's start, else the epoch) plus whole periods, so a schedule
  // kept again (deploy, reconcile on every worker's start) has the same ticks and no extra one now
  const now = Date.now();
  const next = now <= anchor ? anchor : anchor + Math.ceil((now - anchor) / every) * every;
  return { every, startDate: new Date(next), ...(repeat > 0 ? { limit: repeat } : {}) };
}
