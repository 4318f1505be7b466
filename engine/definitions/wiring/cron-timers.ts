import { TimerEventDefinition } from 'bpmn-elements';
import { isCron, nextCronRun } from '../timer-values';

interface TimerParse {
  expireAt?: Date;
  repeat?: number;
  delay?: number;
}

type TimerDefinitionConstructor = new (activity: unknown, eventDefinition: unknown) => { parse(kind: string, value: string): TimerParse };
const BaseTimer = TimerEventDefinition as unknown as TimerDefinitionConstructor;

/**
 * bpmn-elements reads ISO 8601 timer values only; Camunda and Flowable models write cycles as
 * cron patterns. This timer definition reads a cron cycle as "at its next run, and again after
 * that" and leaves every other value to bpmn-elements.
 */
export class CronTimerEventDefinition extends BaseTimer {
  override parse(kind: string, value: string): TimerParse {
    if (kind !== 'timeCycle' || !isCron(value)) return super.parse(kind, value);
    const now = new Date();
    const expireAt = nextCronRun(value, now) ?? now;
    return { expireAt, repeat: -1, delay: expireAt.getTime() - now.getTime() };
  }
}
