import type { Collection, Db } from 'mongodb';
import type { AdminLogRecord, AlertRecord, AuditRecord, CaseHead, CaseRevisionRecord, ExternalTaskRecord, IncidentRecord, MessageRecord, NoticeRecord, NotificationRecord, RevisionClaim, TaskRecord } from '../records';

/**
 * The collections the command path writes, as the MongoDB driver's own: the executor and its
 * projectors write documents govflow computed itself, which mongoose would only hydrate and
 * validate again (the largest CPU cost of a command before). Schemas and indexes stay in models.ts.
 */
export interface Collections {
  caseRevisions: Collection<CaseRevisionRecord | RevisionClaim>;
  cases: Collection<CaseHead>;
  tasks: Collection<TaskRecord>;
  externalTasks: Collection<ExternalTaskRecord>;
  audit: Collection<AuditRecord>;
  alerts: Collection<AlertRecord>;
  notices: Collection<NoticeRecord>;
  notifications: Collection<NotificationRecord>;
  incidents: Collection<IncidentRecord>;
  messages: Collection<MessageRecord>;
  /** Where a failed case start is audited: it has no case, so no case audit chain. */
  adminLog: Collection<AdminLogRecord>;
}

/** The driver's collections of a connected database; names as in models.ts. */
export function bindCollections(db: Db): Collections {
  return {
    caseRevisions: db.collection('case_revisions'),
    cases: db.collection('cases'),
    tasks: db.collection('tasks'),
    externalTasks: db.collection('external_tasks'),
    audit: db.collection('audit'),
    alerts: db.collection('alerts'),
    notices: db.collection('notices'),
    notifications: db.collection('notifications'),
    incidents: db.collection('incidents'),
    messages: db.collection('messages'),
    adminLog: db.collection('admin_log'),
  };
}
