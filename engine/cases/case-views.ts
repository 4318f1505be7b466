import type { AuditRecord, CaseHead, Opinion, SupplementRequest } from '../records';
import { clockView } from '../clocks';
import { externalTasksOf } from '../external-tasks/case-external-tasks';
import { ratingViews } from '../ratings/rating-view';
import type { AcceptanceView, CaseView, DeferredMaterialsView, OpinionView, ProgressView, SupplementRequestView } from './case-view-types';
import { hasRole, type Actor } from '../users/actor';
import type { Mentions } from '../users/names';
import { caseStaffRoles } from '../users/roles';

export type * from './case-view-types';

/** Opinions a viewer may read: staff all of them, the applicant the public ones (a denial's reasons), unsigned. */
export function opinionsFor(opinions: Opinion[], isApplicant: boolean): OpinionView[] {
  return opinions
    .filter((opinion) => !isApplicant || opinion.public)
    .map(({ stepId, stepName, decision, text, at, by }) => ({ stepId, stepName, decision, text, at: new Date(at).toISOString(), ...(isApplicant ? {} : { by }) }));
}

/**
 * The people and groups case views name, for the names sent beside them. Built from the views,
 * never the records, so an applicant's answer names no one the applicant's view hides.
 */
export function caseMentions(views: readonly CaseView[]): Mentions {
  const signers = views.flatMap((view) => view.countersigns ?? []).flatMap((countersign) => [...countersign.signers, ...countersign.votes.flatMap((vote) => [vote.signer, vote.by])]);
  return {
    people: views
      .flatMap((view) => [view.applicant, ...view.currentSteps.map((step) => step.assignee), ...view.history.map((item) => item.actor), ...view.opinions.map((opinion) => opinion.by), ...view.supplementRequests.map((request) => request.askedBy)])
      .concat(signers),
    groups: views.flatMap((view) => view.currentSteps.flatMap((step) => step.candidateGroups)),
  };
}

/**
 * The answer to GET /cases/{id}. The applicant sees the steps, not the staff's names or internal
 * opinions; so does anyone whose role is not a staff role, however they came to read the case:
 * the view follows the reader's role, never the way in (a copy, 抄送, included).
 */
export function caseView(record: CaseHead, entries: AuditRecord[], viewer: Actor, now = new Date()): CaseView {
  const isOwnApplication = viewer.username === record.applicant && hasRole(viewer, 'applicant');
  const applicantView = isOwnApplication || !hasRole(viewer, ...caseStaffRoles);
  return {
    id: record._id,
    processKey: record.processKey,
    version: record.version,
    title: record.title,
    receiptNo: record.receiptNo,
    ...(isOwnApplication ? { queryCode: record.queryCode } : {}),
    status: record.status,
    applicant: record.applicant,
    createdAt: record.createdAt.toISOString(),
    updatedAt: record.updatedAt.toISOString(),
    endedAt: record.endedAt?.toISOString() ?? null,
    clock: record.clock ? clockView(record.clock, now) : null,
    currentSteps: record.openTasks.map((task) => ({
      taskId: task.id,
      stepId: task.stepId,
      name: task.name,
      assignee: applicantView ? null : task.assignee,
      candidateGroups: task.candidateGroups,
      since: new Date(task.createdAt).toISOString(),
      clock: task.clock ? clockView(task.clock, now) : null,
    })),
    externalSteps: externalTasksOf(record).map((task) => ({
      taskId: task.id,
      stepId: task.stepId,
      name: task.name,
      since: new Date(task.createdAt).toISOString(),
      ...(applicantView ? {} : { topic: task.topic, lockedBy: task.lock ? `${task.lock.client}/${task.lock.workerId}` : null, retries: task.retries, lastFailure: task.failure?.message ?? null }),
    })),
    parent: record.parent ? { caseId: record.parent.caseId, receiptNo: record.parent.receiptNo, stepId: record.parent.stepId } : null,
    children: (record.calls ?? []).map((call) => ({ caseId: call.childId, stepId: call.stepId, name: call.name, processKey: call.processKey, since: new Date(call.startedAt).toISOString() })),
    // an incident is the office's and the administrators' matter: the applicant sees the steps
    history: (applicantView ? entries.filter((entry) => !entry.action.startsWith('incident.')) : entries).map((entry) =>
      applicantView
        ? { at: entry.at, action: entry.action, stepName: entry.stepName, statusAfter: entry.statusAfter }
        : { at: entry.at, action: entry.action, stepName: entry.stepName, statusAfter: entry.statusAfter, actor: entry.actor, decision: entry.decision, comment: entry.comment },
    ),
    opinions: opinionsFor(record.opinions, applicantView),
    attachments: record.attachments,
    awaiting: record.awaiting.map((awaited) => awaited.message),
    outcome: (record.outcome ?? []).map((end) => end.name),
    acceptance: acceptanceView(record),
    supplementRequests: (record.supplementRequests ?? []).map((request) => supplementRequestView(request, applicantView)),
    deferredMaterials: deferredView(record),
    ratings: ratingViews(record),
    ...(applicantView
      ? {}
      : {
          countersigns: record.countersigns.map(({ stepId, spec, signers, votes }) => ({
            stepId,
            rule: spec.rule,
            signers,
            votes: votes.map((vote) => ({ ...vote, at: new Date(vote.at).toISOString() })),
          })),
        }),
  };
}

function deferredView({ deferredMaterials: deferred }: Pick<CaseHead, 'deferredMaterials'>): DeferredMaterialsView | null {
  if (!deferred) return null;
  return { materials: deferred.materials, acceptedAt: new Date(deferred.acceptedAt).toISOString(), dueDate: deferred.clock.dueDate, handedInAt: deferred.handedInAt ? new Date(deferred.handedInAt).toISOString() : null };
}

function acceptanceView({ acceptance }: Pick<CaseHead, 'acceptance'>): AcceptanceView | null {
  return acceptance ? { kind: acceptance.kind, at: new Date(acceptance.at).toISOString() } : null;
}

function supplementRequestView({ askedBy, askedAt, answeredAt, ...request }: SupplementRequest, applicantView: boolean): SupplementRequestView {
  return { ...request, askedAt: new Date(askedAt).toISOString(), answeredAt: answeredAt ? new Date(answeredAt).toISOString() : null, ...(applicantView ? {} : { askedBy }) };
}

/** The public progress answer: status, step names, due date and outcome only — no names, no title, no personal data. */
export function progressView(record: CaseHead, now = new Date()): ProgressView {
  return {
    receiptNo: record.receiptNo,
    status: record.status,
    currentSteps: [...record.openTasks, ...externalTasksOf(record), ...(record.calls ?? [])].map((step) => step.name),
    awaiting: record.awaiting.map((awaited) => awaited.message),
    opinions: opinionsFor(record.opinions, true),
    dueDate: record.clock ? clockView(record.clock, now).dueDate : null,
    outcome: (record.outcome ?? []).map((end) => end.name),
    acceptance: acceptanceView(record),
    createdAt: record.createdAt.toISOString(),
    updatedAt: record.updatedAt.toISOString(),
    endedAt: record.endedAt?.toISOString() ?? null,
  };
}
