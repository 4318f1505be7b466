import { api } from '../../shared/api-client';
import type { CaseView, RatingStage, RatingView } from '../case/case-types';
import type { NotificationItem, ServiceView, StoredFile } from './hall-types';

const encoded = encodeURIComponent;

export function listServices(search: string): Promise<{ items: ServiceView[]; total: number }> {
  return api('GET', `/api/services?${new URLSearchParams({ limit: '100', ...(search ? { q: search } : {}) })}`);
}

export function getService(key: string): Promise<ServiceView> {
  return api('GET', `/api/services/${encoded(key)}`);
}

/** Uploads one file as a material of a service; the server applies that material's size and type limits. */
export function uploadMaterial(service: string, material: string, file: File): Promise<StoredFile> {
  const body = new FormData();
  body.append('file', file, file.name);
  return api('POST', `/api/files?${new URLSearchParams({ service, material })}`, body);
}

/** The attachments of an application or a supplement: the uploaded files by id, each with its material. */
export type MaterialAttachment = { file: string; material: string };

export function submitApplication(body: { processKey: string; title: string; data: Record<string, unknown>; attachments: MaterialAttachment[] }, idempotencyKey: string): Promise<CaseView> {
  return api('POST', '/api/cases', body, { 'idempotency-key': idempotencyKey });
}

export function myCases(): Promise<{ items: CaseView[]; total: number }> {
  return api('GET', '/api/cases?scope=mine&limit=100');
}

export function getMyCase(id: string): Promise<CaseView> {
  return api('GET', `/api/cases/${encoded(id)}`);
}

export function handInSupplement(id: string, body: { note?: string; attachments: MaterialAttachment[] }): Promise<unknown> {
  return api('POST', `/api/cases/${encoded(id)}/supplement`, body);
}

export function handInDeferred(id: string, body: { note?: string; attachments: MaterialAttachment[] }): Promise<unknown> {
  return api('POST', `/api/cases/${encoded(id)}/deferred-materials`, body);
}

export function withdrawCase(id: string, reason: string | undefined): Promise<unknown> {
  return api('POST', `/api/cases/${encoded(id)}/withdraw`, reason ? { reason } : {});
}

export function rateCase(id: string, body: { stage: RatingStage; score: number; comment?: string }): Promise<RatingView> {
  return api('POST', `/api/cases/${encoded(id)}/rating`, body);
}

export function myNotifications(): Promise<{ items: NotificationItem[]; total: number }> {
  return api('GET', '/api/notifications?limit=100');
}
