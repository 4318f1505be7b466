import { api } from '../../shared/api-client';
import { locale } from '../../shared/i18n';
import type { Names } from '../../shared/names';
import type { AlertDetail, AlertFilter, AlertPage, FigureCase, FigureOfCases, FiguresGroupBy, FiguresRow, Incident, IncidentPage, Notice, Period, UnstaffedTaskPage } from './types';

/** The supervision endpoints the board calls, typed. */

export function listAlerts(filter: AlertFilter, page: number, pageSize: number): Promise<AlertPage> {
  const query = new URLSearchParams({ page: String(page), pageSize: String(pageSize) });
  for (const [key, value] of Object.entries(filter)) if (value) query.set(key, value);
  return api<AlertPage>('GET', `/api/supervision/alerts?${query}`);
}

export function getAlert(id: string): Promise<AlertDetail> {
  return api<AlertDetail>('GET', `/api/supervision/alerts/${encodeURIComponent(id)}`);
}

export function closeAlert(id: string, note: string): Promise<AlertDetail> {
  return api<AlertDetail>('POST', `/api/supervision/alerts/${encodeURIComponent(id)}/close`, { note });
}

/** Which notices a list asks for: a reply awaited or not, a reply to review. */
export type NoticeFilter = { awaitingReply?: boolean; awaitingReview?: boolean };

/** A page of the notices, newest first, with their true total. */
export async function listNotices(filter: NoticeFilter, page: { limit: number; offset: number }): Promise<{ items: Notice[]; total: number; names: Names }> {
  const flags = Object.entries(filter).map(([name, value]) => [name, String(value)]);
  const query = new URLSearchParams({ limit: String(page.limit), offset: String(page.offset), ...Object.fromEntries(flags) });
  return api<{ items: Notice[]; total: number; names: Names }>('GET', `/api/supervision/notices?${query}`);
}

export interface NewNotice {
  /** The case by its receipt number (受理编号). */
  receiptNo: string;
  department: string;
  message: string;
  replyLimit: string;
}

export function sendNotice(notice: NewNotice): Promise<unknown> {
  return api('POST', '/api/supervision/notices', notice);
}

export function replyNotice(id: string, explanation: string): Promise<unknown> {
  return api('POST', `/api/supervision/notices/${encodeURIComponent(id)}/reply`, { explanation });
}

/** The office's steps on a notice after it is sent (engine/runtime/commands/review-notice.ts). */
export type NoticeReview = { step: 'accept'; comment?: string } | { step: 'reject' | 'reissue'; reason: string; replyLimit: string } | { step: 'close'; comment: string };

export function reviewNotice(id: string, { step, ...body }: NoticeReview): Promise<unknown> {
  return api('POST', `/api/supervision/notices/${encodeURIComponent(id)}/${step}`, body);
}

export function figuresPath(groupBy: FiguresGroupBy, period: Period, format: 'json' | 'csv'): string {
  return `/api/supervision/figures?${new URLSearchParams({ groupBy, from: period.from, to: period.to, format, ...(format === 'csv' ? { lang: locale() } : {}) })}`;
}

export async function figures(groupBy: FiguresGroupBy, period: Period): Promise<FiguresRow[]> {
  return (await api<{ items: FiguresRow[] }>('GET', figuresPath(groupBy, period, 'json'))).items;
}

/** The cases behind one figure of one row (穿透查询), newest first. */
export function figureCases(groupBy: FiguresGroupBy, period: Period, group: string, figure: FigureOfCases, page: { limit: number; offset: number }): Promise<{ items: FigureCase[]; total: number }> {
  const query = new URLSearchParams({ groupBy, group, figure, from: period.from, to: period.to, limit: String(page.limit), offset: String(page.offset) });
  return api('GET', `/api/supervision/figures/cases?${query}`);
}

/** Open incidents, the latest failure first; a page by number. */
export function listIncidents(page: number, pageSize: number): Promise<IncidentPage> {
  const query = new URLSearchParams({ status: 'open', limit: String(pageSize), offset: String((page - 1) * pageSize) });
  return api<IncidentPage>('GET', `/api/incidents?${query}`);
}

/** An administrator re-runs an incident's command as recorded. */
export function retryIncident(id: string): Promise<Incident> {
  return api<Incident>('POST', `/api/incidents/${encodeURIComponent(id)}/retry`);
}

/** Open tasks nobody in the directory can act on, the oldest first; a page by number. */
export function listUnstaffedTasks(page: number, pageSize: number): Promise<UnstaffedTaskPage> {
  const query = new URLSearchParams({ limit: String(pageSize), offset: String((page - 1) * pageSize) });
  return api<UnstaffedTaskPage>('GET', `/api/supervision/unstaffed-tasks?${query}`);
}

/** A department as the filters and the notice form offer it: its code, and its name in the tree (its code when the tree has none). */
export interface Department {
  code: string;
  name: string;
}

/** Departments known to the directory, by name, for the filters and the notice form. */
export async function departments(): Promise<Department[]> {
  const { departments: codes, unitNames } = await api<{ departments: string[]; unitNames: Record<string, string> }>('GET', '/api/directory');
  return codes.map((code) => ({ code, name: unitNames[code] ?? code }));
}
