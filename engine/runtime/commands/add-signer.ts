import { ConflictError, InvalidInputError } from '../../errors';
import type { CaseRecord, OpenTask } from '../../records';
import { signerActors, type Countersign } from '../../tasks';
import { advanceCase } from '../advance-case';
import type { CaseChange, CaseCommand, CommandContext } from '../command';
import { assertMayWork, assertRunning, openTask, withTask } from './case-guards';

export type SignerPosition = 'before' | 'after';

export interface AddedSigner {
  taskId: string;
  signers: string[];
  /** Who holds the task now: the added signer when added before. */
  assignee: string | null;
}

/**
 * 加签: a signer of a running countersign adds another — a user or a group. After: the added
 * signer signs once the current one has (in a parallel countersign, after the signers running
 * now). Before: the added signer signs this instance first and the current signer signs again
 * right after. Either way the added signer's vote counts under the pass rule.
 */
export class AddSigner implements CaseCommand<AddedSigner> {
  readonly name = 'AddSigner';

  constructor(
    readonly caseId: string,
    readonly taskId: string,
    readonly signer: string,
    readonly position: SignerPosition,
    readonly reason: string | undefined,
  ) {}

  async apply(current: CaseRecord, context: CommandContext): Promise<CaseChange<AddedSigner>> {
    assertRunning(current);
    const task = openTask(current, this.taskId);
    assertMayWork(task, context.actor);
    const countersign = task.countersign && current.countersigns.find((item) => item.executionId === task.countersign?.executionId);
    if (!task.countersign || !countersign) throw new ConflictError(`task "${task.name}" is not part of a countersign; transfer or delegate it instead`);
    if (countersign.signers.includes(this.signer)) throw new InvalidInputError(`${this.signer} already signs "${task.name}"`, [{ path: '/signer', message: 'is a signer of this countersign already' }], 422);
    const signers = insertSigner(countersign, instanceIndex(task.executionId, countersign.executionId), this.signer, this.position);
    const definition = await context.definitions.get(current.processKey, current.version);
    const engine = await context.engines.recover(definition, current);
    engine.changeSigners(task.executionId, countersign.executionId, signers);
    // the engine reads a loop's signers when it starts or recovers the step, so continue on a recovered one
    const reloaded = await context.engines.reload(definition, { ...current, engineState: await engine.state() });
    const held: OpenTask = this.position === 'before' ? { ...task, ...signerActors(this.signer), candidateUsers: [], countersign: { ...task.countersign, signer: this.signer } } : task;
    const changed = withTask({ ...current, countersigns: current.countersigns.map((item) => (item === countersign ? { ...item, signers } : item)) }, held);
    const next = await advanceCase(changed, reloaded, definition, current.variables, context);
    return {
      next,
      audit: { action: 'task.signer-added', stepId: task.stepId, stepName: task.name, taskId: task.id, comment: `${this.position} ${task.countersign.signer}: ${this.signer}${this.reason ? ` (${this.reason})` : ''}` },
      notifications: [{ audience: this.signer.includes('@') ? { users: [], department: this.signer.split('@')[1] } : { users: [this.signer] }, kind: 'task.signer-added', message: `请您加签：${current.receiptNo} ${task.name}`, by: context.actor.username }],
      result: { taskId: task.id, signers, assignee: held.assignee },
    };
  }
}

/**
 * The countersign's signers with `added` placed. Instance i signs signers[i]; running instances
 * keep the signer they started with, so a parallel countersign only gains instances at its end,
 * while a sequential one can take the added signer as its very next instance.
 */
function insertSigner(countersign: Countersign, instance: number, added: string, position: SignerPosition): string[] {
  const signers = [...countersign.signers];
  const next = countersign.spec.sequential ? instance + 1 : signers.length;
  if (position === 'after') {
    signers.splice(next, 0, added);
    return signers;
  }
  const current = signers[instance];
  signers[instance] = added;
  signers.splice(next, 0, current);
  return signers;
}

/** bpmn-engine names a loop's instances `<step execution>_<index>`. */
function instanceIndex(instanceExecutionId: string, stepExecutionId: string): number {
  return Number(instanceExecutionId.slice(stepExecutionId.length + 1));
}
