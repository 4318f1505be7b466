import type { UploadedMaterial } from './hall-types';

/**
 * An application being written, kept in this browser per applicant and service, so a page
 * closed or a phone locked loses nothing: the form's values, the files already uploaded (the
 * server keeps them; the draft keeps their ids) and the idempotency key, so submitting twice
 * — a retry after a lost answer — starts one case.
 */
export interface ApplicationDraft {
  title: string;
  data: Record<string, unknown>;
  files: UploadedMaterial[];
  idempotencyKey: string;
  savedAt: string;
}

const keyOf = (username: string, service: string) => `govflow.draft.${username}.${service}`;

export function loadDraft(username: string, service: string): ApplicationDraft | null {
  try {
    const saved = localStorage.getItem(keyOf(username, service));
    return saved ? (JSON.parse(saved) as ApplicationDraft) : null;
  } catch {
    return null; // a draft this page cannot read is no draft
  }
}

export function saveDraft(username: string, service: string, draft: Omit<ApplicationDraft, 'savedAt'>): ApplicationDraft {
  const saved = { ...draft, savedAt: new Date().toISOString() };
  localStorage.setItem(keyOf(username, service), JSON.stringify(saved));
  return saved;
}

export function discardDraft(username: string, service: string): void {
  localStorage.removeItem(keyOf(username, service));
}
