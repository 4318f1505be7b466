import { createHash, randomInt, randomUUID } from 'node:crypto';
import { genesisHead } from '../../audit';
import { ConflictError, ForbiddenError, InvalidInputError } from '../../errors';
import { materialProblems, withAttachments, type NewAttachment } from '../../cases';
import type { CompiledDefinition } from '../../definitions';
import type { CaseRecord, ParentLink, Role } from '../../records';
import { formProblems } from '../../tasks';
import { advanceCase } from '../advance-case';
import { derivedId } from '../derived-id';
import { caseClock } from '../case-clock';
import type { CaseChange, CommandContext, CreateCaseCommand } from '../command';

export interface StartCaseInput {
  processKey: string;
  title: string;
  data: Record<string, unknown>;
  /** The application's documents, by metadata. */
  attachments?: NewAttachment[];
  /** The applicant's Idempotency-Key: the same key gives the same case. */
  idempotencyKey?: string;
  /** The message that starts the case, for a process with a message start event (MessageService). */
  message?: string;
  /** The sender's key for the case (a message start's businessKey), by which later messages may find it. */
  businessKey?: string;
  /** For a child case: the parent's call activity it runs for, its given id, and the called version (else the newest). */
  call?: { parent: ParentLink; caseId: string; version: number | null };
}

export interface StartedCase {
  id: string;
  receiptNo: string;
  queryCode: string;
  status: CaseRecord['status'];
}

const queryCodeAlphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** An applicant submits an application: the newest version of the process starts and runs to its first wait. */
export class StartCase implements CreateCaseCommand<StartedCase> {
  readonly name = 'StartCase';
  readonly caseId: string;
  readonly mayExist: boolean;
  readonly #fingerprint: string;

  constructor(
    readonly input: StartCaseInput,
    readonly applicant: string,
    readonly nextReceiptNo: () => Promise<string>,
  ) {
    this.#fingerprint = sha256(JSON.stringify([input.processKey, input.title, input.data, input.attachments ?? []]));
    this.caseId = input.call?.caseId ?? (input.idempotencyKey ? derivedId(applicant, input.idempotencyKey) : randomUUID());
    this.mayExist = input.idempotencyKey !== undefined || input.call !== undefined;
  }

  get title(): string {
    return this.input.title;
  }

  async create(context: CommandContext): Promise<CaseChange<StartedCase>> {
    const version = this.input.call?.version;
    const definition = version ? await context.definitions.get(this.input.processKey, version) : await context.definitions.latest(this.input.processKey);
    assertStartedAsModelled(definition, this.input.message);
    const { initiators } = definition.catalogue;
    // a child case is started by its parent's call activity, whoever may start the process by hand
    if (!this.input.call && !initiators.some((initiator) => context.actor.roles.includes(initiator as Role) || context.actor.groups.includes(initiator))) {
      throw new ForbiddenError(`cases of "${definition.name}" are started by ${initiators.join(', ')}`);
    }
    if (!this.input.call && !this.input.message) assertApplication(definition, this.input, context.actor.roles.includes('applicant'));
    // a model from another tool may keep who applied in a variable of its own (camunda:initiator)
    const { initiatorVariable } = definition.catalogue;
    const variables = { ...this.input.data, ...(initiatorVariable ? { [initiatorVariable]: context.actor.username } : {}) };
    // the receipt number's insert goes out while the engine runs to its first wait
    const [engine, receiptNo] = await Promise.all([context.engines.start(definition, this.caseId, { ...variables }), this.nextReceiptNo()]);
    // a message or timer start event waits in the engine for what has already happened: the message came, the time is now
    const { startMessage, startTimer } = definition.catalogue;
    const waitingStart = engine.waiting().find((activity) => activity.stepId === (startMessage ?? startTimer)?.eventId);
    if (waitingStart && startMessage) await engine.signal(waitingStart.executionId, variables);
    if (waitingStart && startTimer) await engine.fireTimer(waitingStart.executionId);
    const fresh: CaseRecord = {
      _id: this.caseId,
      processKey: definition.key,
      version: definition.version,
      title: this.input.title,
      applicant: this.applicant,
      receiptNo,
      queryCode: queryCode(),
      requestFingerprint: this.input.idempotencyKey ? this.#fingerprint : null,
      ...(this.input.businessKey ? { businessKey: this.input.businessKey } : {}),
      ...(this.input.call ? { parent: this.input.call.parent } : {}),
      status: 'running',
      variables: {},
      engineState: Buffer.alloc(0),
      openTasks: [],
      departments: [],
      decided: false,
      completedSteps: [],
      opinions: [],
      attachments: withAttachments([], this.input.attachments, { stepId: null, taskId: null, by: this.applicant, at: context.now }),
      countersigns: [],
      lastCompletion: null,
      awaiting: [],
      copiedTo: { users: [], groups: [] },
      clock: definition.catalogue.clock.clockStart ? null : caseClock(definition, context),
      pauseKind: null,
      alerts: [],
      notices: [],
      timers: [],
      auditHead: genesisHead,
      outbox: [],
      rev: 0,
      createdAt: context.now,
      updatedAt: context.now,
      endedAt: null,
    };
    const next = await advanceCase(fresh, engine, definition, variables, context);
    return { next, audit: { action: 'case.started', stepName: definition.name, ...startedHow(this.input) }, result: started(next) };
  }

  replay(existing: CaseRecord): StartedCase {
    if (existing.requestFingerprint !== this.#fingerprint) {
      throw new ConflictError('this Idempotency-Key was used for a different application');
    }
    return started(existing);
  }
}

/** What the audit says of how a case started other than by an application: the message, or the parent that called it. */
function startedHow(input: StartCaseInput): { comment?: string } {
  if (input.message) return { comment: `message ${input.message}` };
  if (input.call) return { comment: `called by ${input.call.parent.receiptNo}` };
  return {};
}

/** A process that starts on a message is started by that message only, and one an application starts by no message. */
function assertStartedAsModelled(definition: CompiledDefinition, message: string | undefined): void {
  const { startMessage } = definition.catalogue;
  if (startMessage && message !== startMessage.message) throw new ConflictError(`cases of "${definition.name}" start when the message "${startMessage.message}" arrives (POST /api/messages), not by an application`);
  if (!startMessage && message !== undefined) throw new ConflictError(`"${definition.name}" does not start on the message "${message}"`);
}

function started(record: CaseRecord): StartedCase {
  return { id: record._id, receiptNo: record.receiptNo, queryCode: record.queryCode, status: record.status };
}

function queryCode(): string {
  return Array.from({ length: 8 }, () => queryCodeAlphabet[randomInt(queryCodeAlphabet.length)]).join('');
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * An application as its process asks for it: the start form's fields, and the service guide's
 * materials — each one it lists, within its limits; from an applicant, every required one.
 */
function assertApplication(definition: CompiledDefinition, input: StartCaseInput, fromApplicant: boolean): void {
  const { startForm = [], service } = definition.catalogue;
  const problems = [...formProblems(startForm, input.data), ...materialProblems(service, input.attachments ?? [], { complete: fromApplicant })];
  if (problems.length > 0) throw new InvalidInputError(`the application to "${definition.name}" has ${problems.length} problem${problems.length > 1 ? 's' : ''}; nothing was submitted`, problems, 422);
}
