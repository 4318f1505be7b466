import type { AuditRecord } from '../records';

/** What happened to a task that its handler must read before working it, from the case's audit log. */
export interface TaskNote {
  kind: 'returned' | 'withdrawn' | 'transferred' | 'delegated' | 'resolved' | 'urged';
  at: string;
  by: string;
  /** Whom the task went to (a username), or the step a return reopened (its name). */
  to: string | null;
  /** The reason, note, comment or message as written. */
  text: string | null;
}

const kinds: Record<string, TaskNote['kind']> = {
  'task.returned': 'returned',
  'task.withdrawn': 'withdrawn',
  'task.transferred': 'transferred',
  'task.delegated': 'delegated',
  'task.resolved': 'resolved',
  'task.urged': 'urged',
};

/**
 * The notes of one task, oldest first: the 退回 or 撤回 that opened it (the same command made
 * both, so the entry's time is the task's creation time), and the 转办, 委派, 交回 and 催办 done on
 * it. The commands write `→ <to>: <text>` for what moved somewhere; this reads it back.
 */
export function taskNotes(entries: readonly AuditRecord[], task: { id: string; createdAt: Date | string }): TaskNote[] {
  const created = new Date(task.createdAt).toISOString();
  return entries.flatMap((entry) => {
    const kind = kinds[entry.action];
    if (!kind) return [];
    // a return or withdrawal names the task it ended; the one it opened was made at the same instant
    const reopening = kind === 'returned' || kind === 'withdrawn';
    const concernsTask = reopening ? new Date(entry.at).toISOString() === created : entry.taskId === task.id;
    return concernsTask ? [{ kind, at: entry.at, by: entry.actor, ...destination(entry.comment) }] : [];
  });
}

function destination(comment: string | null): Pick<TaskNote, 'to' | 'text'> {
  const moved = comment === null ? null : /^→ ([^:]+?)(?:: ([\s\S]*))?$/.exec(comment);
  return moved ? { to: moved[1], text: moved[2] ?? null } : { to: null, text: comment };
}
