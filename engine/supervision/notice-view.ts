import type { ClockView } from '../clocks/clock-view';
import type { NoticeRecord } from '../records';

/** Where a notice stands: its reply awaited, a reply (on time or late) to review, or ended by the office (accepted, closed). */
export type NoticeStatus = 'awaiting-reply' | 'replied' | 'replied-late' | 'accepted' | 'closed';

/** A notice as the API shows it: its department by name, where it stands, and its reply clock as seen now. */
export type NoticeView = Omit<NoticeRecord, '_id' | 'caseRev' | 'clock'> & { id: string; departmentName: string; status: NoticeStatus; replyClock: ClockView };
