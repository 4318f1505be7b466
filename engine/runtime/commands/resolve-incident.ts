import { ForbiddenError, NotFoundError } from '../../errors';
import { withIncidentResolved } from '../../incidents';
import type { CaseRecord, IncidentResolution } from '../../records';
import { hasRole } from '../../users/actor';
import type { CaseChange, CaseCommand, CommandContext, Unchanged } from '../command';

export interface ResolvedIncident {
  incidentId: string;
  status: 'resolved';
}

/**
 * An administrator marks an incident of the case resolved without the engine running: closed
 * by hand (the case was put right another way, or its command can no longer run), or retried
 * when the retried command found nothing left to do (a timer since cancelled). Its own revision
 * and audit entry; an incident resolved already changes nothing.
 */
export class ResolveIncident implements CaseCommand<ResolvedIncident> {
  readonly name = 'ResolveIncident';

  constructor(
    readonly caseId: string,
    readonly incidentId: string,
    readonly resolution: Extract<IncidentResolution, 'retried' | 'closed'>,
    readonly note: string | undefined,
  ) {}

  async apply(current: CaseRecord, context: CommandContext): Promise<CaseChange<ResolvedIncident> | Unchanged<ResolvedIncident>> {
    if (!hasRole(context.actor, 'admin')) throw new ForbiddenError('only an administrator resolves incidents');
    const settled = withIncidentResolved(current, this.incidentId, context.actor.username, context.now, this.resolution);
    if (!settled) throw new NotFoundError('incident', this.incidentId);
    const result = { incidentId: this.incidentId, status: 'resolved' as const };
    if (settled.next === current) return { unchanged: result };
    const { elementId, elementName } = settled.incident;
    return { next: settled.next, audit: { action: 'incident.resolved', stepId: elementId, stepName: elementName, comment: this.note ?? this.resolution }, result };
  }
}
