import type { CompiledDefinition } from '../definitions';
import type { Acceptance, CaseAlert, CaseRecord, OpenTask } from '../records';
import { deemedAcceptancePoint } from '../supervision';
import { departmentsOf } from '../tasks';
import { caseClock } from './case-clock';
import type { CommandContext, OutgoingNotification } from './command';

/** What a deemed acceptance changes on the case, and whom it tells. */
export interface DeemedAcceptance {
  acceptance: Acceptance;
  clock: CaseRecord['clock'];
  point: CaseAlert;
  notifications: OutgoingNotification[];
}

/**
 * 许可法§32: an application the acceptance step (the process's clock start) leaves neither
 * accepted, refused nor sent back for 补正 within that step's limit counts as accepted from the
 * day it was received — the task's arrival. The case clock then runs from that day, the case
 * records how it came to be accepted, and it is a compliance point of the window. Null when the
 * process does not say so, the step is another, or it is not yet past its limit.
 */
export function deemedAcceptance(record: CaseRecord, task: OpenTask, definition: CompiledDefinition, context: Pick<CommandContext, 'now' | 'calendar'>): DeemedAcceptance | null {
  const { clockStart, deemedAcceptance: applies } = definition.catalogue.clock;
  const due = task.clock?.due;
  if (!applies || task.stepId !== clockStart || record.clock || record.acceptance || !due || context.now < new Date(due)) return null;
  const receivedAt = new Date(task.createdAt);
  const department = departmentsOf(task)[0];
  const message = `办件 ${record.receiptNo} 逾期未作出受理决定，依法自收到申请之日起视为受理`;
  return {
    acceptance: { kind: 'deemed', at: receivedAt, recordedAt: context.now },
    clock: caseClock(definition, { now: receivedAt, calendar: context.calendar }),
    point: deemedAcceptancePoint(record, task, context.now),
    notifications: [
      { audience: { users: [record.applicant] }, kind: 'case.deemed-accepted', message },
      ...(department ? [{ audience: { department }, kind: 'case.deemed-accepted', message }] : []),
    ],
  };
}
