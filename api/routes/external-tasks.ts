import { z } from 'zod';
import { defineRoute } from '../http/route';
import { pageQuery, variables } from '../http/schemas';

const system = ['system'] as const;
const watchers = ['admin', 'supervisor'] as const;

const workerId = z.string().trim().min(1).max(128).regex(/^[\w.:@-]+$/, 'letters, digits and . : @ - _');
const topicName = z.string().min(1).max(128);
/** A lock lasts 1 s to 1 h; a worker that needs longer extends it. */
const lockMs = z.number().int().min(1_000).max(3_600_000);

const fetchBody = z.strictObject({
  workerId,
  topics: z
    .array(z.strictObject({ name: topicName, lockMs }))
    .min(1)
    .max(20)
    .refine((list) => new Set(list.map((topic) => topic.name)).size === list.length, 'name each topic once'),
  max: z.number().int().min(1).max(100).default(10),
  waitMs: z.number().int().min(0).max(60_000).default(0),
});

const taskResponses = { 403: 'not a machine client', 404: 'no such external task, or of a topic the client does not work', 409: 'the task closed, or the worker holds no live lock on it (another does, or its own expired)' };

/**
 * The external-task calls of other departments' systems (DESIGN.md "Other systems"), for
 * machine clients of the system role, each call scoped to the client's topics; and the list
 * administrators and the supervision office watch. Every change is a command on the task's case.
 */
export const externalTaskRoutes = [
  defineRoute({
    method: 'post',
    path: '/external-tasks/fetch-and-lock',
    summary: 'Lock up to max fetchable tasks of the topics for this worker, oldest first; with none, wait up to waitMs for one (long polling)',
    tag: 'external-tasks',
    access: system,
    body: fetchBody,
    responses: { 200: 'the locked tasks with their variables, possibly none', 403: 'a topic the client may not work' },
    async handler({ body, actor, govflow }) {
      return { body: await govflow.externalTasks.fetchAndLock(body, actor) };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/external-tasks/{id}/complete',
    summary: 'The worker holding the lock is done: its variables join the case (through the model’s output mapping), which moves on',
    tag: 'external-tasks',
    access: system,
    body: z.strictObject({ workerId, variables: variables.optional() }),
    responses: { 200: 'the case after the task', ...taskResponses },
    async handler({ params, body, actor, govflow }) {
      return { body: await govflow.externalTasks.complete(params.id, body.workerId, body.variables ?? {}, actor) };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/external-tasks/{id}/failure',
    summary: 'The worker could not do the task: retries left and when to try again; at 0 retries an incident on the case',
    tag: 'external-tasks',
    access: system,
    body: z.strictObject({
      workerId,
      message: z.string().min(1).max(2_000),
      details: z.string().max(20_000).optional(),
      retries: z.number().int().min(0).max(1_000),
      retryInMs: z.number().int().min(0).max(7 * 24 * 3_600_000).default(0),
    }),
    responses: { 200: 'retries left, and the incident when none are', ...taskResponses },
    async handler({ params, body, actor, govflow }) {
      const { workerId: worker, ...report } = body;
      return { body: await govflow.externalTasks.fail(params.id, worker, report, actor) };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/external-tasks/{id}/bpmn-error',
    summary: 'A business outcome the model handles as a BPMN error: an error boundary event for the code takes the case on; one the model does not catch becomes an incident',
    tag: 'external-tasks',
    access: system,
    body: z.strictObject({ workerId, code: z.string().min(1).max(128), message: z.string().max(2_000).optional(), variables: variables.optional() }),
    responses: { 200: 'the case after the error (incidentId set when nothing caught it)', ...taskResponses },
    async handler({ params, body, actor, govflow }) {
      const { workerId: worker, ...report } = body;
      return { body: await govflow.externalTasks.reportBpmnError(params.id, worker, report, actor) };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/external-tasks/{id}/extend-lock',
    summary: 'The worker holding the lock needs longer: the lock runs lockMs from now',
    tag: 'external-tasks',
    access: system,
    body: z.strictObject({ workerId, lockMs }),
    responses: { 200: 'the new end of the lock', ...taskResponses },
    async handler({ params, body, actor, govflow }) {
      return { body: await govflow.externalTasks.extendLock(params.id, body.workerId, body.lockMs, actor) };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/external-tasks/{id}/unlock',
    summary: 'The worker gives the task back before its lock ends, so another may fetch it at once',
    tag: 'external-tasks',
    access: system,
    body: z.strictObject({ workerId }),
    responses: { 200: 'unlocked (or its lock had ended already)', ...taskResponses },
    async handler({ params, body, actor, govflow }) {
      return { body: await govflow.externalTasks.unlock(params.id, body.workerId, actor) };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/external-tasks',
    summary: 'External tasks of a topic (or every topic), open, completed or cancelled, oldest first: who holds them, retries, the last failure',
    tag: 'external-tasks',
    access: watchers,
    query: z.strictObject({ topic: topicName.optional(), status: z.enum(['open', 'completed', 'cancelled']).default('open'), ...pageQuery }),
    responses: { 200: '{items, total}: a page of external tasks' },
    async handler({ query, actor, govflow }) {
      const { topic, status, limit, offset } = query;
      return { body: await govflow.externalTasks.list({ topic, status }, { limit, offset }, actor) };
    },
  }),
];
