import type { NotFoundError } from '../../errors';
import type { CaseRecord } from '../../records';
import type { Actor } from '../../users/actor';
import type { CaseChange, CaseCommand, CommandContext, Unchanged } from '../command';

/**
 * A command a person runs, checked first against what they may see of the loaded case: one
 * they may not see answers 404, exactly like a case that does not exist, before any other rule
 * could tell them it does. Checked on the revision the executor loads (a live engine's included),
 * so it costs no read of its own. Made by the service surface for every case and task command.
 */
export class VisibleOnly<Result> implements CaseCommand<Result> {
  readonly name: string;
  readonly caseId: string;

  constructor(
    readonly command: CaseCommand<Result>,
    readonly visible: (record: CaseRecord, actor: Actor) => boolean,
    readonly hidden: () => NotFoundError,
  ) {
    this.name = command.name;
    this.caseId = command.caseId;
  }

  target(current: CaseRecord): string | null {
    return this.command.target?.(current) ?? null;
  }

  apply(current: CaseRecord, context: CommandContext): Promise<CaseChange<Result> | Unchanged<Result>> {
    if (!this.visible(current, context.actor)) throw this.hidden();
    return this.command.apply(current, context);
  }
}
