import { api } from '../../shared/api-client';
import type { StaffMember, StaffPurpose } from '../../../../engine/users/names';
import type { Scope, TaskDetail, TaskList } from './inbox-types';

/** The task operations the inbox offers, as POST /api/tasks/{id}/{operation}. */
export type TaskOperation = 'claim' | 'unclaim' | 'complete' | 'return' | 'transfer' | 'delegate' | 'resolve' | 'urge' | 'copy' | 'add-signer' | 'withdraw';

export function listTasks(scope: Scope): Promise<TaskList> {
  return api<TaskList>('GET', `/api/tasks?scope=${scope}`);
}

export function getTask(id: string): Promise<TaskDetail> {
  return api<TaskDetail>('GET', `/api/tasks/${encodeURIComponent(id)}`);
}

export function taskOperation(id: string, operation: TaskOperation, body: Record<string, unknown> = {}): Promise<unknown> {
  return api<unknown>('POST', `/api/tasks/${encodeURIComponent(id)}/${operation}`, body);
}

/** The groups (role@department) users hold and the units' names, for the 抄送 dialog to offer; GET /api/directory. */
export function directoryGroups(): Promise<{ groups: string[]; unitNames: Record<string, string> }> {
  return api<{ groups: string[]; unitNames: Record<string, string> }>('GET', '/api/directory');
}

/** How many matches a picker shows at once; more means the search should be narrowed. */
const pickerPage = 20;

/** Colleagues matching a name, username or unit, for the pickers; GET /api/directory/staff. */
export function searchStaff(search: string, purpose: StaffPurpose): Promise<{ items: StaffMember[]; total: number }> {
  const query = new URLSearchParams({ for: purpose, limit: String(pickerPage), ...(search ? { q: search } : {}) });
  return api<{ items: StaffMember[]; total: number }>('GET', `/api/directory/staff?${query}`);
}
