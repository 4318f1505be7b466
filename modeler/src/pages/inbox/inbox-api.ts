import { api } from '../../shared/api-client';
import type { Scope, TaskDetail, TaskItem } from './inbox-types';

/** The task operations the inbox offers, as POST /api/tasks/{id}/{operation}. */
export type TaskOperation = 'claim' | 'unclaim' | 'complete' | 'return' | 'transfer' | 'delegate' | 'resolve' | 'urge' | 'copy' | 'add-signer' | 'withdraw';

export async function listTasks(scope: Scope): Promise<TaskItem[]> {
  const answer = await api<{ items: TaskItem[] }>('GET', `/api/tasks?scope=${scope}`);
  return answer.items;
}

export function getTask(id: string): Promise<TaskDetail> {
  return api<TaskDetail>('GET', `/api/tasks/${encodeURIComponent(id)}`);
}

export function taskOperation(id: string, operation: TaskOperation, body: Record<string, unknown> = {}): Promise<unknown> {
  return api<unknown>('POST', `/api/tasks/${encodeURIComponent(id)}/${operation}`, body);
}

/** The groups (role@department) users hold, for the 抄送 dialog to offer; GET /api/directory. */
export async function directoryGroups(): Promise<string[]> {
  return (await api<{ groups: string[] }>('GET', '/api/directory')).groups;
}
