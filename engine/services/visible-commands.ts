import { caseAccess, type CaseAccess } from '../cases';
import { NotFoundError } from '../errors';
import type { CaseHead } from '../records';
import { TaskNotOpenError, VisibleOnly, type CaseCommand, type CommandAccess } from '../runtime';
import type { Executor } from '../runtime/executor';
import type { Models } from '../store/models';
import { mayAct } from '../tasks';
import type { Actor } from '../users/actor';

/** A command may act on a case the actor reads for a reason of their own; a copy (抄送) is for reading only. */
function commandAccess(access: CaseAccess | null): CommandAccess {
  if (access === null) return 'hidden';
  return access === 'copy' ? 'read' : 'act';
}

/** A command on a case the actor may act on; 404 for one they may not see, 403 for one copied to them. */
export function runOnCase<Result>(executor: Executor, command: CaseCommand<Result>, actor: Actor): Promise<Result> {
  return executor.run(new VisibleOnly(command, (record, who) => commandAccess(caseAccess(who, record)), () => new NotFoundError('case', command.caseId)), actor);
}

/**
 * A command on a task: 404 for a task nobody may see and for one that never existed (also when
 * its case does not); 409 for one that closed; 403 for one whose case they read only through a
 * copy. The actor may see a task of a case they may read, or an open task they may act on.
 */
export async function runOnTask<Result>(executor: Executor, models: Models, taskId: string, command: CaseCommand<Result>, actor: Actor): Promise<Result> {
  const hidden = () => new NotFoundError('task', taskId);
  if (!command.caseId) throw hidden();
  const access = (record: CaseHead, who: Actor): CommandAccess => (record.openTasks.some((task) => task.id === taskId && mayAct(task, who)) ? 'act' : commandAccess(caseAccess(who, record)));
  try {
    return await executor.run(new VisibleOnly(command, access, hidden), actor);
  } catch (error) {
    if (error instanceof NotFoundError) throw hidden();
    if (error instanceof TaskNotOpenError && !(await models.tasks.exists({ _id: taskId }))) throw hidden();
    throw error;
  }
}
