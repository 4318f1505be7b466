export { noticeClockKey, wantedDeadlines, type DeadlineJob } from './deadline-jobs';
export { DeadlineQueue, deadlineQueueName } from './deadline-queue';
