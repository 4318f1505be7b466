import { TimerEventDefinition } from 'bpmn-elements';
import { isCron, nextCronRun } from '../timer-values';

interface TimerParse {
  expireAt?: Date;
  repeat?: number;
  delay?: number;
}

interface TimerDefinition {
  environment: { resolveExpression(expression: string, message: unknown): unknown };
  parse(kind: string, value: string): TimerParse;
  _getTimers(message: { content: Record<string, unknown> }): unknown;
  [kind: string]: unknown;
}

type TimerDefinitionConstructor = new (activity: unknown, eventDefinition: unknown) => TimerDefinition;
const BaseTimer = TimerEventDefinition as unknown as TimerDefinitionConstructor;

const kinds = ['timeDuration', 'timeDate', 'timeCycle'];

/**
 * bpmn-elements reads ISO 8601 timer values only; Camunda and Flowable models write cycles as
 * cron patterns. This timer definition reads a cron cycle as "at its next run, and again after
 * that" and leaves every other value to bpmn-elements. A value that comes to nothing (a
 * `${remindAfter}` the case never set) would fire at once; it fails instead, as an incident.
 */
export class CronTimerEventDefinition extends BaseTimer {
  override _getTimers(message: { content: Record<string, unknown> }): unknown {
    for (const kind of kinds) {
      const expression = this[kind];
      if (typeof expression !== 'string' || kind in message.content) continue;
      const value = this.environment.resolveExpression(expression, message);
      if (value === null || value === undefined || (typeof value === 'string' && value.trim() === '')) throw new Error(`the timer's ${kind} "${expression}" gives no value in this case`);
    }
    return super._getTimers(message);
  }

  override parse(kind: string, value: string): TimerParse {
    if (kind !== 'timeCycle' || !isCron(value)) return super.parse(kind, value);
    const now = new Date();
    const expireAt = nextCronRun(value, now) ?? now;
    return { expireAt, repeat: -1, delay: expireAt.getTime() - now.getTime() };
  }
}
