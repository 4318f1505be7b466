import type { CaseRecord } from '../../records';
import type { CaseChange, CaseCommand, CommandContext } from '../command';

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
        ...(this.users.length > 0 ? [{ audience: { users: this.users }, kind: 'case.copied', message: `${context.actor.username} 抄送 ${current.receiptNo} ${current.title}` }] : []),
        ...this.groups.map((group) => ({ audience: { department: group.split('@')[1] }, kind: 'case.copied', message: `${context.actor.username} 抄送 ${current.receiptNo} ${current.title} (${group})` })),
      ],
      result: { caseId: current._id, copiedTo },
    };
  }
}
