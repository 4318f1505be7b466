import { ForbiddenError, type NotFoundError } from '../../errors';
import type { CaseRecord } from '../../records';
import type { Actor } from '../../users/actor';
import type { CaseChange, CaseCommand, CommandContext, Unchanged } from '../command';

/** What a person may do with the case a command names: nothing (not even see it), read it only (a copy, 抄送), or act on it. */
export type CommandAccess = 'hidden' | 'read' | 'act';

/**
 * A command a person runs, checked first against what they may do with the loaded case. One
 * they may not see answers 404, exactly like a case that does not exist, before any other rule
 * could tell them it does; one they may only read (copied to them) answers 403, since a copy is
 * for information and grants no operation. The command's own rules (candidate, holder, role)
 * come after. Checked on the revision the executor loads (a live engine's included), so it costs
 * no read of its own. Made by the service surface for every case and task command.
 */
export class VisibleOnly<Result> implements CaseCommand<Result> {
  readonly name: string;
  readonly caseId: string;

  constructor(
    readonly command: CaseCommand<Result>,
    readonly access: (record: CaseRecord, actor: Actor) => CommandAccess,
    readonly hidden: () => NotFoundError,
  ) {
    this.name = command.name;
    this.caseId = command.caseId;
  }

  target(current: CaseRecord): string | null {
    return this.command.target?.(current) ?? null;
  }

  apply(current: CaseRecord, context: CommandContext): Promise<CaseChange<Result> | Unchanged<Result>> {
    const access = this.access(current, context.actor);
    if (access === 'hidden') throw this.hidden();
    if (access === 'read') throw new ForbiddenError('a case copied to you is for your information only: you may read it, not act on it');
    return this.command.apply(current, context);
  }
}
