import { defineRoute } from '../http/route';

const auditors = ['supervisor', 'admin'] as const;

export const auditRoutes = [
  defineRoute({
    method: 'get',
    path: '/cases/{id}/audit',
    summary: "A case's audit log in order",
    tag: 'supervision',
    access: auditors,
    responses: { 200: 'the entries', 404: 'no such case within your jurisdiction' },
    async handler({ params, actor, govflow }) {
      await govflow.cases.readable(params.id, actor);
      const entries = await govflow.cases.auditEntries(params.id);
      return { body: { items: entries.map(({ _id, ...entry }) => entry), total: entries.length } };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/cases/{id}/audit/verify',
    summary: "Verify a case's hash chain: any changed, removed or reordered entry shows",
    tag: 'supervision',
    access: auditors,
    responses: { 200: '{ok, entries} and the first problem when not ok', 404: 'no such case within your jurisdiction' },
    async handler({ params, actor, govflow }) {
      await govflow.cases.readable(params.id, actor);
      return { body: await govflow.cases.verifyAudit(params.id) };
    },
  }),
];
