import { z } from 'zod';
import { defineRoute } from '../http/route';
import { attachments, identifier, orderedDays, pageQuery, variables, workSearchQuery } from '../http/schemas';

const startCaseBody = z.strictObject({
  processKey: identifier,
  title: z.string().trim().min(1).max(200),
  data: variables.default({}),
  attachments: attachments.optional(),
});

/** Whom a case is copied to (抄送): staff by username, groups some staff hold; also the body of the task operation `copy`. */
export const copyBody = z
  .strictObject({
    users: z.array(z.string().min(1).max(64)).max(50).default([]),
    groups: z.array(z.string().regex(/^[a-z0-9][a-z0-9._-]*@[a-z0-9][a-z0-9._-]*$/i, 'a group is role@department')).max(50).default([]),
    note: z.string().max(2000).optional(),
  })
  .refine((body) => body.users.length + body.groups.length > 0, 'name at least one user or group');

const withdrawBody = z.strictObject({ reason: z.string().max(2000).optional() });

const ratingBody = z.strictObject({
  stage: z.enum(['acceptance', 'completion']),
  score: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)], { error: 'a score is a whole number from 1 (非常不满意) to 5 (非常满意)' }),
  comment: z.string().trim().min(1).max(2000).optional(),
});

export const caseRoutes = [
  defineRoute({
    method: 'post',
    path: '/cases',
    summary: 'Submit an application, or open a case as staff where the process says so (govflow:initiators); an Idempotency-Key header makes retries safe',
    tag: 'applicant',
    access: ['applicant', 'clerk', 'leader'],
    body: startCaseBody,
    responses: { 201: 'the case was started', 200: 'the Idempotency-Key named an existing case', 403: 'the process is not started by the caller', 404: 'no such process', 409: 'the key was used for a different application', 422: 'the application breaks its start form or materials, or an attachment is not a file the caller uploaded; nothing was started' },
    async handler({ body, actor, idempotencyKey, govflow }) {
      const { result, created } = await govflow.cases.start({ ...body, idempotencyKey }, actor);
      return { status: created ? 201 : 200, body: result, headers: { location: `/api/cases/${result.id}` } };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/cases/{id}',
    summary: 'A case: status, current steps with their task ids, and history',
    tag: 'cases',
    access: ['applicant', 'clerk', 'leader', 'supervisor', 'admin'],
    responses: { 200: 'the case', 404: 'no such case, or not visible to the caller' },
    async handler({ params, actor, govflow }) {
      return { body: await govflow.cases.get(params.id, actor) };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/cases/{id}/withdraw',
    summary: 'The applicant withdraws a case before it is decided',
    tag: 'applicant',
    access: ['applicant'],
    body: withdrawBody,
    responses: { 200: 'withdrawn', 404: 'no such case', 409: 'the case has ended or is decided' },
    async handler({ params, body, actor, govflow }) {
      return { body: await govflow.cases.withdraw(params.id, body.reason, actor) };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/cases/{id}/rating',
    summary: '好差评: the applicant rates the window at 受理 or the handling after 办结, once per stage; 不满意 or worse opens a follow-up (整改) for the department',
    tag: 'applicant',
    access: ['applicant'],
    body: ratingBody,
    responses: { 201: 'the rating, with its follow-up notice when it is poor', 403: 'not the applicant of the case', 404: 'no such case', 409: 'the stage is rated already or not reached yet' },
    async handler({ params, body, actor, govflow }) {
      return { status: 201, body: await govflow.cases.rate(params.id, body, actor) };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/cases',
    summary: "A list of cases: an applicant's own (scope=mine), or the ones copied to me (scope=copied); newest first",
    tag: 'cases',
    access: ['applicant', 'clerk', 'leader', 'supervisor', 'admin'],
    query: z.strictObject({ scope: z.enum(['mine', 'copied']), ...pageQuery, ...workSearchQuery }).refine(...orderedDays),
    responses: { 200: '{items, total}: a page of the cases, without their history' },
    async handler({ query, actor, govflow }) {
      const { scope, limit, offset, ...search } = query;
      return { body: await govflow.cases.list(actor, scope, { limit, offset }, search) };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/cases/{id}/copy',
    summary: '抄送: copy a case to members of staff or groups they hold (role@department), who may then read it (not act on it)',
    tag: 'cases',
    access: ['clerk', 'leader'],
    body: copyBody,
    responses: { 200: 'copied', 403: 'the case was only copied to the caller', 404: 'no such case, or not visible', 422: 'a recipient is no member of staff, or a group no member of staff holds; nothing was copied' },
    async handler({ params, body, actor, govflow }) {
      return { body: await govflow.cases.copy(params.id, body.users, body.groups, body.note, actor) };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/cases/{id}/diagram',
    summary: 'The case on its diagram: the model of its version, the elements it passed, its current steps and their urgency',
    tag: 'cases',
    access: ['applicant', 'clerk', 'leader', 'supervisor', 'admin'],
    responses: { 200: 'the diagram', 404: 'no such case, or not visible to the caller' },
    async handler({ params, actor, govflow }) {
      return { body: await govflow.cases.diagram(params.id, actor) };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/cases/{id}/approval-sheet',
    summary: 'The 审批单 of a case: its application form and step forms as filled, every opinion with signer and time, and the outcome, for staff to print',
    tag: 'cases',
    access: ['clerk', 'leader', 'supervisor', 'admin'],
    responses: { 200: 'the sheet, with the names of the people it mentions', 404: 'no such case, or not visible to the caller' },
    async handler({ params, actor, govflow }) {
      return { body: await govflow.cases.approvalSheet(params.id, actor) };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/cases/{id}/messages/{name}',
    summary: 'Deliver a BPMN message, by name, to the message event or receive task the case waits on',
    tag: 'cases',
    access: ['clerk', 'leader', 'admin'],
    body: z.strictObject({ variables: variables.default({}) }),
    responses: { 200: 'the case received the message', 403: 'not a handler of the case', 404: 'no such case', 409: 'the case does not wait for this message' },
    async handler({ params, body, actor, govflow }) {
      return { body: await govflow.cases.deliverMessage(params.id, params.name, actor, body.variables) };
    },
  }),
];
