import type { CompiledDefinition } from '../definitions';
import type { ProcessRunError } from '../errors';
import type { Failure, Success } from '../incidents';
import type { CaseRecord } from '../records';
import type { Actor } from '../users/actor';
import type { CaseCommand } from './command';
import { capturedInput } from './commands/retryable';

/**
 * What an incident records of a failure: the element the engine names, else the step the
 * command acted at, else the process itself; its name from the version's catalogue; and the
 * command as given, so a retry can rebuild it.
 */
export function describeFailure(definition: CompiledDefinition, error: ProcessRunError, command: Pick<CaseCommand<unknown>, 'name' | 'target'>, current: CaseRecord | null, actor: Actor): Failure {
  const stepId = current ? (command.target?.(current) ?? null) : null;
  const elementId = error.elementId ?? stepId ?? definition.key;
  const elementName = definition.catalogue.names[elementId] ?? (elementId === definition.key ? definition.name : elementId);
  return { elementId, elementName, stepId, processName: definition.name, command: command.name, input: capturedInput(command), actor: actor.username, error: error.reason };
}

/** What went through, for settling the case's open incidents. */
export function describeSuccess(command: Pick<CaseCommand<unknown>, 'name' | 'target'>, current: CaseRecord, actor: Actor, at: Date, retry: Success['retry']): Success {
  return { command: command.name, stepId: command.target?.(current) ?? null, actor: actor.username, at, ...(retry ? { retry } : {}) };
}
