import type { Clock } from '../../clocks';
import { ConflictError, ForbiddenError } from '../../errors';
import type { CaseRecord } from '../../records';
import { mayAct } from '../../tasks';
import { leads, type Actor } from '../../users/actor';

/** The case with `change` applied to its clock and to every open step's clock. */
export function changeClocks(record: CaseRecord, change: (clock: Clock) => Clock): Pick<CaseRecord, 'clock' | 'openTasks'> {
  return {
    clock: record.clock && change(record.clock),
    openTasks: record.openTasks.map((task) => (task.clock ? { ...task, clock: change(task.clock) } : task)),
  };
}

/** Some clock runs on the case; otherwise pausing or extending means nothing. */
export function assertHasClock(record: CaseRecord): void {
  if (!record.clock && !record.openTasks.some((task) => task.clock)) {
    throw new ConflictError(`no time limit runs on case ${record.receiptNo}`);
  }
}

/** Whoever handles a current step, or a leader of a department the case passed through, may pause and resume its clocks. */
export function assertMayHandle(record: CaseRecord, actor: Actor): void {
  if (record.openTasks.some((task) => mayAct(task, actor))) return;
  if (record.departments.some((department) => leads(actor, department))) return;
  throw new ForbiddenError(`only the handler of a current step or a leader of its department may change the clocks of case ${record.receiptNo}`);
}
