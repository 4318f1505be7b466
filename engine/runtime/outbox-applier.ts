import { projectAuditEntries } from '../audit';
import { within } from '../faults';
import { projectCaseHead } from '../cases/case-head';
import type { DeadlineQueue } from '../deadlines';
import { projectExternalTasks } from '../external-tasks/external-task-projection';
import { projectIncidents } from '../incidents';
import { recordThrownMessages } from '../messages/thrown-messages';
import type { CaseLedger } from '../store/case-ledger';
import type { Collections } from '../store/collections';
import type { CaseRecord, ExternalTaskRecord } from '../records';
import type { TopicSignals } from '../external-tasks/topic-signals';
import { projectAlerts, projectNotices, sendNotifications } from '../supervision';
import { projectTasks } from '../tasks';
import { outgoingJobId } from '../webhooks/webhook-jobs';
import type { Effect, EffectKind } from '../records';

/** Where a revision's outbox is applied: the projections, the ledger's claims and the durable jobs. */
export interface OutboxTargets {
  collections: Collections;
  ledger: CaseLedger;
  deadlines: DeadlineQueue;
  /** Wakes the fetches waiting for work on a topic. */
  topics?: TopicSignals;
}

/** How long a command waits for Redis to take its jobs before leaving them to the repair sweep. */
const queueWaitMs = 1_000;

/**
 * Applies a revision's outbox, then clears its claim: at once for the repair sweep, in the
 * background for a command (store/case-ledger `release`). Each kind of effect is one write
 * (all the task projections of a revision in one bulk write, and so on), and the kinds are
 * independent of one another, so they go out together: a command's projections cost one round
 * trip of waiting. Every projector is idempotent, so an outbox applied twice (repair after a
 * crash between the writes) changes nothing.
 *
 * The jobs for Redis wait at most a second: when Redis is down or slow, the store's part is
 * applied, the claim stays, and false says the repair sweep is to add the jobs once Redis
 * answers — a command needs only the store.
 */
export async function applyOutbox(record: CaseRecord, targets: OutboxTargets, claim: 'clear' | 'release' = 'clear'): Promise<boolean> {
  const { collections, ledger } = targets;
  const of = effectsOf(record);
  const queued = within(addJobs(record, targets.deadlines).then(() => true, () => false), queueWaitMs, false);
  await Promise.all([
    projectCaseHead(collections, record),
    projectTasks(collections, of('task.upsert').map((effect) => effect.task)),
    projectExternalTasks(collections, of('external-task.upsert').map((effect) => effect.task)),
    projectAuditEntries(collections, of('audit.append').map((effect) => effect.entry)),
    projectAlerts(collections, of('alert.upsert').map((effect) => effect.alert)),
    projectNotices(collections, of('notice.upsert').map((effect) => effect.notice)),
    projectIncidents(collections, of('incident.upsert').map((effect) => effect.incident)),
    sendNotifications(collections, of('notification.send').map((effect) => effect.notification)),
    recordThrownMessages(collections, of('message.throw').map((effect) => effect.message)),
    ...of('revisions.prune').map((effect) => ledger.prune(record._id, effect.from, effect.to)),
  ]);
  targets.topics?.announce(topicsWithWork(of('external-task.upsert').map((effect) => effect.task)));
  // a thrown message's job reads its record, so it is added once the record is written; so does a notification's going out to the webhooks
  const messages = [
    ...of('message.throw').map((effect) => targets.deadlines.schedule({ id: effect.message._id, at: 0 }, 'message')),
    ...of('notification.send').map((effect) => targets.deadlines.schedule({ id: outgoingJobId(effect.notification._id), at: 0 }, 'notification')),
  ];
  const sent = messages.length === 0 || (await within(Promise.all(messages).then(() => true, () => false), queueWaitMs, false));
  if (!(await queued) || !sent) return false;
  if (claim === 'release') ledger.release(record);
  else await ledger.markApplied(record);
  return true;
}

/** The revision's durable jobs: deadlines and timers scheduled, those no clock needs removed. */
async function addJobs(record: CaseRecord, deadlines: DeadlineQueue): Promise<void> {
  const of = effectsOf(record);
  await Promise.all([
    ...of('deadline.schedule').map((effect) => deadlines.schedule(effect.job)),
    ...of('timer.schedule').map((effect) => deadlines.schedule(effect.job, 'timer')),
    ...of('deadline.cancel').map((effect) => deadlines.cancel(effect.jobId)),
    ...of('call.job').map((effect) => deadlines.schedule(effect.job, effect.name)),
  ]);
}

/** The topics a revision gave work a fetch may take now: tasks opened, unlocked or failed with retries left. */
function topicsWithWork(tasks: ExternalTaskRecord[]): string[] {
  return [...new Set(tasks.filter((task) => task.topicKey !== undefined && task.lock === null).map((task) => task.topic))];
}

function effectsOf(record: CaseRecord) {
  return <Kind extends EffectKind>(kind: Kind) => record.outbox.filter((effect): effect is Extract<Effect, { kind: Kind }> => effect.kind === kind);
}
