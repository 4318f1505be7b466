import { api, ApiError } from '../../shared/api-client';
import type { DefinitionDetail, DefinitionSummary, DeployOutcome, Directory, DraftView } from '../../../../engine/api-types';

/** The designer endpoints the modeler page calls (api/routes/definitions.ts). */
export type { DefinitionDetail, DefinitionSummary, DeployOutcome, Directory };
export type Draft = DraftView;

const path = (key: string) => `/api/definitions/${encodeURIComponent(key)}`;

export async function listDefinitions(): Promise<DefinitionSummary[]> {
  return (await api<{ items: DefinitionSummary[] }>('GET', '/api/definitions')).items;
}

/** A process's versions and latest XML; null when nothing is deployed under `key`. */
export function getDefinition(key: string): Promise<DefinitionDetail | null> {
  return orNull(api<DefinitionDetail>('GET', path(key)));
}

export async function getVersionXml(key: string, version: number): Promise<string> {
  return (await api<{ xml: string }>('GET', `${path(key)}/versions/${version}`)).xml;
}

/** The saved draft of `key`, or null when none is saved. */
export function getDraft(key: string): Promise<Draft | null> {
  return orNull(api<Draft>('GET', `${path(key)}/draft`));
}

/** Every saved draft without its XML, to show drafts of processes never deployed too. */
export async function listDrafts(): Promise<Array<Omit<Draft, 'xml'>>> {
  return (await api<{ items: Array<Omit<Draft, 'xml'>> }>('GET', '/api/drafts')).items;
}

export function saveDraft(key: string, xml: string): Promise<{ key: string; savedAt: string }> {
  return api('PUT', `${path(key)}/draft`, xml);
}

/** Deploys `xml`; a refusal is an ApiError (422) whose errors name the elements. */
export function deploy(xml: string): Promise<DeployOutcome> {
  return api('POST', '/api/definitions', xml);
}

let directory: Promise<Directory> | undefined;

/** Departments, groups and roles for the pickers, fetched once per page. */
export function getDirectory(): Promise<Directory> {
  directory ??= api<Directory>('GET', '/api/directory');
  return directory;
}

async function orNull<T>(request: Promise<T>): Promise<T | null> {
  try {
    return await request;
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}
