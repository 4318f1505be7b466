import { z } from 'zod';
import { defineRoute } from '../http/route';
import { pageQuery } from '../http/schemas';

export const serviceRoutes = [
  defineRoute({
    method: 'get',
    path: '/services',
    summary: 'The online hall’s catalogue (办事指南): public services whose name, code or unit contains q, or of a unit and those under it; by name',
    tag: 'public',
    access: 'public',
    query: z.strictObject({ q: z.string().trim().max(100).optional(), unit: z.string().max(64).optional(), ...pageQuery }),
    responses: { 200: '{items, total}: a page of the services, each with its materials, limits and form' },
    async handler({ query, govflow }) {
      return { body: await govflow.services.list({ search: query.q || undefined, unit: query.unit }, { limit: query.limit, offset: query.offset }) };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/services/{key}',
    summary: 'One public service’s guide: department, legal basis, conditions, materials, fees, limits, where to collect the result, and the application form',
    tag: 'public',
    access: 'public',
    responses: { 200: 'the service guide', 404: 'no public service of this key' },
    async handler({ params, govflow }) {
      return { body: await govflow.services.get(params.key) };
    },
  }),
];
