import type { StoreCommandListener } from '../engine/store';
import { median, round } from './stats';

/** Store round trips of one kind of govflow command: how many, and how many of them one after another. */
export interface RoundTrips {
  count: number;
  median: number;
  max: number;
  /** The longest chain of round trips each sent only after the one before was answered. */
  sequentialMedian: number;
  sequentialMax: number;
}

interface Span {
  startedAt: number;
  endedAt: number;
}

/**
 * Counts the store commands each govflow command sends. Only meaningful at concurrency 1, where
 * every store command between a command's start and end is its own: the bench measures it in
 * that run and wraps each command with `during`.
 */
export class StoreCommandLog {
  #current: Span[] | undefined;
  readonly #samples = new Map<string, Array<{ count: number; sequential: number }>>();

  /** The listener to hand Govflow.create (GovflowOptions.onStoreCommand). */
  readonly listener: StoreCommandListener = (command) => this.#current?.push(command);

  /** Runs one govflow command, recording its store commands under `kind`. */
  async during<T>(kind: string, command: () => Promise<T>): Promise<T> {
    const spans: Span[] = [];
    this.#current = spans;
    try {
      return await command();
    } finally {
      this.#current = undefined;
      const samples = this.#samples.get(kind) ?? [];
      samples.push({ count: spans.length, sequential: longestChain(spans) });
      this.#samples.set(kind, samples);
    }
  }

  /** The figures per kind of command recorded so far. */
  summary(): Record<string, RoundTrips> {
    const summary: Record<string, RoundTrips> = {};
    for (const [kind, samples] of this.#samples) {
      const counts = samples.map((sample) => sample.count);
      const chains = samples.map((sample) => sample.sequential);
      summary[kind] = { count: samples.length, median: round(median(counts), 1), max: Math.max(...counts), sequentialMedian: round(median(chains), 1), sequentialMax: Math.max(...chains) };
    }
    return summary;
  }
}

/** The most round trips of `spans` that follow one another without overlapping (intervals by end time, greedily). */
function longestChain(spans: Span[]): number {
  let chain = 0;
  let freeAt = Number.NEGATIVE_INFINITY;
  for (const span of [...spans].sort((a, b) => a.endedAt - b.endedAt)) {
    if (span.startedAt >= freeAt) {
      chain += 1;
      freeAt = span.endedAt;
    }
  }
  return chain;
}
