import { z } from 'zod';
import { defineRoute } from '../http/route';
import { attachments } from '../http/schemas';

const staff = ['clerk', 'leader'] as const;
const reason = z.string().trim().min(2, 'give the reason').max(2000);

export const clockRoutes = [
  defineRoute({
    method: 'post',
    path: '/cases/{id}/clock/pause',
    summary: "Pause the case's clocks (时限中止): a special procedure (Licensing Law §45) or waiting for the applicant's supplement",
    tag: 'clocks',
    access: staff,
    body: z.strictObject({ kind: z.enum(['special-procedure', 'supplement']), reason }),
    responses: { 200: 'paused', 403: 'not a handler of the case', 404: 'no such case', 409: 'already paused, no clock, or the case has ended' },
    async handler({ params, body, actor, govflow }) {
      return { body: await govflow.cases.pauseClock(params.id, body.kind, body.reason, actor) };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/cases/{id}/clock/resume',
    summary: "Let the case's clocks run again; due times move back by the paused time",
    tag: 'clocks',
    access: staff,
    body: z.strictObject({ note: z.string().max(2000).optional() }),
    responses: { 200: 'running again', 403: 'not a handler of the case', 404: 'no such case', 409: 'not paused' },
    async handler({ params, body, actor, govflow }) {
      return { body: await govflow.cases.resumeClock(params.id, body.note, actor) };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/cases/{id}/clock/extend',
    summary: 'Extend the case limit (e.g. +10WD, Licensing Law §42): leaders only, with a reason',
    tag: 'clocks',
    access: ['leader'],
    body: z.strictObject({ extension: z.string().max(10), reason }),
    responses: { 200: 'the extended clock', 404: 'no such case', 409: 'the clock has not started or the case has ended', 422: 'the extension is not in the unit of the limit' },
    async handler({ params, body, actor, govflow }) {
      return { body: await govflow.cases.extendClock(params.id, body.extension, body.reason, actor) };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/cases/{id}/supplement',
    summary: 'The applicant hands in supplementary materials (补正): the waiting case receives them, its clocks run again',
    tag: 'applicant',
    access: ['applicant'],
    body: z.strictObject({ note: z.string().max(2000).optional(), attachments: attachments.optional() }),
    responses: { 200: 'the case received the supplement', 404: 'no such case', 409: 'the case is not waiting for a supplement', 422: 'the materials are not those the 补正 asks for, or an attachment is not a file the caller uploaded; nothing was handed in' },
    async handler({ params, body, actor, govflow }) {
      return { body: await govflow.cases.supplement(params.id, body, actor) };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/cases/{id}/deferred-materials',
    summary: 'The applicant hands in the materials 容缺受理 accepted the application without, within their limit; the decision waits for them',
    tag: 'applicant',
    access: ['applicant'],
    body: z.strictObject({ note: z.string().max(2000).optional(), attachments }),
    responses: { 200: 'handed in', 404: 'no such case', 409: 'the case waits for no such materials, or has ended', 422: 'the materials are not exactly those deferred, or an attachment is not a file the caller uploaded; nothing was handed in' },
    async handler({ params, body, actor, govflow }) {
      return { body: await govflow.cases.handInDeferred(params.id, body, actor) };
    },
  }),
];
