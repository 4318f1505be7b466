import type { Db } from 'mongodb';
import type { NoticeRecord } from '../records';
import { fill } from './list-keys';
import type { Upgrade } from './upgrade';

/**
 * Before: a notice was done once answered. Now the office accepts the reply, turns it back or
 * closes the notice, and its list of replies to review reads `awaitingReview`; a notice from
 * before was never reviewed, so an answered one awaits review.
 */
export const noticeReviewKey: Upgrade = {
  id: '2026-12-notice-review-key',
  async run(db: Db): Promise<void> {
    await fill(db.collection<NoticeRecord>('notices'), 'awaitingReview', (notice) => ({ awaitingReview: notice.reply !== null && !notice.closed }));
  },
};
