import { z } from 'zod';
import { defineRoute } from '../http/route';
import { variableName, variables } from '../http/schemas';

const correlationValue = z.union([z.string().max(500), z.number(), z.boolean()]);

/**
 * Messages from staff and other departments' systems: the one running case waiting for the
 * message gets it, or every process that starts on it gets a new case. A machine client sends
 * only messages its topics name.
 */
export const messageRoutes = [
  defineRoute({
    method: 'post',
    path: '/messages',
    summary: 'Send a message: delivered to the one running case waiting for it (found by name, businessKey — a receipt number or a message start’s key — and correlationKeys), else starting a case of every process whose start event takes it',
    tag: 'messages',
    access: ['clerk', 'leader', 'admin', 'system'],
    body: z.strictObject({
      name: z.string().trim().min(1).max(128),
      businessKey: z.string().trim().min(1).max(128).optional(),
      correlationKeys: z.record(variableName, correlationValue).refine((keys) => Object.keys(keys).length <= 20, 'at most 20 keys').optional(),
      data: variables.optional(),
    }),
    responses: {
      200: 'where the message went: the case it was delivered to, or the cases it started',
      403: 'a client whose topics do not name the message, or staff of another department',
      409: 'no case waits for it and no process starts on it, or several waiting cases match: the detail names them',
    },
    async handler({ body, actor, govflow }) {
      return { body: await govflow.messages.send({ name: body.name, businessKey: body.businessKey, correlationKeys: body.correlationKeys, variables: body.data ?? {} }, actor) };
    },
  }),
];
