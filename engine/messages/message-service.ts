import type { Logger } from 'pino';
import { ConflictError, ForbiddenError } from '../errors';
import type { CaseHead, MessageRecord } from '../records';
import { isDuplicateKey } from '../store/duplicate-key';
import type { Models } from '../store/models';
import { hasRole, mayServeTopic, systemClient, type Actor } from '../users/actor';
import { DeliverMessage, StartCase, type DeliveredMessage, type StartedCase } from '../runtime/commands';
import type { Executor } from '../runtime/executor';
import { currentRequestKey, requestKey, withRequestKey } from '../runtime/request-key';
import type { DefinitionRegistry } from '../definitions';

/** A message for the installation: its name, what finds the case it is for, and the variables it carries. */
export interface MessageInput {
  name: string;
  /** The receiving case's receipt number, or the business key its message start gave it. */
  businessKey?: string;
  /** Variables the receiving case must hold with these values. */
  correlationKeys?: Record<string, string | number | boolean>;
  variables: Record<string, unknown>;
}

/** Where a message went: the one waiting case it was delivered to, or the cases it started. */
export interface CorrelatedMessage {
  name: string;
  delivered: DeliveredMessage | null;
  started: Array<StartedCase & { processKey: string }>;
}

/** More waiting cases than this for one message name without a key are not read to pick one out. */
const correlationWindow = 100;

/**
 * Messages (DESIGN.md "Other systems"): one sent by staff or a machine client through the API,
 * or thrown by a case, reaches the one running case that waits for it — found by name, then by
 * business key or correlation keys — or, when none waits, starts a case of every process whose
 * start event takes it. Used by the API and the worker's message jobs.
 */
export class MessageService {
  readonly #executor: Executor;
  readonly #models: Models;
  readonly #definitions: DefinitionRegistry;
  readonly #nextReceiptNo: () => Promise<string>;
  readonly #now: () => Date;
  readonly #log: Logger;

  constructor(executor: Executor, models: Models, definitions: DefinitionRegistry, nextReceiptNo: () => Promise<string>, now: () => Date, log: Logger) {
    this.#executor = executor;
    this.#models = models;
    this.#definitions = definitions;
    this.#nextReceiptNo = nextReceiptNo;
    this.#now = now;
    this.#log = log;
  }

  /**
   * Correlates a message sent through the API. With an Idempotency-Key its outcome is kept, so a
   * retry is answered with it and nothing is delivered or started twice.
   */
  async send(input: MessageInput, actor: Actor): Promise<CorrelatedMessage> {
    if (hasRole(actor, 'system') && !mayServeTopic(actor, input.name)) throw new ForbiddenError(`this client may not send the message "${input.name}": it is not among its topics`);
    const key = currentRequestKey();
    if (!key) return this.#correlate(input, actor, undefined);
    const kept = await this.#models.messages.findById(key.id).lean<MessageRecord>();
    if (kept?.outcome) return kept.outcome as CorrelatedMessage;
    const outcome = await this.#correlate(input, actor, key.id);
    await this.#keep({ _id: key.id, ...input, businessKey: input.businessKey ?? null, correlationKeys: input.correlationKeys ?? {}, from: null, sentBy: actor.username, sentAt: this.#now() }, outcome);
    return outcome;
  }

  /** The worker's message job: delivers a message a case threw, once; one that reaches nothing is recorded so, not retried. */
  async deliverThrown(id: string): Promise<MessageRecord['status']> {
    const message = await this.#models.messages.findById(id).lean<MessageRecord>();
    // the outbox writes the record before it adds the job; one not there yet is tried again by BullMQ
    if (!message) throw new Error(`thrown message ${id} is not recorded yet`);
    if (message.status !== 'pending') return message.status;
    const input = { name: message.name, correlationKeys: message.correlationKeys as MessageInput['correlationKeys'], variables: message.variables };
    try {
      // the message's id is its Idempotency-Key: a job run twice finds its delivery answered in the case
      const outcome = await withRequestKey(requestKey(systemClient.username, id, { method: 'MESSAGE', path: message.name, body: input }), () => this.#correlate(input, systemClient, id));
      await this.#settle(id, 'delivered', outcome, null);
      return 'delivered';
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      this.#log.warn({ message: id, name: message.name, from: message.from?.caseId, reason: error.message }, 'a thrown message reached no case');
      await this.#settle(id, 'undelivered', null, error.message);
      return 'undelivered';
    }
  }

  /** Messages thrown but not delivered yet, for reconcile to hand to the worker again. */
  async pendingIds(): Promise<string[]> {
    const pending = await this.#models.messages.find({ status: 'pending' }, { _id: 1 }).lean<Array<{ _id: string }>>();
    return pending.map((message) => message._id);
  }

  async #correlate(input: MessageInput, actor: Actor, keyId: string | undefined): Promise<CorrelatedMessage> {
    const waiting = await this.#waitingCases(input);
    if (waiting.length > 1) {
      const named = waiting.slice(0, 10).map((head) => head.receiptNo).join(', ');
      throw new ConflictError(`the message "${input.name}" matches ${waiting.length >= correlationWindow ? `${correlationWindow} or more` : waiting.length} waiting cases (${named}${waiting.length > 10 ? ', …' : ''}): name the one it is for by businessKey or correlationKeys`);
    }
    if (waiting.length === 1) return { name: input.name, delivered: await this.#executor.run(new DeliverMessage(waiting[0]._id, input.name, input.variables), actor), started: [] };
    const processes = await this.#startingProcesses(input.name);
    if (processes.length === 0) throw new ConflictError(`no case waits for the message "${input.name}"${describeKeys(input)} and no process starts on it`);
    const started = [];
    for (const process of processes) {
      const command = new StartCase({ processKey: process.key, title: `${process.name}（${input.businessKey ?? input.name}）`, data: input.variables, message: input.name, businessKey: input.businessKey, idempotencyKey: keyId && `${keyId}:${process.key}` }, actor.username, this.#nextReceiptNo);
      const { result } = await this.#executor.create(command, actor);
      started.push({ ...result, processKey: process.key });
    }
    return { name: input.name, delivered: null, started };
  }

  /** The running cases receiving the message, by the message key index, narrowed by the correlation keys. */
  async #waitingCases(input: MessageInput): Promise<CaseHead[]> {
    const key = input.businessKey ? `${input.name}|${input.businessKey}` : input.name;
    const candidates = await this.#models.cases.find({ messageKeys: key }, { engineState: 0 }).limit(correlationWindow).lean<CaseHead[]>();
    const wanted = Object.entries(input.correlationKeys ?? {});
    return candidates.filter((head) => head.status === 'running' && wanted.every(([name, value]) => head.variables[name] === value));
  }

  /** The processes whose newest version starts on the message. */
  async #startingProcesses(message: string): Promise<Array<{ key: string; name: string }>> {
    const keys: string[] = await this.#models.definitions.distinct('key', { 'catalogue.startMessage.message': message });
    const latest = await Promise.all(keys.map((key) => this.#definitions.latest(key)));
    return latest.filter((definition) => definition.catalogue.startMessage?.message === message).map((definition) => ({ key: definition.key, name: definition.name }));
  }

  async #keep(message: Omit<MessageRecord, 'status' | 'deliveredTo' | 'reason' | 'outcome' | 'settledAt'>, outcome: CorrelatedMessage): Promise<void> {
    try {
      await this.#models.messages.create({ ...message, status: 'delivered', deliveredTo: reached(outcome), reason: null, outcome, settledAt: this.#now() });
    } catch (error) {
      // a concurrent retry kept it first; its outcome is this one's, found in the same cases
      if (!isDuplicateKey(error)) throw error;
    }
  }

  async #settle(id: string, status: MessageRecord['status'], outcome: CorrelatedMessage | null, reason: string | null): Promise<void> {
    await this.#models.messages.updateOne({ _id: id }, { $set: { status, deliveredTo: outcome ? reached(outcome) : [], outcome, reason, settledAt: this.#now() } });
  }
}

function reached(outcome: CorrelatedMessage): string[] {
  return outcome.delivered ? [outcome.delivered.caseId] : outcome.started.map((started) => started.id);
}

function describeKeys(input: MessageInput): string {
  const parts = [...(input.businessKey ? [`business key ${input.businessKey}`] : []), ...Object.entries(input.correlationKeys ?? {}).map(([name, value]) => `${name} = ${JSON.stringify(value)}`)];
  return parts.length > 0 ? ` with ${parts.join(', ')}` : '';
}

