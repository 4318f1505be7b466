import type { Redis } from 'ioredis';

interface Waiter {
  topics: Set<string>;
  wake(): void;
}

/**
 * Wakes long-polling fetches when one of their topics gets work (a task opened, unlocked or
 * failed with retries left), on every node: announcements go out on a Redis channel. An
 * announcement is a hint, never the truth — a lost one (Redis down) costs a waiting fetch one
 * poll interval, since every fetch also looks at the store again after that interval.
 */
export class TopicSignals {
  readonly #redis: Redis;
  readonly #channel: string;
  readonly #waiters = new Set<Waiter>();
  #subscriber: Redis | undefined;
  #closed = false;

  constructor(redis: Redis, prefix: string) {
    this.#redis = redis;
    this.#channel = `${prefix}:external-task-topics`;
  }

  /** Says the topics have work now, to this node's waiting fetches at once and to the others' through Redis. */
  announce(topics: string[]): void {
    if (topics.length === 0) return;
    this.#wake(topics);
    this.#redis.publish(this.#channel, JSON.stringify(topics)).catch(() => undefined);
  }

  /** Once closed, no fetch waits: a node shutting down answers its long polls at once. */
  get closed(): boolean {
    return this.#closed;
  }

  /** Resolves once one of `topics` is announced, or after `ms`; at once when closed. */
  wait(topics: string[], ms: number): Promise<void> {
    if (this.#closed) return Promise.resolve();
    this.#subscribe();
    return new Promise((resolve) => {
      const waiter: Waiter = {
        topics: new Set(topics),
        wake: () => {
          clearTimeout(timer);
          this.#waiters.delete(waiter);
          resolve();
        },
      };
      const timer = setTimeout(waiter.wake, ms);
      this.#waiters.add(waiter);
    });
  }

  /** Ends every wait and the subscription; called when govflow closes. */
  close(): void {
    this.#closed = true;
    for (const waiter of [...this.#waiters]) waiter.wake();
    this.#subscriber?.disconnect();
    this.#subscriber = undefined;
  }

  /** The channel is listened to from the first wait on: nodes nobody fetches from hold no subscription. */
  #subscribe(): void {
    if (this.#subscriber) return;
    const subscriber = this.#redis.duplicate();
    // its losses are the main connection's too, and logged there; the poll interval covers them
    subscriber.on('error', () => undefined);
    subscriber.on('message', (_channel: string, text: string) => this.#wake(topicsIn(text)));
    subscriber.subscribe(this.#channel).catch(() => undefined);
    this.#subscriber = subscriber;
  }

  #wake(topics: string[]): void {
    for (const waiter of [...this.#waiters]) if (topics.some((topic) => waiter.topics.has(topic))) waiter.wake();
  }
}

function topicsIn(text: string): string[] {
  try {
    const parsed: unknown = JSON.parse(text);
    return Array.isArray(parsed) ? parsed.filter((topic): topic is string => typeof topic === 'string') : [];
  } catch {
    return [];
  }
}
