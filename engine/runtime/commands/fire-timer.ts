import type { TimerJob } from '../../deadlines';
import type { CaseRecord } from '../../records';
import { advanceCase } from '../advance-case';
import type { CaseChange, CaseCommand, CommandContext, Unchanged } from '../command';

export interface FiredTimer {
  fired: boolean;
}

/**
 * A BPMN timer's durable job came due: the engine's timer event fires and the case moves on
 * (an escalation, a boundary that interrupts a step, a wait that ends). A stale job — the timer
 * was cancelled, moved or already fired — changes nothing, so a job that runs twice fires once.
 */
export class FireTimer implements CaseCommand<FiredTimer> {
  readonly name = 'FireTimer';
  readonly caseId: string;

  constructor(readonly job: TimerJob) {
    this.caseId = job.caseId;
  }

  target(): string {
    return this.job.stepId;
  }

  async apply(current: CaseRecord, context: CommandContext): Promise<CaseChange<FiredTimer> | Unchanged<FiredTimer>> {
    const armed = current.status === 'running' && current.timers.some((timer) => timer.executionId === this.job.executionId && new Date(timer.fireAt).getTime() === this.job.at);
    if (!armed) return { unchanged: { fired: false } };
    const definition = await context.definitions.get(current.processKey, current.version);
    const engine = await context.engines.recover(definition, current);
    // a recovered engine fires a timer already past due on its own while resuming
    const stillArmed = engine.timers().some((timer) => timer.executionId === this.job.executionId);
    if (stillArmed) await engine.fireTimer(this.job.executionId);
    const next = await advanceCase(current, engine, definition, current.variables, context);
    return {
      next,
      audit: { action: 'timer.fired', stepId: this.job.stepId, stepName: definition.catalogue.names[this.job.stepId] ?? this.job.stepId },
      result: { fired: true },
    };
  }
}
