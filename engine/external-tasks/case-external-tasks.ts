import type { CaseRecord, ExternalTask } from '../records';

/** The external tasks a case waits on; none on a revision written before they were run. */
export function externalTasksOf(record: Pick<CaseRecord, 'externalTasks'>): ExternalTask[] {
  return record.externalTasks ?? [];
}

/** The lock is held at `now`: a lock ends by itself once its time is up, without anyone writing. */
export function lockHeld(task: ExternalTask, now: Date): boolean {
  return task.lock !== null && task.lock.until.getTime() > now.getTime();
}

/** When a fetch may take the task: once its lock ends and its retry time (after a failure) has come. */
export function availableAt(task: ExternalTask): Date {
  const times = [task.createdAt, task.lock?.until, task.retryAt].filter((time): time is Date => time instanceof Date).map((time) => time.getTime());
  return new Date(Math.max(...times));
}

/** Whether a worker may lock the task at `now`: not locked, not waiting for its retry time, retries not run out. */
export function fetchable(task: ExternalTask, now: Date): boolean {
  return task.retries !== 0 && availableAt(task).getTime() <= now.getTime();
}

/** The case with one of its external tasks replaced by a changed copy. */
export function withExternalTask(record: CaseRecord, changed: ExternalTask): CaseRecord {
  return { ...record, externalTasks: externalTasksOf(record).map((task) => (task.id === changed.id ? changed : task)) };
}
