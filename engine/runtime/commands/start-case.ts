import { createHash, randomInt, randomUUID } from 'node:crypto';
import { genesisHead } from '../../audit';
import { ConflictError, ForbiddenError } from '../../errors';
import { withAttachments, type NewAttachment } from '../../cases';
import type { CompiledDefinition } from '../../definitions';
import type { CaseRecord, Role } from '../../records';
import { advanceCase } from '../advance-case';
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
    this.caseId = input.idempotencyKey ? deterministicId(applicant, input.idempotencyKey) : randomUUID();
    this.mayExist = input.idempotencyKey !== undefined;
  }

  get title(): string {
    return this.input.title;
  }

  async create(context: CommandContext): Promise<CaseChange<StartedCase>> {
    const definition = await context.definitions.latest(this.input.processKey);
    assertStartedAsModelled(definition, this.input.message);
    const { initiators } = definition.catalogue;
    if (!initiators.some((initiator) => context.actor.roles.includes(initiator as Role) || context.actor.groups.includes(initiator))) {
      throw new ForbiddenError(`cases of "${definition.name}" are started by ${initiators.join(', ')}`);
    }
    // a model from another tool may keep who applied in a variable of its own (camunda:initiator)
    const { initiatorVariable } = definition.catalogue;
    const variables = { ...this.input.data, ...(initiatorVariable ? { [initiatorVariable]: context.actor.username } : {}) };
    // the receipt number's insert goes out while the engine runs to its first wait
    const [engine, receiptNo] = await Promise.all([context.engines.start(definition, this.caseId, { ...variables }), this.nextReceiptNo()]);
    const { startMessage } = definition.catalogue;
    const waitingStart = startMessage && engine.waiting().find((activity) => activity.stepId === startMessage.eventId);
    if (waitingStart) await engine.signal(waitingStart.executionId, variables);
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
    return { next, audit: { action: 'case.started', stepName: definition.name, ...(this.input.message ? { comment: `message ${this.input.message}` } : {}) }, result: started(next) };
  }

  replay(existing: CaseRecord): StartedCase {
    if (existing.requestFingerprint !== this.#fingerprint) {
      throw new ConflictError('this Idempotency-Key was used for a different application');
    }
    return started(existing);
  }
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

/** A UUID-shaped id derived from applicant and key, so a retried submission finds its case. */
function deterministicId(applicant: string, key: string): string {
  const hex = sha256(`${applicant}\u0000${key}`);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

function queryCode(): string {
  return Array.from({ length: 8 }, () => queryCodeAlphabet[randomInt(queryCodeAlphabet.length)]).join('');
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
