import { Schema, type Connection, type Model } from 'mongoose';
import type { AdminLogRecord, DraftRecord, AlertRecord, NoticeRecord, NotificationRecord, NotificationReadRecord, AuditRecord, CalendarRecord, CaseHead, CaseRevisionRecord, DefinitionRecord, ExternalTaskRecord, IdentityLinkRecord, IncidentRecord, MessageRecord, ReceiptRecord, RefreshTokenRecord, ServiceRecord, TaskRecord, TemplateRecord, UnitAuditRecord, UnitRecord, UserAuditRecord, UserRecord, WebhookDeliveryRecord, WebhookRecord } from '../records';

const { Mixed } = Schema.Types;
const options = { versionKey: false, strict: 'throw' } as const;

const openTaskSchema = new Schema(
  {
    id: String,
    executionId: String,
    stepId: String,
    name: String,
    assignee: { type: String, default: null },
    candidateUsers: [String],
    candidateGroups: [String],
    decisions: [String],
    createdAt: Date,
    clock: { type: Mixed, default: null },
    delegatedBy: { type: String, default: null },
    urgedAt: { type: Date, default: null },
    form: { type: Mixed, default: [] },
    countersign: { type: Mixed, default: null },
    handledAt: { type: Date, default: null },
  },
  { _id: false },
);

/** Fields of a case shared by its revisions (the truth) and its head (the queryable projection). */
const caseFields = {
  processKey: String,
  version: Number,
  title: String,
  applicant: String,
  receiptNo: String,
  queryCode: String,
  requestFingerprint: { type: String, default: null },
  status: String,
  variables: { type: Mixed, default: {} },
  openTasks: [openTaskSchema],
  departments: [String],
  decided: Boolean,
  completedSteps: { type: [String], default: [] },
  opinions: { type: Mixed, default: [] },
  attachments: { type: Mixed, default: [] },
  countersigns: { type: Mixed, default: [] },
  lastCompletion: { type: Mixed, default: null },
  awaiting: { type: Mixed, default: [] },
  messageSubscriptions: { type: [String], default: undefined },
  externalTasks: { type: Mixed, default: undefined },
  calls: { type: Mixed, default: undefined },
  parent: { type: Mixed, default: undefined },
  businessKey: { type: String, default: undefined },
  copiedTo: { users: { type: [String], default: [] }, groups: { type: [String], default: [] } },
  clock: { type: Mixed, default: null },
  pauseKind: { type: String, default: null },
  alerts: { type: Mixed, default: [] },
  notices: { type: Mixed, default: [] },
  timers: { type: Mixed, default: [] },
  incidents: { type: Mixed, default: [] },
  auditHead: { seq: Number, hash: String },
  rev: Number,
  createdAt: Date,
  updatedAt: Date,
  endedAt: { type: Date, default: null },
};

const caseRevisionSchema = new Schema<CaseRevisionRecord>(
  {
    _id: String,
    caseId: String,
    ...caseFields,
    engineState: Buffer,
    outbox: [Mixed],
  },
  { ...options, minimize: false },
);
// The ledger writes revisions through the driver, and beside them their claims and, once a case
// has ended, stubs of pruned revisions (store/case-ledger.ts). Indexed: a case's revisions, and
// the claims the repair sweep looks for.
caseRevisionSchema.index({ caseId: 1 });
caseRevisionSchema.index({ claim: 1 });

const caseHeadSchema = new Schema<CaseHead>({ _id: String, ...caseFields, copyKeys: { type: [String], default: [] }, messageKeys: { type: [String], default: [] }, fileIds: { type: [String], default: [] } }, { ...options, minimize: false });
// public progress; an applicant's cases; the cases copied to a person or group; running cases (reconcile)
caseHeadSchema.index({ receiptNo: 1 });
caseHeadSchema.index({ applicant: 1, createdAt: -1 });
caseHeadSchema.index({ copyKeys: 1, createdAt: -1 });
caseHeadSchema.index({ status: 1 });
// the cases of a supervision office's or an administrator's jurisdiction
caseHeadSchema.index({ departments: 1 });
// message correlation: the running cases that receive a message, alone or by receipt number / business key
caseHeadSchema.index({ messageKeys: 1 });
// who may read a stored file: the cases that refer to it
caseHeadSchema.index({ fileIds: 1 });

const taskSchema = new Schema<TaskRecord>(
  {
    _id: String,
    caseId: String,
    caseTitle: String,
    receiptNo: String,
    applicant: String,
    processKey: String,
    stepId: String,
    name: String,
    status: String,
    assignee: { type: String, default: null },
    candidateUsers: [String],
    candidateGroups: [String],
    decisions: [String],
    form: { type: Mixed, default: [] },
    signer: { type: String, default: null },
    delegatedBy: { type: String, default: null },
    createdAt: Date,
    due: { type: Date, default: null },
    warnAt: { type: Date, default: null },
    clock: { type: Mixed, default: null },
    completedAt: { type: Date, default: null },
    completedBy: { type: String, default: null },
    decision: { type: String, default: null },
    holder: { type: String, default: null },
    queue: { type: [String], default: [] },
    doneKey: { type: String, default: null },
    openUnits: { type: [String], default: [] },
    caseRev: Number,
  },
  options,
);
// the inbox: held, claimable, a department's (set on open tasks only), done by month and counted by person; a case's tasks
taskSchema.index({ holder: 1 });
taskSchema.index({ queue: 1 });
taskSchema.index({ openUnits: 1 });
taskSchema.index({ doneKey: 1, completedAt: -1 });
taskSchema.index({ completedBy: 1 });
taskSchema.index({ caseId: 1 });

const externalTaskSchema = new Schema<ExternalTaskRecord>(
  {
    _id: String,
    caseId: String,
    departments: { type: [String], default: undefined },
    receiptNo: String,
    processKey: String,
    stepId: String,
    name: String,
    topic: String,
    status: String,
    topicKey: String,
    availableAt: Date,
    lock: { type: Mixed, default: null },
    retries: { type: Number, default: null },
    failure: { type: Mixed, default: null },
    createdAt: Date,
    closedAt: { type: Date, default: null },
    completedBy: { type: String, default: null },
    caseRev: Number,
  },
  options,
);
// fetch-and-lock: the fetchable tasks of a topic (topicKey is set on those only), soonest available first; a case's external tasks
externalTaskSchema.index({ topicKey: 1, availableAt: 1 });
externalTaskSchema.index({ caseId: 1 });
// the list administrators watch: by status, optionally one topic
externalTaskSchema.index({ status: 1, createdAt: 1 });
externalTaskSchema.index({ departments: 1, status: 1, createdAt: 1 });
externalTaskSchema.index({ topic: 1, status: 1, createdAt: 1 });

const messageSchema = new Schema<MessageRecord>(
  {
    _id: String,
    name: String,
    businessKey: { type: String, default: null },
    correlationKeys: { type: Mixed, default: {} },
    variables: { type: Mixed, default: {} },
    from: { type: Mixed, default: null },
    sentBy: String,
    sentAt: Date,
    status: String,
    deliveredTo: [String],
    reason: { type: String, default: null },
    outcome: { type: Mixed, default: null },
    settledAt: { type: Date, default: null },
  },
  { ...options, minimize: false },
);
// reconcile: messages thrown but not delivered yet
messageSchema.index({ status: 1 });

const auditSchema = new Schema<AuditRecord>(
  {
    _id: String,
    caseId: String,
    seq: Number,
    at: String,
    actor: String,
    action: String,
    stepId: { type: String, default: null },
    stepName: { type: String, default: null },
    taskId: { type: String, default: null },
    decision: { type: String, default: null },
    comment: { type: String, default: null },
    statusBefore: { type: String, default: null },
    statusAfter: String,
    prevHash: String,
    hash: String,
  },
  options,
);
// the _id (`caseId:seq`) keeps entries unique; this index reads a case's log in order
auditSchema.index({ caseId: 1, seq: 1 });

const definitionSchema = new Schema<DefinitionRecord>(
  {
    _id: String,
    key: String,
    version: Number,
    name: String,
    xml: String,
    checksum: String,
    catalogue: Mixed,
    deployedBy: String,
    deployedAt: Date,
    unit: { type: String, default: undefined },
    adoptedFrom: { type: Mixed, default: undefined },
  },
  options,
);
// the city's comparison of the districts that adopted a template
definitionSchema.index({ 'adoptedFrom.template': 1 });

const templateSchema = new Schema<TemplateRecord>({ _id: String, unit: String, version: Number, name: String, publishedBy: String, publishedAt: Date }, options);
// the _id (`key:version`) keeps versions unique; this index reads a process's versions
definitionSchema.index({ key: 1, version: -1 });

const draftSchema = new Schema<DraftRecord>({ _id: String, xml: String, savedBy: String, savedAt: Date, unit: { type: String, default: undefined } }, options);

const userSchema = new Schema<UserRecord>(
  {
    _id: String,
    name: String,
    passwordHash: String,
    roles: [String],
    department: { type: String, default: null },
    groups: [String],
    topics: { type: [String], default: undefined },
    createdAt: Date,
    disabled: Boolean,
    sessionVersion: Number,
    auditHead: { type: { seq: Number, hash: String }, default: undefined, _id: false },
  },
  options,
);

userSchema.index({ groups: 1 });
// the users a district's administrator manages
userSchema.index({ department: 1 });
// the machine clients' list
userSchema.index({ roles: 1 });

const userAuditSchema = new Schema<UserAuditRecord>({ _id: String, username: String, seq: Number, at: String, actor: String, action: String, detail: String, prevHash: String, hash: String }, options);
// a user's trail in order; the _id (`username:seq`) makes each place in the chain claimable once
userAuditSchema.index({ username: 1, seq: 1 });

const unitSchema = new Schema<UnitRecord>(
  { _id: String, name: String, kind: String, parent: { type: String, default: null }, createdAt: Date, auditHead: { type: { seq: Number, hash: String }, default: undefined, _id: false } },
  options,
);

const unitAuditSchema = new Schema<UnitAuditRecord>({ _id: String, unit: String, seq: Number, at: String, actor: String, action: String, detail: String, prevHash: String, hash: String }, options);
// a unit's trail in order, like a user's
unitAuditSchema.index({ unit: 1, seq: 1 });

const refreshTokenSchema = new Schema<RefreshTokenRecord>(
  { _id: String, family: String, username: String, transport: String, createdAt: Date, expiresAt: Date, usedAt: { type: Date, default: null }, revokedAt: { type: Date, default: null } },
  options,
);
// revoking a family (reuse, sign-out) and all of a user's (disabled) read by these
refreshTokenSchema.index({ family: 1 });
refreshTokenSchema.index({ username: 1 });

const identityLinkSchema = new Schema<IdentityLinkRecord>({ _id: String, issuer: String, username: String, linkedBy: String, linkedAt: Date }, options);
// a user's link, to replace or remove it
identityLinkSchema.index({ username: 1 });

const calendarSchema = new Schema<CalendarRecord>({ _id: String, year: Number, schedule: Mixed, updatedBy: String, updatedAt: Date }, options);
const webhookSchema = new Schema<WebhookRecord>({ _id: String, name: String, url: String, events: [String], secret: String, disabled: Boolean, createdBy: String, createdAt: Date }, options);
// the subscribers of a notification's kind
webhookSchema.index({ events: 1 });

const webhookDeliverySchema = new Schema<WebhookDeliveryRecord>(
  { _id: String, webhookId: String, notificationId: String, kind: String, status: String, attempts: Number, lastStatus: { type: Number, default: null }, lastError: { type: String, default: null }, createdAt: Date, lastAttemptAt: { type: Date, default: null }, deliveredAt: { type: Date, default: null } },
  options,
);
// a webhook's deliveries, newest first, all or of one status (the failures an operator reads)
webhookDeliverySchema.index({ webhookId: 1, createdAt: -1 });
webhookDeliverySchema.index({ webhookId: 1, status: 1, createdAt: -1 });

const adminLogSchema = new Schema<AdminLogRecord>({ _id: String, at: Date, actor: String, action: String, target: String, detail: String }, options);

const alertSchema = new Schema<AlertRecord>(
  {
    _id: String,
    caseId: String,
    receiptNo: String,
    caseTitle: String,
    processKey: String,
    level: String,
    kind: String,
    clockKey: String,
    rule: { type: String, default: null },
    stepName: { type: String, default: null },
    department: { type: String, default: null },
    handler: { type: String, default: null },
    dueAt: Date,
    raisedAt: Date,
    status: String,
    workDone: Boolean,
    closedAt: { type: Date, default: null },
    closedBy: { type: String, default: null },
    closeNote: { type: String, default: null },
    caseRev: Number,
  },
  options,
);
// the supervision board's filters: any of them narrows the list by an index
alertSchema.index({ status: 1, level: 1, raisedAt: -1 });
alertSchema.index({ department: 1, status: 1, raisedAt: -1 });
alertSchema.index({ processKey: 1, status: 1, raisedAt: -1 });
alertSchema.index({ kind: 1, status: 1, raisedAt: -1 });

const noticeSchema = new Schema<NoticeRecord>(
  {
    _id: String,
    caseId: String,
    receiptNo: String,
    caseTitle: String,
    processKey: String,
    department: String,
    message: String,
    sentBy: String,
    sentAt: Date,
    clock: Mixed,
    reply: { type: Mixed, default: null },
    ratingId: { type: String, default: undefined },
    round: { type: Number, default: undefined },
    earlier: { type: Mixed, default: undefined },
    closed: { type: Mixed, default: undefined },
    awaitingReply: Boolean,
    awaitingReview: Boolean,
    caseRev: Number,
  },
  options,
);
noticeSchema.index({ department: 1, sentAt: -1 });
noticeSchema.index({ awaitingReply: 1, sentAt: -1 });
noticeSchema.index({ awaitingReview: 1, sentAt: -1 });

const notificationSchema = new Schema<NotificationRecord>({ _id: String, audience: Mixed, audienceKeys: [String], caseId: String, kind: String, message: String, by: String, unit: String, at: Date }, options);
notificationSchema.index({ audienceKeys: 1, at: -1 });
const notificationReadSchema = new Schema<NotificationReadRecord>({ _id: String, seenAt: Date }, options);

const incidentSchema = new Schema<IncidentRecord>(
  {
    _id: String,
    caseId: { type: String, default: null },
    caseTitle: String,
    departments: { type: [String], default: undefined },
    receiptNo: { type: String, default: null },
    processKey: String,
    version: Number,
    processName: String,
    elementId: String,
    elementName: String,
    stepId: { type: String, default: null },
    command: String,
    input: { type: Mixed, default: null },
    actor: String,
    lastError: String,
    openedAt: Date,
    at: Date,
    attempts: Number,
    status: String,
    resolvedBy: { type: String, default: null },
    resolvedAt: { type: Date, default: null },
    resolution: { type: String, default: null },
    caseRev: Number,
  },
  options,
);
// the board's list of open (or resolved) incidents, newest first; a case's own are in its revision
incidentSchema.index({ status: 1, at: -1 });
incidentSchema.index({ departments: 1, status: 1, at: -1 });

const serviceSchema = new Schema<ServiceRecord>(
  { _id: String, version: Number, name: String, unit: { type: String, default: null }, public: Boolean, guide: Mixed, form: { type: Mixed, default: [] }, promisedLimit: { type: String, default: null }, statutoryLimit: { type: String, default: null }, publishedAt: Date },
  { ...options, minimize: false },
);
// the online hall's catalogue: the public services by name, and a unit's
serviceSchema.index({ public: 1, name: 1 });
serviceSchema.index({ unit: 1, public: 1 });

const receiptSchema = new Schema<ReceiptRecord>({ _id: String, day: String, seq: Number }, options);

/** The collections of one govflow database. */
export interface Models {
  caseRevisions: Model<CaseRevisionRecord>;
  cases: Model<CaseHead>;
  tasks: Model<TaskRecord>;
  externalTasks: Model<ExternalTaskRecord>;
  audit: Model<AuditRecord>;
  definitions: Model<DefinitionRecord>;
  drafts: Model<DraftRecord>;
  users: Model<UserRecord>;
  userAudit: Model<UserAuditRecord>;
  units: Model<UnitRecord>;
  templates: Model<TemplateRecord>;
  unitAudit: Model<UnitAuditRecord>;
  refreshTokens: Model<RefreshTokenRecord>;
  identityLinks: Model<IdentityLinkRecord>;
  receipts: Model<ReceiptRecord>;
  calendars: Model<CalendarRecord>;
  adminLog: Model<AdminLogRecord>;
  webhooks: Model<WebhookRecord>;
  webhookDeliveries: Model<WebhookDeliveryRecord>;
  alerts: Model<AlertRecord>;
  notices: Model<NoticeRecord>;
  notificationReads: Model<NotificationReadRecord>;
  notifications: Model<NotificationRecord>;
  incidents: Model<IncidentRecord>;
  messages: Model<MessageRecord>;
  services: Model<ServiceRecord>;
}

/** Binds govflow's schemas to a connection; each Store has its own, so tests can run several. */
export function bindModels(connection: Connection): Models {
  return {
    caseRevisions: connection.model('CaseRevision', caseRevisionSchema, 'case_revisions'),
    cases: connection.model('Case', caseHeadSchema, 'cases'),
    tasks: connection.model('Task', taskSchema, 'tasks'),
    externalTasks: connection.model('ExternalTask', externalTaskSchema, 'external_tasks'),
    audit: connection.model('AuditEntry', auditSchema, 'audit'),
    definitions: connection.model('Definition', definitionSchema, 'definitions'),
    drafts: connection.model('Draft', draftSchema, 'drafts'),
    users: connection.model('User', userSchema, 'users'),
    userAudit: connection.model('UserAuditEntry', userAuditSchema, 'user_audit'),
    units: connection.model('Unit', unitSchema, 'units'),
    templates: connection.model('Template', templateSchema, 'templates'),
    unitAudit: connection.model('UnitAuditEntry', unitAuditSchema, 'unit_audit'),
    refreshTokens: connection.model('RefreshToken', refreshTokenSchema, 'refresh_tokens'),
    identityLinks: connection.model('IdentityLink', identityLinkSchema, 'identity_links'),
    receipts: connection.model('Receipt', receiptSchema, 'receipts'),
    calendars: connection.model('Calendar', calendarSchema, 'calendars'),
    adminLog: connection.model('AdminLogEntry', adminLogSchema, 'admin_log'),
    webhooks: connection.model('Webhook', webhookSchema, 'webhooks'),
    webhookDeliveries: connection.model('WebhookDelivery', webhookDeliverySchema, 'webhook_deliveries'),
    alerts: connection.model('Alert', alertSchema, 'alerts'),
    notices: connection.model('Notice', noticeSchema, 'notices'),
    notifications: connection.model('Notification', notificationSchema, 'notifications'),
    notificationReads: connection.model('NotificationRead', notificationReadSchema, 'notification_reads'),
    incidents: connection.model('Incident', incidentSchema, 'incidents'),
    messages: connection.model('Message', messageSchema, 'messages'),
    services: connection.model('Service', serviceSchema, 'services'),
  };
}
