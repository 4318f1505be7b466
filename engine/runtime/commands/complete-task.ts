import { askedSupplement, deferredAtAcceptance, deferredNotice, outstandingMaterials, withAttachments, type NewAttachment } from '../../cases';
import { supplementMessage, type CompiledDefinition } from '../../definitions';
import { ConflictError, InvalidInputError } from '../../errors';
import { compliancePoints } from '../../supervision';
import { collectiveDecision, countersignOutcome, formProblems, type Countersign } from '../../tasks';
import type { CaseRecord, OpenTask } from '../../records';
import { advanceCase } from '../advance-case';
import { caseClock } from '../case-clock';
import { deemedAcceptance, type DeemedAcceptance } from '../deemed-acceptance';
import type { CaseChange, CaseCommand, CommandContext } from '../command';
import { assertDecision, assertMayWork, assertRunning, openTask } from './case-guards';

export interface CompleteTaskInput {
  decision?: string;
  /** The opinion (审批意见) given with the decision. */
  comment?: string;
  /** Form fields; each becomes a process variable by name. */
  data?: Record<string, unknown>;
  /** Documents handed in with the step, by metadata. */
  attachments?: NewAttachment[];
}

export interface CompletedTask {
  caseId: string;
  taskId: string;
  caseStatus: CaseRecord['status'];
  /** For one signer of a countersign: whether the countersign is still open, passed or rejected. */
  countersign?: 'pending' | 'passed' | 'rejected';
  /** Tasks the case waits on now. */
  nextTasks: Array<{ id: string; stepId: string; name: string }>;
}

/**
 * A clerk completes a step: the form is checked, the decision and form data become variables
 * and the engine moves on. One signer of a countersign casts a vote; the engine moves on once
 * the countersign's pass rule is decided, with the collective decision as `decision`.
 */
export class CompleteTask implements CaseCommand<CompletedTask> {
  readonly name = 'CompleteTask';

  constructor(
    readonly caseId: string,
    readonly taskId: string,
    readonly input: CompleteTaskInput,
  ) {}

  target(current: CaseRecord): string | null {
    return current.openTasks.find((task) => task.id === this.taskId)?.stepId ?? null;
  }

  async apply(current: CaseRecord, context: CommandContext): Promise<CaseChange<CompletedTask>> {
    assertRunning(current);
    const task = openTask(current, this.taskId);
    assertMayWork(task, context.actor);
    assertDecision(task, this.input.decision);
    assertForm(task, this.input.data ?? {});
    const definition = await context.definitions.get(current.processKey, current.version);
    assertNothingDeferred(current, task, definition);
    const deemed = deemedAcceptance(current, task, definition, context);
    assertStillRefusable(current, task, definition, deemed, this.input.decision);
    const engine = await context.engines.recover(definition, current);
    const vote = this.#vote(current, task, context);
    const decision = vote ? vote.decision : this.input.decision;
    const output = { ...this.input.data, ...(decision === undefined ? {} : { decision }) };
    if (vote?.decision !== undefined) engine.decideCountersign(task.executionId, vote.countersign.executionId);
    await engine.signal(task.executionId, output);
    const before = { ...current, countersigns: vote ? current.countersigns.map((item) => (item === vote.original ? vote.countersign : item)) : current.countersigns };
    const next = await advanceCase(before, engine, definition, { ...current.variables, ...output }, context);
    const stepDone = !vote || vote.outcome !== 'pending';
    const record = this.#record(current, next, task, definition, stepDone, context, deemed);
    const asked = record.supplementRequests?.at(-1);
    const deferred = !current.deferredMaterials ? record.deferredMaterials : undefined;
    return {
      next: record,
      notifications: [
        ...(deemed?.notifications ?? []),
        ...(deferred ? [{ audience: { users: [current.applicant] }, kind: 'case.materials-deferred', message: deferredNotice(current.receiptNo, deferred) }] : []),
        ...(asked && asked !== current.supplementRequests?.at(-1) ? [{ audience: { users: [current.applicant] }, kind: 'case.supplement-requested', message: supplementNotice(current.receiptNo, asked.materials) }] : []),
      ],
      audit: { action: 'task.completed', stepId: task.stepId, stepName: task.name, taskId: task.id, decision: this.input.decision, comment: this.input.comment },
      completed: { taskId: task.id, by: context.actor.username, decision: this.input.decision ?? null },
      result: {
        caseId: current._id,
        taskId: task.id,
        caseStatus: next.status,
        ...(vote ? { countersign: vote.outcome } : {}),
        nextTasks: next.openTasks.map(({ id, stepId, name }) => ({ id, stepId, name })),
      },
    };
  }

  /** For a signer's task: the countersign with this vote added, its outcome, and the collective decision once decided. */
  #vote(current: CaseRecord, task: OpenTask, context: CommandContext) {
    const original = task.countersign && current.countersigns.find((item) => item.executionId === task.countersign?.executionId);
    if (!original || !task.countersign) return undefined;
    const vote = { signer: task.countersign.signer, by: context.actor.username, decision: this.input.decision ?? original.spec.approve, comment: this.input.comment ?? null, at: context.now };
    const countersign: Countersign = { ...original, votes: [...original.votes, vote] };
    const outcome = countersignOutcome(countersign);
    return { original, countersign, outcome, decision: outcome === 'pending' ? undefined : collectiveDecision(countersign.spec, outcome) };
  }

  /** The case after the step: opinion, attachments, compliance points, and what a withdrawal would need. */
  #record(current: CaseRecord, next: CaseRecord, task: OpenTask, definition: CompiledDefinition, stepDone: boolean, context: CommandContext, deemed: DeemedAcceptance | null): CaseRecord {
    const spec = definition.catalogue.userTasks[task.stepId];
    const by = context.actor.username;
    const { decision, comment } = this.input;
    const decisive = stepDone && (spec?.decisive ?? false);
    // an acceptance past its limit with no deadline job fired (a worker was down) is still the deemed one, from receipt
    const startsClock = !deemed && stepDone && !current.clock && definition.catalogue.clock.clockStart === task.stepId && goesAhead(task, decision);
    const asked = askedSupplement(current, next, { stepId: task.stepId, stepName: task.name, form: task.form, data: this.input.data ?? {}, comment, by, at: context.now }, definition.catalogue.service, supplementMessage);
    const completion = { task, decision, comment, by, at: context.now, variables: next.variables, decisive, supplementRequest: asked };
    const opened = next.openTasks.filter((open) => !current.openTasks.some((before) => before.id === open.id)).map((open) => open.id);
    return {
      ...next,
      ...(asked ? { supplementRequests: [...(current.supplementRequests ?? []), asked] } : {}),
      ...(startsClock ? deferredOf(current, definition, context) : {}),
      decided: current.decided || decisive,
      completedSteps: stepDone ? [...current.completedSteps, task.stepId] : current.completedSteps,
      clock: deemed?.clock ?? (startsClock ? caseClock(definition, context) : next.clock),
      ...(deemed ? { acceptance: deemed.acceptance } : startsClock ? { acceptance: { kind: 'accepted' as const, at: context.now, recordedAt: context.now } } : {}),
      alerts: [...next.alerts, ...(deemed ? [deemed.point] : []), ...compliancePoints(current, completion, definition.catalogue)],
      opinions: [
        ...current.opinions,
        { taskId: task.id, stepId: task.stepId, stepName: task.name, by, decision: decision ?? null, text: comment ?? null, public: decision !== undefined && (spec?.publicDecisions.includes(decision) ?? false), at: context.now },
      ],
      attachments: withAttachments(current.attachments, this.input.attachments, { stepId: task.stepId, taskId: task.id, by, at: context.now }),
      lastCompletion: task.countersign || next.status !== 'running' ? null : { taskId: task.id, stepId: task.stepId, name: task.name, by, at: context.now, nextTaskIds: opened },
    };
  }
}

/** 容缺受理: accepted without some non-essential materials, which are to follow within the guide's limit. */
function deferredOf(current: CaseRecord, definition: CompiledDefinition, context: CommandContext): Pick<CaseRecord, 'deferredMaterials'> {
  const deferred = deferredAtAcceptance(current, definition.catalogue.service, context.now, context.calendar);
  return deferred ? { deferredMaterials: deferred } : {};
}

/** The decision waits for the materials 容缺受理 accepted the application without. */
function assertNothingDeferred(current: CaseRecord, task: OpenTask, definition: CompiledDefinition): void {
  const outstanding = outstandingMaterials(current);
  if (!outstanding || !definition.catalogue.userTasks[task.stepId]?.decisive) return;
  throw new ConflictError(`case ${current.receiptNo} waits for the materials accepted without (容缺受理): ${outstanding.materials.map((material) => material.name).join(', ')}, due ${outstanding.clock.dueDate}; decide once they are handed in`);
}

/** The step's first offered decision is its go-ahead (accept, not refuse or 补正); a step offering none always goes ahead. */
function goesAhead(task: OpenTask, decision: string | undefined): boolean {
  return task.decisions.length === 0 || decision === task.decisions[0];
}

/** What the applicant reads of a 补正 asked: the case, and the materials by name when listed. */
function supplementNotice(receiptNo: string, materials: ReadonlyArray<{ name: string }>): string {
  return materials.length > 0 ? `请补正材料（${receiptNo}）：${materials.map((material) => material.name).join('、')}` : `请补正材料（${receiptNo}）`;
}

/** Once deemed accepted (许可法§32), the acceptance step may only go ahead: the application can no longer be refused or sent back for 补正. */
function assertStillRefusable(current: CaseRecord, task: OpenTask, definition: CompiledDefinition, deemed: DeemedAcceptance | null, decision: string | undefined): void {
  const isAcceptanceStep = task.stepId === definition.catalogue.clock.clockStart;
  const wasDeemed = deemed !== null || current.acceptance?.kind === 'deemed';
  if (isAcceptanceStep && wasDeemed && !goesAhead(task, decision)) {
    throw new ConflictError(`case ${current.receiptNo} counts as accepted (许可法§32: no acceptance decision within the limit); "${task.name}" can only go ahead with ${task.decisions[0]}`);
  }
}

function assertForm(task: OpenTask, data: Record<string, unknown>): void {
  const problems = formProblems(task.form, data);
  if (problems.length > 0) throw new InvalidInputError(`the form of task "${task.name}" has ${problems.length} problem${problems.length > 1 ? 's' : ''}`, problems, 422);
}

