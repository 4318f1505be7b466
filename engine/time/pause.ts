import { InvalidInputError } from '../errors';
import { formatChinaInstant, instantMs } from './china-date';
import type { Pause } from '../records';
export type { Pause } from '../records';

/** A pause as epoch milliseconds, [from, to); an open pause ends at Infinity. */
interface Span {
  from: number;
  to: number;
}

/**
 * The pauses of one case, checked and merged, answering "was the clock running then?". Built by
 * computeDue from the case's pauses; overlapping or touching pauses become one stretch so that
 * shared time is not subtracted twice.
 */
export class PausedTime {
  readonly #spans: readonly Span[];

  /** Throws InvalidInputError for an invalid instant or a pause that ends before it starts. */
  constructor(pauses: readonly Pause[]) {
    this.#spans = merge(pauses.map(toSpan));
  }

  /** True when a pause has not ended: the clock is stopped now and nothing is due. */
  get open(): boolean {
    return this.#spans.some((span) => span.to === Infinity);
  }

  /** Whether the clock was paused at an instant; a pause covers its start, not its end. */
  covers(ms: number): boolean {
    return this.#spans.some((span) => span.from <= ms && ms < span.to);
  }

  /**
   * The instant `runningMs` of running clock after `startMs`: each pause met on the way pushes
   * it back by its length after `startMs`; a pause that begins once the time is up does not.
   */
  addRunningTime(startMs: number, runningMs: number): number {
    let at = startMs;
    let left = runningMs;
    for (const span of this.#spans) {
      if (span.to <= at) continue;
      const pauseStart = Math.max(span.from, at);
      if (pauseStart >= at + left) break;
      left -= pauseStart - at;
      at = span.to;
    }
    return at + left;
  }
}

function toSpan(pause: Pause, index: number): Span {
  const what = `pause ${index + 1}${pause.reason ? ` (${pause.reason})` : ''}`;
  const from = instantMs(pause.from, `start of ${what}`);
  const to = pause.to === null ? Infinity : instantMs(pause.to, `end of ${what}`);
  if (to < from) {
    throw new InvalidInputError(
      `${what} ends at ${formatChinaInstant(new Date(to))}, before it starts at ${formatChinaInstant(new Date(from))}`,
    );
  }
  return { from, to };
}

function merge(spans: readonly Span[]): Span[] {
  const merged: Span[] = [];
  for (const span of [...spans].sort((a, b) => a.from - b.from)) {
    const last = merged.at(-1);
    if (last !== undefined && span.from <= last.to) last.to = Math.max(last.to, span.to);
    else if (span.to > span.from) merged.push({ ...span });
  }
  return merged;
}
