import { readFileSync } from 'node:fs';

/**
 * A process as recorded in a lock or pid file: its id and, where /proc tells it, the moment it
 * started (clock ticks since boot), so that an id the system has since given to another process
 * is not mistaken for the one recorded.
 */
export interface ProcessIdentity {
  pid: number;
  start?: string;
}

/** The identity of a running process, e.g. of this one to record it in a lock. */
export function processIdentity(pid: number): ProcessIdentity {
  const start = startTime(pid);
  return start === undefined ? { pid } : { pid, start };
}

/**
 * Whether the recorded process still runs: same id and, when recorded, the same start. A zombie
 * (dead, not yet reaped by a parent that may never reap it) does not run.
 */
export function isRunning(identity: ProcessIdentity): boolean {
  try {
    process.kill(identity.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false; // EPERM: it runs, as another user
  }
  const stat = procStat(identity.pid);
  if (!stat) return identity.start === undefined; // no /proc here: the id alone tells
  return stat[0] !== 'Z' && (identity.start === undefined || stat[19] === identity.start);
}

function startTime(pid: number): string | undefined {
  return procStat(pid)?.[19];
}

/** The fields of /proc/<pid>/stat from the third (state) on: field 22 (start time) is at 19. The command name before them may hold spaces and parentheses. */
function procStat(pid: number): string[] | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined;
  }
}

/** Reads an identity (with whatever else was recorded beside it) written as JSON by govflow; undefined when the file is missing or not one. */
export function readIdentity<T extends ProcessIdentity = ProcessIdentity>(file: string): T | undefined {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as T;
    return Number.isInteger(parsed.pid) && parsed.pid > 0 ? parsed : undefined;
  } catch {
    return undefined;
  }
}
