export { alertId, awaitsReply, noticeClockKey, wantedDeadlines, wantedTimers, type DeadlineJob, type TimerJob } from './deadline-jobs';
export { DeadlineQueue, deadlineQueueName } from './deadline-queue';
