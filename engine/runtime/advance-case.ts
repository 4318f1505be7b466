import type { CompiledDefinition } from '../definitions';
import { ProcessRunError } from '../errors';
import { resolveText } from '../expressions';
import type { CalledCase, CallActivitySpec, CaseRecord, ExternalTask, ExternalTaskSpec, OpenTask } from '../records';
import { callsOf, childCaseId } from '../calls/call-effects';
import { mapVariables, withoutInternal } from './variable-mappings';
import { externalTasksOf } from '../external-tasks/case-external-tasks';
import { departmentsOf, resolveSigners, signerActors, type Countersign } from '../tasks';
import { pauseClock, startClock, type Clock } from '../clocks';
import { applyAutomaticPauses } from './automatic-pauses';
import type { CaseEngine, WaitingActivity } from './case-engine';
import type { CommandContext } from './command';
import { engineTrail } from './engine-trail';

/** Task ids carry their case id before the first dot, so a task finds its case without a lookup. */
export function taskId(caseId: string, executionId: string): string {
  return `${caseId}.${executionId}`;
}

export function caseIdOfTask(id: string): string {
  const dot = id.indexOf('.');
  return dot > 0 ? id.slice(0, dot) : '';
}

/**
 * Reads what the engine did into the case: user tasks now waiting (new ones get their actors
 * resolved against the variables), status, departments, and the engine's new state.
 */
export async function advanceCase(
  current: CaseRecord,
  engine: CaseEngine,
  definition: CompiledDefinition,
  variables: Record<string, unknown>,
  context: Pick<CommandContext, 'now' | 'calendar'>,
): Promise<CaseRecord> {
  const { now } = context;
  const { catalogue } = definition;
  const waiting = engine.waiting();
  const openTasks = waiting
    .filter((activity) => catalogue.userTasks[activity.stepId])
    .map((activity) => current.openTasks.find((task) => task.executionId === activity.executionId) ?? newTask(current._id, activity, definition, variables, context, current.pauseKind !== null));
  const externalTasks = waiting
    .filter((activity) => catalogue.externalTasks[activity.stepId])
    .map((activity) => externalTasksOf(current).find((task) => task.executionId === activity.executionId) ?? newExternalTask(current._id, activity, catalogue.externalTasks[activity.stepId], now));
  const calls = waiting
    .filter((activity) => catalogue.callActivities[activity.stepId])
    .map((activity) => callsOf(current).find((call) => call.executionId === activity.executionId) ?? newCall(current._id, activity, catalogue.callActivities[activity.stepId], variables, now));
  const finished = engine.finished;
  if (!finished) assertSomethingAwaited(waiting, catalogue, engine);
  const departments = new Set([...current.departments, ...openTasks.flatMap(departmentsOf)]);
  const engineState = await engine.state();
  const next: CaseRecord = {
    ...current,
    variables,
    engineState,
    openTasks,
    externalTasks,
    calls,
    countersigns: runningCountersigns(current.countersigns, waiting, definition, variables),
    awaiting: waiting.filter((activity) => catalogue.messages[activity.stepId]).map(({ executionId, stepId }) => ({ executionId, stepId, message: catalogue.messages[stepId] })),
    messageSubscriptions: finished ? [] : Object.keys(catalogue.messageSubProcesses),
    timers: engine.timers(),
    departments: [...departments],
    status: finished ? 'completed' : 'running',
    endedAt: finished ? now : null,
    ...(finished ? { outcome: outcomeOf(engineState, catalogue) } : {}),
  };
  return finished ? next : applyAutomaticPauses(current, next, catalogue, context);
}

/** The end events a finished case reached, by name: what the applicant is told it came to. */
function outcomeOf(engineState: Uint8Array, catalogue: CompiledDefinition['catalogue']): Array<{ stepId: string; name: string }> {
  const reached = new Set(engineTrail(engineState));
  return (catalogue.endEvents ?? []).filter((stepId) => reached.has(stepId)).map((stepId) => ({ stepId, name: catalogue.names[stepId] ?? stepId }));
}

/**
 * A running case must wait for something govflow delivers: a user task, a message, a timer.
 * Anything else (an element deploy let through that nobody can signal) would leave it running
 * with no step for ever, so the command fails as an incident instead.
 */
function assertSomethingAwaited(waiting: WaitingActivity[], catalogue: CompiledDefinition['catalogue'], engine: CaseEngine): void {
  const timed = new Set(engine.timers().map((timer) => timer.stepId));
  const moved = (stepId: string) => catalogue.userTasks[stepId] ?? catalogue.externalTasks[stepId] ?? catalogue.callActivities[stepId] ?? catalogue.messages[stepId];
  const stuck = waiting.filter((activity) => !moved(activity.stepId) && !timed.has(activity.stepId));
  if (waiting.length > 0 && stuck.length < waiting.length) return;
  const element = stuck[0]?.stepId ?? null;
  throw new ProcessRunError(element, element ? `the case would wait at "${catalogue.names[element] ?? element}", which no user, worker, message or timer of govflow can move on` : 'the case would wait for nothing: no step, message or timer', undefined);
}

/** An external task the engine just started waiting at: fetchable by its topic's workers from now. */
function newExternalTask(caseId: string, { executionId, stepId }: WaitingActivity, spec: ExternalTaskSpec, now: Date): ExternalTask {
  return { id: taskId(caseId, executionId), executionId, stepId, name: spec.name, topic: spec.topic, createdAt: now, lock: null, retries: null, retryAt: null, failure: null };
}

/** A call activity the engine just reached: its child case, with the variables the model maps in (all, when it maps none). */
function newCall(caseId: string, { executionId, stepId }: WaitingActivity, spec: CallActivitySpec, variables: Record<string, unknown>, now: Date): CalledCase {
  const input = spec.inputs === null ? withoutInternal(variables) : mapVariables(spec.id, spec.name, spec.inputs, variables);
  return { executionId, stepId, name: spec.name, childId: childCaseId(caseId, executionId), processKey: spec.calledElement, version: spec.version, input, startedAt: now };
}

/** Countersigns with an instance waiting: those already known keep their votes, new ones list their signers. */
function runningCountersigns(known: Countersign[], waiting: WaitingActivity[], definition: CompiledDefinition, variables: Record<string, unknown>): Countersign[] {
  const running = new Map<string, Countersign>();
  for (const { stepId, instanceOf } of waiting) {
    const spec = definition.catalogue.userTasks[stepId]?.countersign;
    if (!spec || !instanceOf || running.has(instanceOf.executionId)) continue;
    const existing = known.find((countersign) => countersign.executionId === instanceOf.executionId);
    running.set(instanceOf.executionId, existing ?? { executionId: instanceOf.executionId, stepId, spec, signers: resolveSigners(spec.signers, variables), votes: [] });
  }
  return [...running.values()];
}

function newTask(
  caseId: string,
  { executionId, stepId, instanceOf, loopVariables }: WaitingActivity,
  definition: CompiledDefinition,
  variables: Record<string, unknown>,
  { now, calendar }: Pick<CommandContext, 'now' | 'calendar'>,
  paused: boolean,
): OpenTask {
  const spec = definition.catalogue.userTasks[stepId];
  const signer = spec.countersign && instanceOf?.signer;
  const seen = { ...variables, ...loopVariables };
  const assignee = spec.assignee ? String(resolveText(spec.assignee, seen) ?? '').trim() : '';
  const actors = signer ? { ...signerActors(signer), candidateUsers: [] } : { assignee: assignee || null, candidateUsers: resolveSigners(spec.candidateUsers, seen), candidateGroups: resolveSigners(spec.candidateGroups, seen) };
  if (!actors.assignee && actors.candidateUsers.length === 0 && actors.candidateGroups.length === 0) {
    // the model names its actors by expressions this case's data leaves empty: nobody could ever act
    const named = [spec.assignee ?? '', ...spec.candidateUsers, ...spec.candidateGroups].filter(Boolean).join(', ');
    throw new ProcessRunError(stepId, `who acts on "${spec.name}" comes to nobody in this case: ${named || 'the step names nobody'} gave no user or group`, undefined);
  }
  return {
    id: taskId(caseId, executionId),
    executionId,
    stepId,
    name: spec.name,
    ...actors,
    decisions: spec.decisions,
    form: spec.form,
    countersign: signer && instanceOf ? { executionId: instanceOf.executionId, signer } : null,
    createdAt: now,
    clock: spec.timeLimit ? startStepClock(spec.timeLimit, spec.warnBefore, paused, { now, calendar }) : null,
    delegatedBy: null,
    urgedAt: null,
    handledAt: null,
  };
}

/** A step opened while the case's clocks stand still starts paused too. */
function startStepClock(limit: string, warnBefore: number, paused: boolean, { now, calendar }: Pick<CommandContext, 'now' | 'calendar'>): Clock {
  const clock = startClock(limit, warnBefore, now, calendar);
  return paused ? pauseClock(clock, now, 'the case clock was paused when the step opened', calendar) : clock;
}
