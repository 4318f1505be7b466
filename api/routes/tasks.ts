import { z } from 'zod';
import { defineRoute } from '../http/route';
import { attachments, identifier, orderedDays, pageQuery, variables, workSearchQuery } from '../http/schemas';
import { copyBody } from './cases';

const staff = ['clerk', 'leader'] as const;

const completeBody = z.strictObject({
  decision: z.string().min(1).max(64).optional(),
  comment: z.string().max(4000).optional(),
  data: variables.optional(),
  attachments: attachments.optional(),
});

/** A signer of a countersign: a clerk or leader by name, or a group as role@department. */
const signer = z.string().trim().min(1).max(129).regex(/^[\w.-]+(@[\w.-]+)?$/, 'a username, or a group as role@department');

export const taskRoutes = [
  defineRoute({
    method: 'get',
    path: '/tasks',
    summary: 'The inbox: tasks I hold (mine, 待办), may claim (claimable, 待签收), completed (done, 已办), cases I opened (started, 我发起的), cases copied to me (copied, 抄送我的), and for leaders every open step of my departments (department, 本部门在办)',
    tag: 'tasks',
    access: staff,
    query: z
      .strictObject({ scope: z.enum(['mine', 'claimable', 'department', 'done', 'started', 'copied']).default('mine'), ...pageQuery, cursor: z.string().max(40).optional(), ...workSearchQuery })
      .refine((query) => query.scope === 'done' || query.cursor === undefined, { path: ['cursor'], message: 'only the done list pages by cursor; the others page by offset' })
      .refine(...orderedDays),
    responses: {
      200: 'every list answers {items, total, names}: mine, claimable and department tasks most urgent first; done tasks newest first with nextCursor; started and copied cases newest first',
      403: 'department: not a leader',
    },
    async handler({ query, actor, govflow }) {
      const { scope, limit, offset, cursor, ...search } = query;
      if (scope === 'done') return { body: await govflow.tasks.listDone(actor, { limit, cursor }, search) };
      if (scope === 'started' || scope === 'copied') return { body: await govflow.cases.list(actor, scope === 'started' ? 'mine' : 'copied', { limit, offset }, search) };
      return { body: await govflow.tasks.list(actor, scope, { limit, offset }, search) };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/tasks/{id}',
    summary: 'A task with its form, decisions and clock, and its case’s materials and opinions so far',
    tag: 'tasks',
    access: staff,
    responses: { 200: 'the task', 404: 'no such task, or not visible to the caller' },
    async handler({ params, actor, govflow }) {
      return { body: await govflow.tasks.get(params.id, actor) };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/tasks/{id}/claim',
    summary: 'Take a task into my inbox',
    tag: 'tasks',
    access: staff,
    responses: { 200: 'claimed', 403: 'not a candidate', 404: 'no such task', 409: 'held by someone else or closed' },
    async handler({ params, actor, govflow }) {
      return { body: await govflow.tasks.claim(params.id, actor) };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/tasks/{id}/unclaim',
    summary: 'Put a task I hold back for the other candidates',
    tag: 'tasks',
    access: staff,
    responses: { 200: 'unclaimed', 404: 'no such task', 409: 'not held by me or closed' },
    async handler({ params, actor, govflow }) {
      return { body: await govflow.tasks.unclaim(params.id, actor) };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/tasks/{id}/complete',
    summary: 'Complete a task with a decision, an opinion and form data',
    tag: 'tasks',
    access: staff,
    body: completeBody,
    responses: { 200: 'completed; the answer names the next tasks', 403: 'not a candidate', 404: 'no such task', 409: 'closed, or held by someone else', 422: 'a decision is missing or not offered, or the form has field errors' },
    async handler({ params, body, actor, govflow }) {
      return { body: await govflow.tasks.complete(params.id, body, actor) };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/tasks/{id}/transfer',
    summary: '转办: hand the task to another clerk or leader, who owns it from now on',
    tag: 'tasks',
    access: staff,
    body: z.strictObject({ to: z.string().min(1).max(64), reason: z.string().trim().min(2).max(2000) }),
    responses: { 200: 'transferred', 403: 'not the holder or a leader of its department', 404: 'no such task', 409: 'closed or delegated', 422: 'no such clerk or leader' },
    async handler({ params, body, actor, govflow }) {
      return { body: await govflow.tasks.transfer(params.id, body.to, body.reason, actor) };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/tasks/{id}/delegate',
    summary: '委派: let another clerk or leader do the work; the task comes back to you to confirm',
    tag: 'tasks',
    access: staff,
    body: z.strictObject({ to: z.string().min(1).max(64), note: z.string().max(2000).optional() }),
    responses: { 200: 'delegated', 404: 'no such task', 409: 'not held by you, or delegated already', 422: 'no such clerk or leader' },
    async handler({ params, body, actor, govflow }) {
      return { body: await govflow.tasks.delegate(params.id, body.to, body.note, actor) };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/tasks/{id}/resolve',
    summary: 'The delegate has done the work: the task goes back to its owner',
    tag: 'tasks',
    access: staff,
    body: z.strictObject({ comment: z.string().max(4000).optional() }),
    responses: { 200: 'back with its owner', 403: 'not the delegate', 404: 'no such task', 409: 'not delegated' },
    async handler({ params, body, actor, govflow }) {
      return { body: await govflow.tasks.resolve(params.id, body.comment, actor) };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/tasks/{id}/urge',
    summary: '催办: remind the handler of a task (once an hour per task); for the applicant, supervisors and leaders of the case, not through a copy',
    tag: 'tasks',
    access: ['applicant', 'supervisor', 'leader'],
    body: z.strictObject({ message: z.string().max(1000).optional() }),
    responses: { 200: 'the handler was reminded', 403: 'the case was only copied to the caller', 404: 'no such task, or its case is not visible', 409: 'urged less than an hour ago, or closed' },
    async handler({ params, body, actor, govflow }) {
      return { body: await govflow.tasks.urge(params.id, body.message, actor) };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/tasks/{id}/return',
    summary: '退回: send the case back to the previous step, or to an earlier step it passed (`to`), with a reason',
    tag: 'tasks',
    access: staff,
    body: z.strictObject({ reason: z.string().trim().min(2, 'give the reason').max(2000), to: identifier.optional() }),
    responses: { 200: 'the case is back at that step', 403: 'not a candidate', 404: 'no such task', 409: 'closed, held by someone else, or no earlier step', 422: 'the case did not pass that step' },
    async handler({ params, body, actor, govflow }) {
      return { body: await govflow.tasks.sendBack(params.id, body, actor) };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/tasks/{id}/withdraw',
    summary: '撤回: take back a step I completed while the step after it is untouched; {id} is the completed task',
    tag: 'tasks',
    access: staff,
    body: z.strictObject({ reason: z.string().max(2000).optional() }),
    responses: { 200: 'the step is open again, held by me', 403: 'completed by someone else', 404: 'no such task', 409: 'not the last completed step, or the next step was acted on' },
    async handler({ params, body, actor, govflow }) {
      return { body: await govflow.tasks.withdraw(params.id, body.reason, actor) };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/tasks/{id}/add-signer',
    summary: '加签: add a signer to a running countersign, before or after me',
    tag: 'tasks',
    access: staff,
    body: z.strictObject({ signer, position: z.enum(['before', 'after']).default('after'), reason: z.string().max(2000).optional() }),
    responses: { 200: 'the signer was added', 403: 'not a candidate', 404: 'no such task', 409: 'not a countersign, closed, or held by someone else', 422: 'no such clerk or leader, or a signer already' },
    async handler({ params, body, actor, govflow }) {
      return { body: await govflow.tasks.addSigner(params.id, body, actor) };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/tasks/{id}/copy',
    summary: '抄送: copy the case of this task to members of staff or groups they hold (role@department), who may then read it (not act on it)',
    tag: 'tasks',
    access: staff,
    body: copyBody,
    responses: { 200: 'copied', 403: 'the case was only copied to the caller', 404: 'no such task, or its case is not visible', 422: 'a recipient is no member of staff, or a group no member of staff holds; nothing was copied' },
    async handler({ params, body, actor, govflow }) {
      return { body: await govflow.tasks.copyCase(params.id, body.users, body.groups, body.note, actor) };
    },
  }),
];
