import { z } from 'zod';
import { figuresCsv, figuresOfCases } from '../../engine/supervision';
import { defineRoute } from '../http/route';
import { pageQuery } from '../http/schemas';

const watchers = ['supervisor', 'admin', 'clerk', 'leader'] as const;

const yesOrNo = z.enum(['true', 'false']);
/** How long the department has to reply, as a process limit is written (5WD, 10D, 48H). */
const replyLimit = z.string().max(10).default('5WD');
const reissueBody = z.strictObject({ reason: z.string().trim().min(2, 'say what the department must answer now').max(4000), replyLimit });

const alertFilter = z.strictObject({
  level: z.enum(['yellow', 'red']).optional(),
  kind: z.enum(['case', 'step', 'notice', 'compliance']).optional(),
  department: z.string().max(100).optional(),
  process: z.string().max(200).optional(),
  status: z.enum(['open', 'resolved', 'closed']).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const supervisionRoutes = [
  defineRoute({
    method: 'get',
    path: '/supervision/unstaffed-tasks',
    summary: 'Open tasks nobody in the directory can act on now (their groups held by nobody, their users gone), oldest first',
    tag: 'supervision',
    access: ['supervisor', 'admin'],
    query: z.strictObject(pageQuery),
    responses: { 200: 'a page of tasks' },
    async handler({ query, govflow }) {
      return { body: await govflow.supervision.unstaffedTasks(query) };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/supervision/alerts',
    summary: 'Yellow and red cards, newest first: the office sees all, a department its own',
    tag: 'supervision',
    access: watchers,
    query: alertFilter,
    responses: { 200: 'a page of alerts', 403: 'the caller belongs to no department' },
    async handler({ query, actor, govflow }) {
      const { page, pageSize, from, to, ...filter } = query;
      const { items, total, names } = await govflow.supervision.listAlerts(actor, { ...filter, from: from ? new Date(from) : undefined, to: to ? new Date(to) : undefined }, { page, pageSize });
      return { body: { items, total, page, pageSize, names } };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/supervision/alerts/{id}',
    summary: 'One alert',
    tag: 'supervision',
    access: watchers,
    responses: { 200: 'the alert', 404: 'no such alert, or not visible to the caller' },
    async handler({ params, actor, govflow }) {
      return { body: await govflow.supervision.getAlert(params.id, actor) };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/supervision/alerts/{id}/close',
    summary: 'The supervision office closes an alert after looking into it',
    tag: 'supervision',
    access: ['supervisor'],
    body: z.strictObject({ note: z.string().trim().min(2, 'say how it was handled').max(2000) }),
    responses: { 200: 'the closed alert', 404: 'no such alert', 409: 'already closed' },
    async handler({ params, body, actor, govflow }) {
      return { body: await govflow.supervision.closeAlert(params.id, body.note, actor) };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/supervision/notices',
    summary: 'Send a supervision notice (督办) about a case to a department, with a reply limit (default 5 working days)',
    tag: 'supervision',
    access: ['supervisor'],
    body: z
      .strictObject({
        caseId: z.string().min(1).max(100).optional(),
        receiptNo: z.string().trim().min(1).max(40).optional(),
        department: z.string().regex(/^[a-z0-9][a-z0-9._-]*$/i, 'a department id such as market-bureau'),
        message: z.string().trim().min(2).max(4000),
        replyLimit,
      })
      .refine((body) => (body.caseId === undefined) !== (body.receiptNo === undefined), { path: ['receiptNo'], message: 'name the case by exactly one of caseId and receiptNo (受理编号)' }),
    responses: { 201: 'sent', 404: 'no such case or receipt number' },
    async handler({ body, actor, govflow }) {
      const target = body.receiptNo !== undefined ? { receiptNo: body.receiptNo } : { caseId: body.caseId as string };
      const notice = await govflow.supervision.sendNotice(target, body.department, body.message, body.replyLimit, actor);
      return { status: 201, body: notice };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/supervision/notices',
    summary: 'Supervision notices and their replies: the office sees all, a department the ones sent to it',
    tag: 'supervision',
    access: watchers,
    query: z.strictObject({ awaitingReply: yesOrNo.optional(), awaitingReview: yesOrNo.optional(), ...pageQuery }),
    responses: { 200: '{items, total}: a page of the notices, newest first; `awaitingReview=true` the replies the office has yet to accept or turn back' },
    async handler({ query, actor, govflow }) {
      const flag = (value: 'true' | 'false' | undefined) => (value === undefined ? undefined : value === 'true');
      return { body: await govflow.supervision.listNotices(actor, { awaitingReply: flag(query.awaitingReply), awaitingReview: flag(query.awaitingReview) }, { limit: query.limit, offset: query.offset }) };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/supervision/notices/{id}/reply',
    summary: "The department's written explanation (情况说明); a late reply raises a red card",
    tag: 'supervision',
    access: ['clerk', 'leader'],
    body: z.strictObject({ explanation: z.string().trim().min(2).max(8000) }),
    responses: { 200: 'the answered notice', 403: 'not staff of the department', 404: 'no such notice', 409: 'answered already' },
    async handler({ params, body, actor, govflow }) {
      return { body: await govflow.supervision.replyNotice(params.id, body.explanation, actor) };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/supervision/notices/{id}/accept',
    summary: "认可: the office accepts the department's reply, which ends the notice",
    tag: 'supervision',
    access: ['supervisor'],
    body: z.strictObject({ comment: z.string().trim().min(1).max(2000).optional() }),
    responses: { 200: 'the accepted notice', 403: 'outside the units the office oversees', 404: 'no such notice', 409: 'no reply yet, or the notice was ended already' },
    async handler({ params, body, actor, govflow }) {
      return { body: await govflow.supervision.acceptNoticeReply(params.id, body.comment ?? null, actor) };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/supervision/notices/{id}/reject',
    summary: '退回重新说明: the office turns the reply back and asks again, with a new reply limit; the reply is kept among the earlier rounds',
    tag: 'supervision',
    access: ['supervisor'],
    body: reissueBody,
    responses: { 200: 'the notice, sent again', 403: 'outside the units the office oversees', 404: 'no such notice', 409: 'no reply to turn back, or the notice was ended already' },
    async handler({ params, body, actor, govflow }) {
      return { body: await govflow.supervision.reissueNotice(params.id, { reject: true, ...body }, actor) };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/supervision/notices/{id}/reissue',
    summary: '再次督办: the office sends an unanswered notice again, with a new reply limit',
    tag: 'supervision',
    access: ['supervisor'],
    body: reissueBody,
    responses: { 200: 'the notice, sent again', 403: 'outside the units the office oversees', 404: 'no such notice', 409: 'the notice was answered (accept or turn back the reply), or ended already' },
    async handler({ params, body, actor, govflow }) {
      return { body: await govflow.supervision.reissueNotice(params.id, { reject: false, ...body }, actor) };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/supervision/notices/{id}/close',
    summary: '结束督办: the office ends a notice without more; it takes no reply after that',
    tag: 'supervision',
    access: ['supervisor'],
    body: z.strictObject({ comment: z.string().trim().min(2, 'say why the notice ends').max(2000) }),
    responses: { 200: 'the ended notice', 403: 'outside the units the office oversees', 404: 'no such notice', 409: 'ended already' },
    async handler({ params, body, actor, govflow }) {
      return { body: await govflow.supervision.closeNotice(params.id, body.comment, actor) };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/supervision/figures',
    summary: 'Figures per department, process or unit (each unit with everything under it) for a period, of the caller\'s jurisdiction: received, completed, on-time rate, overdue, average working days, open cards; JSON or CSV (headings in Chinese, or `lang=en`; rates as percentages)',
    tag: 'supervision',
    access: ['supervisor', 'admin'],
    query: z.strictObject({
      groupBy: z.enum(['department', 'process', 'unit']).default('department'),
      from: z.iso.datetime({ offset: true }),
      to: z.iso.datetime({ offset: true }),
      format: z.enum(['json', 'csv']).default('json'),
      lang: z.enum(['zh-CN', 'en']).default('zh-CN'),
    }),
    responses: { 200: 'the figures, a row per group', 400: 'an invalid period' },
    async handler({ query, actor, govflow }) {
      const rows = await govflow.supervision.figures({ groupBy: query.groupBy, from: new Date(query.from), to: new Date(query.to) }, actor);
      if (query.format === 'csv') {
        return { body: figuresCsv(rows, query.lang), type: 'text/csv; charset=utf-8', headers: { 'content-disposition': `attachment; filename="figures-${query.groupBy}.csv"` } };
      }
      return { body: { groupBy: query.groupBy, from: query.from, to: query.to, items: rows } };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/supervision/figures/cases',
    summary: "穿透查询: the cases behind one figure of one row of the figures (received, completed, on time, overdue, open yellow or red cards), of the caller's jurisdiction, newest first; a joint case is listed once",
    tag: 'supervision',
    access: ['supervisor', 'admin'],
    query: z.strictObject({
      groupBy: z.enum(['department', 'process', 'unit']).default('department'),
      group: z.string().min(1).max(200),
      figure: z.enum(figuresOfCases),
      from: z.iso.datetime({ offset: true }),
      to: z.iso.datetime({ offset: true }),
      ...pageQuery,
    }),
    responses: { 200: '{items, total}: a page of the cases', 400: 'an invalid period, or a figure that counts no cases' },
    async handler({ query, actor, govflow }) {
      const { groupBy, group, figure, limit, offset } = query;
      return { body: await govflow.supervision.figureCases({ groupBy, group, figure, from: new Date(query.from), to: new Date(query.to) }, actor, { limit, offset }) };
    },
  }),
];
