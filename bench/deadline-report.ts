import type { DeadlineFigures } from './deadline-figures';

/** Prints the deadline run's figures to stdout for a reader; the JSON line comes from json-line.ts. */
export function printDeadlineReport(figures: DeadlineFigures): void {
  const { scheduling, redis, latenessMs, firing } = figures;
  const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
  const lines = [
    '',
    `govflow bench: deadline run, ${figures.scheduled} deadlines due within ${figures.windowMs / 1000} s, ` +
      `${figures.workers} BullMQ workers x concurrency ${figures.workerConcurrency}, ${figures.workerMode === 'processes' ? 'each in a child process' : 'all in the bench process'}`,
    '',
    `scheduling      ${figures.scheduled} in ${(scheduling.elapsedMs / 1000).toFixed(1)} s = ${scheduling.perSecond}/s through DeadlineQueue.schedule` +
      ` (probe ${scheduling.probedPerSecond}/s; first due ${figures.leadMs / 1000} s after scheduling began)`,
    `redis memory    ${mib(redis.usedMemoryBefore)} before, ${mib(redis.usedMemoryAfterScheduling)} with ${redis.pendingAfterScheduling} pending (getDelayedCount)` +
      ` = ${redis.bytesPerPending} B per pending deadline`,
    `                ${mib(redis.usedMemoryAfterFiring)} after firing = ${redis.bytesPerFiredKept} B per fired deadline (completed jobs kept 7 days)`,
    `fired           ${figures.fired}; missed ${figures.missed}, duplicated ${figures.duplicated}, failed ${figures.failed}, stalled ${figures.stalled}`,
    `lateness ms     p50 ${latenessMs.p50}  p95 ${latenessMs.p95}  p99 ${latenessMs.p99}  max ${latenessMs.max}`,
    `firing          ${(firing.elapsedMs / 1000).toFixed(1)} s from the first due time to the last fire; cpu in % of one core: bench process ${firing.nodeCpuPercent}%` +
      `${figures.workerMode === 'processes' ? `, worker processes ${firing.workerProcessesCpuPercent}%` : ''}, redis ${firing.redisCpuPercent}%`,
    '',
    'aims:',
    ...figures.targets.map((target) => `  ${target.met ? 'met ' : 'MISS'}  ${target.aim}: ${target.actual}`),
  ];
  if (scheduling.cutShort) lines.push(`note: scheduling ran out of time after ${figures.scheduled} of ${figures.deadlines}`);
  if (scheduling.overranLead) lines.push('note: the first deadlines came due before scheduling and the memory reading were done; their lateness includes the wait for the workers');
  if (figures.errors.length > 0) lines.push(`note: ${figures.errors.length} worker errors, first: ${figures.errors[0]}`);
  lines.push('');
  process.stdout.write(`${lines.join('\n')}\n`);
}
