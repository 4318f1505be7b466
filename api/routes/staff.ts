import { z } from 'zod';
import { defineRoute } from '../http/route';
import { pageQuery } from '../http/schemas';

/** The staff address book (通讯录) the pages' pickers search: colleagues by name, username or unit. */
export const staffRoutes = [
  defineRoute({
    method: 'get',
    path: '/directory/staff',
    summary: 'Staff whose name or username contains q, or who work in a unit whose name contains it (with the units under it), by username, a page at a time',
    tag: 'tasks',
    access: ['clerk', 'leader', 'supervisor', 'designer', 'admin'],
    query: z.strictObject({ q: z.string().trim().max(64).optional(), for: z.enum(['tasks', 'copies']).default('copies'), ...pageQuery }),
    responses: { 200: '{items, total}: staff with their names, units and groups; `for=tasks` only those who may take a task (clerks, leaders)' },
    async handler({ query, govflow }) {
      return { body: await govflow.staff.search(query.q || undefined, query.for, { limit: query.limit, offset: query.offset }) };
    },
  }),
];
