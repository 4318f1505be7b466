import { z } from 'zod';
import { unitCodePattern } from '../../engine/org';
import { defineRoute } from '../http/route';

const designers = ['designer', 'admin'] as const;

/** Templates (标准事项): published by a unit, adopted and narrowed by the units under it, compared by the publisher. */
export const templateRoutes = [
  defineRoute({
    method: 'get',
    path: '/templates',
    summary: 'The published templates, with their limits and the groups an adopting unit may staff with its own',
    tag: 'designer',
    access: [...designers, 'supervisor'],
    responses: { 200: '{items, total}: the templates' },
    async handler({ govflow }) {
      const items = await govflow.templates.list();
      return { body: { items, total: items.length } };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/templates',
    summary: "Publish the newest version of a process of the caller's jurisdiction as a template for the units under its own",
    tag: 'designer',
    access: designers,
    body: z.strictObject({ processKey: z.string().min(1).max(100) }),
    responses: { 200: 'the template', 404: "no such process in the caller's jurisdiction" },
    async handler({ body, actor, govflow }) {
      return { body: await govflow.templates.publish(body.processKey, actor) };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/templates/{key}/adopt',
    summary: 'Adopt a template as a process of a unit under its publisher: its own key <template>.<unit>, optionally a shorter promised limit and its own groups',
    tag: 'designer',
    access: designers,
    body: z.strictObject({
      unit: z.string().regex(unitCodePattern, 'a unit code').optional(),
      promisedLimit: z.string().min(1).max(16).optional(),
      groups: z.record(z.string().max(128), z.string().max(128)).optional(),
    }),
    responses: { 201: 'deployed as a new version of the unit’s process', 200: 'identical to its newest version', 403: "the unit is outside the caller's jurisdiction", 404: 'no such template', 422: 'a unit not under the publisher, a limit longer than the template’s or the statutory one, or a group of another unit' },
    async handler({ params, body, actor, govflow }) {
      const outcome = await govflow.templates.adopt(params.key, body, actor);
      return { status: outcome.created ? 201 : 200, body: outcome };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/templates/{key}/adoptions',
    summary: "The units' copies of a template within the caller's jurisdiction: which template version each runs, and its limits and groups beside the template's",
    tag: 'designer',
    access: [...designers, 'supervisor'],
    responses: { 200: '{items, total}: the adoptions', 404: 'no such template' },
    async handler({ params, actor, govflow }) {
      const items = await govflow.templates.adoptions(params.key, actor);
      return { body: { items, total: items.length } };
    },
  }),
];
