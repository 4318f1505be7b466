/** Latency figures of one kind of command, in milliseconds. */
export interface LatencySummary {
  count: number;
  p50: number;
  p99: number;
  max: number;
}

/**
 * The value below which `fraction` of the samples fall (nearest-rank), used by the report for
 * p50/p99 and by the state-size probe for medians. NaN for no samples, so an empty run shows
 * as missing rather than as zero.
 */
export function percentile(samples: readonly number[], fraction: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil(fraction * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

/** The median; a separate name because the targets speak of medians. */
export function median(samples: readonly number[]): number {
  return percentile(samples, 0.5);
}

/** Summarises one command's latency samples for the report table and JSON line. */
export function summariseLatency(samples: readonly number[]): LatencySummary {
  // a reduce, not Math.max(...samples): a long bare-engine run would overflow the argument list
  const max = samples.length === 0 ? Number.NaN : samples.reduce((highest, sample) => Math.max(highest, sample), -Infinity);
  return { count: samples.length, p50: round(percentile(samples, 0.5), 3), p99: round(percentile(samples, 0.99), 3), max: round(max, 3) };
}

/** Rounds for display and JSON, keeping small latencies readable (0.042 ms) without long tails. */
export function round(value: number, digits = 2): number {
  if (!Number.isFinite(value)) return value;
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
