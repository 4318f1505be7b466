import { answered, assertAnswers, openSupplementRequest, withAttachments, type NewAttachment } from '../../cases';
import { supplementMessage } from '../../definitions';
import { ConflictError, ForbiddenError } from '../../errors';
import type { CaseRecord } from '../../records';
import { hasRole, mayServeTopic, type Actor } from '../../users/actor';
import { advanceCase } from '../advance-case';
import { resumeClock } from '../../clocks';
import type { CaseChange, CaseCommand, CommandContext } from '../command';
import { changeClocks } from './case-clocks';
import { assertRunning } from './case-guards';

export interface DeliveredMessage {
  caseId: string;
  message: string;
  status: CaseRecord['status'];
  /** Tasks the case waits on now. */
  nextTasks: Array<{ id: string; stepId: string; name: string }>;
}

/**
 * A BPMN message reaches the case (a message catch event, boundary event or receive task waiting
 * for it, by the message's name, or the event sub-process it starts); its variables join the
 * process. Staff of the departments handling the case, an administrator, or a machine client
 * whose topics name the message deliver it; the applicant's supplement arrives through SupplementCase.
 */
export class DeliverMessage implements CaseCommand<DeliveredMessage> {
  readonly name = 'DeliverMessage';

  constructor(
    readonly caseId: string,
    readonly message: string,
    readonly variables: Record<string, unknown>,
  ) {}

  target(current: CaseRecord): string | null {
    return awaitedStep(current, this.message);
  }

  async apply(current: CaseRecord, context: CommandContext): Promise<CaseChange<DeliveredMessage>> {
    assertRunning(current);
    // a machine client sends the messages its topics name; staff those of cases their department handles
    if (!hasRole(context.actor, 'admin') && !mayServeTopic(context.actor, this.message)) assertDepartmentStaff(current, context.actor);
    const { record, stepId, stepName } = await receive(current, this.message, this.variables, context);
    return { next: record, audit: { action: 'message.received', stepId, stepName, comment: this.message }, result: delivered(record, this.message) };
  }
}

/**
 * The applicant hands in supplementary materials (补正). A case waiting for the `supplement`
 * message receives it and goes on (its clocks resume with the wait); a case whose clocks were
 * paused by hand for a supplement has them resumed.
 */
export class SupplementCase implements CaseCommand<DeliveredMessage> {
  readonly name = 'SupplementCase';

  constructor(
    readonly caseId: string,
    readonly note: string | undefined,
    readonly attachments: NewAttachment[] | undefined,
  ) {}

  target(current: CaseRecord): string | null {
    return awaitedStep(current, supplementMessage);
  }

  async apply(current: CaseRecord, context: CommandContext): Promise<CaseChange<DeliveredMessage>> {
    assertRunning(current);
    if (current.applicant !== context.actor.username) throw new ForbiddenError('only the applicant supplements an application');
    const attachments = withAttachments(current.attachments, this.attachments, { stepId: null, taskId: null, by: context.actor.username, at: context.now });
    const awaited = current.awaiting.some((item) => item.message === supplementMessage);
    if (!awaited && current.pauseKind !== 'supplement') throw new ConflictError(`case ${current.receiptNo} is not waiting for supplementary materials`);
    await this.#assertAnswers(current, context);
    const next = awaited
      ? (await receive(current, supplementMessage, { supplementNote: this.note ?? null }, context)).record
      : { ...current, ...changeClocks(current, (clock) => resumeClock(clock, context.now, context.calendar)), pauseKind: null };
    return {
      next: { ...next, attachments, ...(current.supplementRequests ? { supplementRequests: answered(current.supplementRequests, context.now) } : {}) },
      audit: { action: 'case.supplemented', comment: this.note },
      notifications: [{ audience: { department: next.departments[0] }, kind: 'case.supplemented', message: `申请人已补正材料：${current.receiptNo}` }].filter((item) => item.audience.department !== undefined),
      result: delivered(next, supplementMessage),
    };
  }

  /** The supplement hands in exactly what the open 补正 lists, each file within its material's limits. */
  async #assertAnswers(current: CaseRecord, context: CommandContext): Promise<void> {
    const given = this.attachments ?? [];
    const { service } = (await context.definitions.get(current.processKey, current.version)).catalogue;
    assertAnswers(openSupplementRequest(current), given, service, { message: (count) => `the supplement to ${current.receiptNo} has ${count} problem${count > 1 ? 's' : ''}; nothing was handed in` });
  }
}

/** The event or receive task of the case waiting for `message`, if any. */
function awaitedStep(current: CaseRecord, message: string): string | null {
  return current.awaiting.find((item) => item.message === message)?.stepId ?? null;
}

/** Clerks and leaders of a department the case passed through act for it while it waits on no task of theirs. */
function assertDepartmentStaff(record: CaseRecord, actor: Actor): void {
  const staff = hasRole(actor, 'clerk') || hasRole(actor, 'leader');
  if (!staff || actor.department === null || !record.departments.includes(actor.department)) {
    throw new ForbiddenError(`only staff of a department handling case ${record.receiptNo} may deliver messages to it`);
  }
}

/** The message reaches the event or receive task waiting for it, else starts the event sub-process it starts. */
async function receive(current: CaseRecord, message: string, variables: Record<string, unknown>, context: CommandContext): Promise<{ record: CaseRecord; stepId: string; stepName: string }> {
  const awaited = current.awaiting.find((item) => item.message === message);
  const definition = await context.definitions.get(current.processKey, current.version);
  const subProcess = definition.catalogue.messageSubProcesses[message];
  if (!awaited && !subProcess) throw new ConflictError(`case ${current.receiptNo} is not waiting for the message "${message}"`);
  const engine = await context.engines.recover(definition, current);
  if (awaited) await engine.signal(awaited.executionId, variables);
  else await engine.startEventSubProcess(subProcess, variables);
  const record = await advanceCase(current, engine, definition, { ...current.variables, ...variables }, context);
  const stepId = awaited?.stepId ?? subProcess.startEventId;
  return { record, stepId, stepName: definition.catalogue.names[stepId] ?? stepId };
}

function delivered(record: CaseRecord, message: string): DeliveredMessage {
  return { caseId: record._id, message, status: record.status, nextTasks: record.openTasks.map(({ id, stepId, name }) => ({ id, stepId, name })) };
}
