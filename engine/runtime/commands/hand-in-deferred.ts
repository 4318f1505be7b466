import { assertAnswers, outstandingMaterials, withAttachments, type NewAttachment } from '../../cases';
import { ConflictError, ForbiddenError } from '../../errors';
import type { CaseRecord } from '../../records';
import type { CaseChange, CaseCommand, CommandContext } from '../command';
import { assertRunning } from './case-guards';

export interface HandedIn {
  id: string;
  handedInAt: Date;
}

/** The applicant hands in the materials 容缺受理 accepted the application without: exactly those, before the limit; the decision may then be taken. */
export class HandInDeferredMaterials implements CaseCommand<HandedIn> {
  readonly name = 'HandInDeferredMaterials';

  constructor(
    readonly caseId: string,
    readonly attachments: NewAttachment[],
    readonly note: string | undefined,
  ) {}

  async apply(current: CaseRecord, context: CommandContext): Promise<CaseChange<HandedIn>> {
    if (current.applicant !== context.actor.username) throw new ForbiddenError('only the applicant hands in the materials of their application');
    assertRunning(current);
    const outstanding = outstandingMaterials(current);
    if (!outstanding) throw new ConflictError(`case ${current.receiptNo} waits for no materials accepted without (容缺受理)`);
    const { service } = (await context.definitions.get(current.processKey, current.version)).catalogue;
    assertAnswers(outstanding, this.attachments, service, { asker: '容缺受理', message: (count) => `the materials for ${current.receiptNo} have ${count} problem${count > 1 ? 's' : ''}; nothing was handed in` });
    const by = context.actor.username;
    return {
      next: { ...current, attachments: withAttachments(current.attachments, this.attachments, { stepId: null, taskId: null, by, at: context.now }), deferredMaterials: { ...outstanding, handedInAt: context.now } },
      audit: { action: 'case.materials-handed-in', stepName: '容缺受理', comment: this.note },
      notifications: current.departments[0] ? [{ audience: { department: current.departments[0] }, kind: 'case.materials-handed-in', message: `申请人已补齐容缺材料：${current.receiptNo}` }] : [],
      result: { id: current._id, handedInAt: context.now },
    };
  }
}
