import type { CaseRecord } from '../../records';
import type { CaseChange, CaseCommand, CommandContext } from '../command';
import { unitOfGroup } from '../../users/name-book';

export interface CopiedCase {
  caseId: string;
  copiedTo: CaseRecord['copiedTo'];
}

/** 抄送: copy a case to people or groups for their information; they may read it from then on. */
export class CopyCase implements CaseCommand<CopiedCase> {
  readonly name = 'CopyCase';

  constructor(
    readonly caseId: string,
    readonly users: string[],
    readonly groups: string[],
    readonly note: string | undefined,
  ) {}

  async apply(current: CaseRecord, context: CommandContext): Promise<CaseChange<CopiedCase>> {
    const copiedTo = {
      users: [...new Set([...current.copiedTo.users, ...this.users])],
      groups: [...new Set([...current.copiedTo.groups, ...this.groups])],
    };
    const to = [...this.users, ...this.groups].join(', ');
    return {
      next: { ...current, copiedTo },
      audit: { action: 'case.copied', comment: `→ ${to}${this.note ? `: ${this.note}` : ''}` },
      notifications: [
        ...(this.users.length > 0 ? [{ audience: { users: this.users }, kind: 'case.copied', message: `抄送 ${current.receiptNo} ${current.title}`, by: context.actor.username }] : []),
        ...this.groups.map((group) => ({ audience: { department: unitOfGroup(group) }, kind: 'case.copied', message: `抄送 ${current.receiptNo} ${current.title}`, by: context.actor.username, unit: unitOfGroup(group) })),
      ],
      result: { caseId: current._id, copiedTo },
    };
  }
}
