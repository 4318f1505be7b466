import { z } from 'zod';
import { defineRoute } from '../http/route';
import { variables } from '../http/schemas';

const staff = ['clerk', 'leader'] as const;

const completeBody = z.strictObject({
  decision: z.string().min(1).max(64).optional(),
  comment: z.string().max(4000).optional(),
  data: variables.optional(),
});

export const taskRoutes = [
  defineRoute({
    method: 'get',
    path: '/tasks',
    summary: 'The inbox: tasks I hold (mine) or tasks I may claim (claimable)',
    tag: 'tasks',
    access: staff,
    query: z.object({ scope: z.enum(['mine', 'claimable']).default('mine'), limit: z.coerce.number().int().min(1).max(500).default(100) }),
    responses: { 200: 'the tasks, oldest first' },
    async handler({ query, actor, govflow }) {
      const items = await govflow.listTasks(actor, query.scope, query.limit);
      return { body: { items, total: items.length } };
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
      return { body: await govflow.claimTask(params.id, actor) };
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
      return { body: await govflow.unclaimTask(params.id, actor) };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/tasks/{id}/complete',
    summary: 'Complete a task with a decision, an opinion and form data',
    tag: 'tasks',
    access: staff,
    body: completeBody,
    responses: { 200: 'completed; the answer names the next tasks', 403: 'not a candidate', 404: 'no such task', 409: 'closed, or held by someone else', 422: 'a decision is missing or not offered' },
    async handler({ params, body, actor, govflow }) {
      return { body: await govflow.completeTask(params.id, body, actor) };
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
      return { body: await govflow.transferTask(params.id, body.to, body.reason, actor) };
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
      return { body: await govflow.delegateTask(params.id, body.to, body.note, actor) };
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
      return { body: await govflow.resolveTask(params.id, body.comment, actor) };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/tasks/{id}/urge',
    summary: '催办: remind the handler of a task (once an hour per task); for the applicant, supervisors and leaders',
    tag: 'tasks',
    access: ['applicant', 'supervisor', 'leader'],
    body: z.strictObject({ message: z.string().max(1000).optional() }),
    responses: { 200: 'the handler was reminded', 404: 'no such task, or its case is not visible', 409: 'urged less than an hour ago, or closed' },
    async handler({ params, body, actor, govflow }) {
      return { body: await govflow.urgeTask(params.id, body.message, actor) };
    },
  }),
];
