import { api } from '../../shared/api-client';
import type { StaffMember, StaffPurpose } from '../../../../engine/api-types';
import type { CaseView } from '../case/case-types';
import type { CaseScope, ListPage, TaskDetail, TaskList, TaskScope } from './inbox-types';

/** The task operations the inbox offers, as POST /api/tasks/{id}/{operation}. */
export type TaskOperation = 'claim' | 'unclaim' | 'complete' | 'return' | 'transfer' | 'delegate' | 'resolve' | 'urge' | 'copy' | 'add-signer' | 'withdraw';

/** A page of one of the inbox's lists, searched; `query` holds the search, limit and offset or cursor. GET /api/tasks. */
export function listTasks(scope: TaskScope, query: URLSearchParams): Promise<TaskList> {
  return api<TaskList>('GET', `/api/tasks?${withScope(scope, query)}`);
}

/** A page of 我发起的 or 抄送我的: cases, not tasks. */
export function listCases(scope: CaseScope, query: URLSearchParams): Promise<ListPage<CaseView>> {
  return api<ListPage<CaseView>>('GET', `/api/tasks?${withScope(scope, query)}`);
}

function withScope(scope: string, query: URLSearchParams): URLSearchParams {
  const all = new URLSearchParams(query);
  all.set('scope', scope);
  return all;
}

/** The processes staff may search by, with their names; GET /api/definitions. */
export async function processNames(): Promise<Array<{ key: string; name: string }>> {
  return (await api<{ items: Array<{ key: string; name: string }> }>('GET', '/api/definitions')).items;
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
