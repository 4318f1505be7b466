import { ConflictError, ForbiddenError, NotFoundError } from '../errors';
import { closeStartIncident, incidentView, type IncidentView } from '../incidents';
import type { IncidentRecord, IncidentStatus } from '../records';
import { pagedFind, type Page } from '../store/paged-find';
import type { Collections } from '../store/collections';
import type { Models } from '../store/models';
import { hasRole, systemActor, type Actor } from '../users/actor';
import type { UserDirectory } from '../users/user-directory';
import { rebuildCommand, retryableCommands, ResolveIncident } from './commands';
import type { Executor } from './executor';
import { oversees } from '../cases/case-access';
import { jurisdictionOfActor } from '../org/org-directory';
import { jurisdictionFilter } from '../org/org-tree';

/**
 * Incidents for administrators and the supervision office (Camunda's incident list): the board's
 * list, and an administrator's retry — the failed command rebuilt as recorded and run again,
 * through the executor, as the person who ran it — or closing one by hand. Used by the API.
 */
export class IncidentDesk {
  readonly #executor: Executor;
  readonly #models: Models;
  readonly #collections: Collections;
  readonly #users: UserDirectory;
  readonly #now: () => Date;

  constructor(executor: Executor, store: { models: Models; collections: Collections }, users: UserDirectory, now: () => Date) {
    this.#executor = executor;
    this.#models = store.models;
    this.#collections = store.collections;
    this.#users = users;
    this.#now = now;
  }

  /** Open or resolved incidents, the latest failure first, a page at a time; read by the status index. */
  async list(status: IncidentStatus, page: Page, by: Actor): Promise<{ items: IncidentView[]; total: number }> {
    const { items, total } = await pagedFind<IncidentRecord>(this.#models.incidents, { status, ...jurisdictionFilter(jurisdictionOfActor(by), 'departments') }, { at: -1 }, page);
    return { items: items.map(incidentView), total };
  }

  /** One incident, when it is of a case of the actor's jurisdiction (a failed start only at the city level). */
  async get(id: string, by: Actor): Promise<IncidentView> {
    const record = await this.#models.incidents.findById(id).lean<IncidentRecord>();
    if (!record || !oversees(by, { departments: record.departments ?? [] })) throw new NotFoundError('incident', id);
    return incidentView(record);
  }

  /**
   * Re-runs an open incident's command as recorded. Going through resolves the incident as
   * retried by `actor`; failing again counts an attempt and answers IncidentError once more.
   */
  async retry(id: string, actor: Actor): Promise<IncidentView> {
    assertAdmin(actor);
    const record = await this.#open(id);
    const command = record.caseId === null ? null : rebuildCommand(record.command, record.input);
    if (!command || record.caseId === null) throw new ConflictError(notRetryable(record));
    await this.#executor.run(command, await this.#actorNamed(record.actor), { retry: { incidentId: id, by: actor.username } });
    // a command that found nothing left to do (a timer since cancelled) wrote no revision to resolve it in
    await this.#executor.run(new ResolveIncident(record.caseId, id, 'retried', 'the command had nothing left to do'), actor);
    return this.get(id, actor);
  }

  /** Closes an open incident without running anything: the case was put right another way, or its command cannot run again. */
  async close(id: string, note: string | undefined, actor: Actor): Promise<IncidentView> {
    assertAdmin(actor);
    const record = await this.#open(id);
    if (record.caseId === null) await closeStartIncident(this.#collections, record, actor.username, this.#now(), note);
    else await this.#executor.run(new ResolveIncident(record.caseId, id, 'closed', note), actor);
    return this.get(id, actor);
  }

  async #open(id: string): Promise<IncidentRecord> {
    const record = await this.#models.incidents.findById(id).lean<IncidentRecord>();
    if (!record) throw new NotFoundError('incident', id);
    if (record.status !== 'open') throw new ConflictError(`incident ${id} is resolved already (${record.resolution} by ${record.resolvedBy})`);
    return record;
  }

  /** Whom the retry runs as: the person who ran the command, as they are now, or govflow itself for a timer. */
  async #actorNamed(username: string): Promise<Actor> {
    if (username === systemActor.username) return systemActor;
    const actor = await this.#users.actor(username);
    if (!actor) throw new ConflictError(`${username}, who ran the failed command, is no longer a user; close the incident instead`);
    return actor;
  }
}

function assertAdmin(actor: Actor): void {
  if (!hasRole(actor, 'admin')) throw new ForbiddenError('only an administrator retries or closes incidents');
}

function notRetryable(record: IncidentRecord): string {
  if (record.caseId === null) {
    return `incident ${record._id} is a case start that failed: no case exists to re-run it on; the applicant submits the application again once the process is put right, and an administrator closes the incident`;
  }
  return `a ${record.command} cannot be re-run from an incident (a retry re-runs ${retryableCommands.join(', ')}); its person does it again once the case is put right, and an administrator closes the incident`;
}
