import type { CompiledDefinition } from '../definitions';
import { resolveTemplate } from '../expressions';
import type { CaseRecord, OpenTask } from '../store/records';
import { departmentsOf } from '../tasks';
import { pauseClock, startClock, type Clock } from '../clocks';
import type { CaseEngine } from './case-engine';
import type { CommandContext } from './command';

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
  const openTasks = engine
    .waiting()
    .filter((activity) => definition.catalogue.userTasks[activity.stepId])
    .map(({ executionId, stepId }) => current.openTasks.find((task) => task.executionId === executionId) ?? newTask(current._id, executionId, stepId, definition, variables, context, current.pauseKind !== null));
  const finished = engine.finished;
  const departments = new Set([...current.departments, ...openTasks.flatMap(departmentsOf)]);
  return {
    ...current,
    variables,
    engineState: await engine.state(),
    openTasks,
    timers: engine.timers(),
    departments: [...departments],
    status: finished ? 'completed' : 'running',
    endedAt: finished ? now : null,
  };
}

function newTask(
  caseId: string,
  executionId: string,
  stepId: string,
  definition: CompiledDefinition,
  variables: Record<string, unknown>,
  { now, calendar }: Pick<CommandContext, 'now' | 'calendar'>,
  paused: boolean,
): OpenTask {
  const spec = definition.catalogue.userTasks[stepId];
  const resolveList = (items: string[]) => items.flatMap((item) => String(resolveTemplate(item, variables) ?? '').split(',')).map((item) => item.trim()).filter(Boolean);
  const assignee = spec.assignee ? String(resolveTemplate(spec.assignee, variables) ?? '').trim() : '';
  return {
    id: taskId(caseId, executionId),
    executionId,
    stepId,
    name: spec.name,
    assignee: assignee || null,
    candidateUsers: resolveList(spec.candidateUsers),
    candidateGroups: resolveList(spec.candidateGroups),
    decisions: spec.decisions,
    createdAt: now,
    clock: spec.timeLimit ? startStepClock(spec.timeLimit, spec.warnBefore, paused, { now, calendar }) : null,
    delegatedBy: null,
    urgedAt: null,
  };
}

/** A step opened while the case's clocks stand still starts paused too. */
function startStepClock(limit: string, warnBefore: number, paused: boolean, { now, calendar }: Pick<CommandContext, 'now' | 'calendar'>): Clock {
  const clock = startClock(limit, warnBefore, now, calendar);
  return paused ? pauseClock(clock, now, 'the case clock was paused when the step opened', calendar) : clock;
}
