import type { NewAttachment } from '../../cases';
import type { TimerJob } from '../../deadlines';
import type { CaseCommand } from '../command';
import { CompleteTask, type CompleteTaskInput } from './complete-task';
import { DeliverMessage, SupplementCase } from './deliver-message';
import { RetryExternalTask } from './external/fail-external-task';
import { RestartCall } from './calls/restart-call';
import { FireTimer } from './fire-timer';
import { VisibleOnly } from './visible-only';

/** How one kind of command is kept in an incident and made again for its retry. */
interface Rebuild<Command, Input> {
  type: abstract new (...args: never[]) => Command;
  /** The command's input as JSON, stored with the incident. */
  capture(command: Command): Input;
  rebuild(input: Input): CaseCommand<unknown>;
}

function rebuild<Command, Input>(spec: Rebuild<Command, Input>): Rebuild<unknown, unknown> {
  return spec as unknown as Rebuild<unknown, unknown>;
}

/**
 * The commands an incident's retry re-runs, each with how its input is captured when it fails
 * and rebuilt from that JSON. Kept explicit and small: a command is here only where running it
 * again as recorded, as the person (or govflow) who ran it, is what an administrator means by
 * a retry — a timer that fired, a message that arrived, a step completed with its opinion and
 * form, an external task given one more try after its retries ran out, a call given a fresh
 * child case after its child ended without doing its work. Any other command (a claim, a return, an added signer) is refused: its person does it
 * again once the case is put right.
 */
const rebuilders: Readonly<Record<string, Rebuild<unknown, unknown>>> = {
  CompleteTask: rebuild({
    type: CompleteTask,
    capture: (command: CompleteTask) => ({ caseId: command.caseId, taskId: command.taskId, input: command.input }),
    rebuild: (input: { caseId: string; taskId: string; input: CompleteTaskInput }) => new CompleteTask(input.caseId, input.taskId, input.input),
  }),
  FireTimer: rebuild({
    type: FireTimer,
    capture: (command: FireTimer) => ({ job: command.job }),
    rebuild: (input: { job: TimerJob }) => new FireTimer(input.job),
  }),
  DeliverMessage: rebuild({
    type: DeliverMessage,
    capture: (command: DeliverMessage) => ({ caseId: command.caseId, message: command.message, variables: command.variables }),
    rebuild: (input: { caseId: string; message: string; variables: Record<string, unknown> }) => new DeliverMessage(input.caseId, input.message, input.variables),
  }),
  SupplementCase: rebuild({
    type: SupplementCase,
    capture: (command: SupplementCase) => ({ caseId: command.caseId, note: command.note ?? null, attachments: command.attachments ?? null }),
    rebuild: (input: { caseId: string; note: string | null; attachments: NewAttachment[] | null }) => new SupplementCase(input.caseId, input.note ?? undefined, input.attachments ?? undefined),
  }),
  RetryExternalTask: rebuild({
    type: RetryExternalTask,
    capture: (command: RetryExternalTask) => ({ caseId: command.caseId, taskId: command.taskId }),
    rebuild: (input: { caseId: string; taskId: string }) => new RetryExternalTask(input.caseId, input.taskId),
  }),
  RestartCall: rebuild({
    type: RestartCall,
    capture: (command: RestartCall) => ({ caseId: command.caseId, executionId: command.executionId }),
    rebuild: (input: { caseId: string; executionId: string }) => new RestartCall(input.caseId, input.executionId),
  }),
};

function rebuilderOf(name: string): Rebuild<unknown, unknown> | undefined {
  return Object.hasOwn(rebuilders, name) ? rebuilders[name] : undefined;
}

/** The input to keep with an incident of `command`, as plain JSON; null for a command a retry cannot rebuild. */
export function capturedInput(command: { name: string }): unknown {
  const inner = command instanceof VisibleOnly ? (command.command as { name: string }) : command;
  const spec = rebuilderOf(inner.name);
  return spec && inner instanceof spec.type ? (JSON.parse(JSON.stringify(spec.capture(inner))) as unknown) : null;
}

/** The command an incident's retry runs; null when its kind cannot be retried or no input was kept. */
export function rebuildCommand(name: string, input: unknown): CaseCommand<unknown> | null {
  const spec = rebuilderOf(name);
  return spec && input !== null && input !== undefined ? spec.rebuild(input) : null;
}

/** The commands a retry re-runs, for messages that refuse the others. */
export const retryableCommands: readonly string[] = Object.keys(rebuilders);
