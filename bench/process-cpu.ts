import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second of /proc's CPU times (USER_HZ). */
const ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;

/**
 * CPU time used so far by a server process and every process under it (PostgreSQL serves each
 * connection from a child of its postmaster), in milliseconds, read from /proc. Children that
 * ended before the read are not counted; the bench's servers keep their connections open.
 */
export function treeCpuMs(pid: number): number {
  const stats = allStats();
  const children = new Map<number, number[]>();
  for (const stat of stats.values()) children.set(stat.ppid, [...(children.get(stat.ppid) ?? []), stat.pid]);
  let ticks = 0;
  const visit = (id: number) => {
    ticks += stats.get(id)?.ticks ?? 0;
    for (const child of children.get(id) ?? []) visit(child);
  };
  visit(pid);
  return (ticks * 1000) / ticksPerSecond;
}

interface ProcessStat {
  pid: number;
  ppid: number;
  ticks: number;
}

function allStats(): Map<number, ProcessStat> {
  const stats = new Map<number, ProcessStat>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // fields after the parenthesised name: state ppid … utime(14) stime(15), counted from pid as 1
      const text = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
      stats.set(Number(entry), { pid: Number(entry), ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) });
    } catch {
      // the process ended while the folder was read
    }
  }
  return stats;
}
