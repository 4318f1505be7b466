import { z } from 'zod';
import { unitCodePattern, unitKinds, type UnitInput } from '../../engine/org';
import { defineRoute } from '../http/route';

const admins = ['admin'] as const;
const staff = ['admin', 'designer', 'clerk', 'leader', 'supervisor'] as const;
const code = z.string().regex(unitCodePattern, 'letters, digits, dots, dashes or underscores, at most 64');
const kind = z.enum(unitKinds as [UnitInput['kind'], ...UnitInput['kind'][]]);
const unit = z.strictObject({ code, name: z.string().min(1).max(64), kind, parent: code.nullable() });

/**
 * The organisation tree (目录服务): every member of staff reads it (pickers search it by name);
 * administrators change the units of their jurisdiction, one at a time or by importing a file,
 * each change on the unit's own audit chain.
 */
export const orgRoutes = [
  defineRoute({
    method: 'get',
    path: '/org/units',
    summary: 'The units of the organisation tree, parents before children, each with its path of names; `q` searches codes and names',
    tag: 'org',
    access: staff,
    query: z.strictObject({ q: z.string().min(1).max(64).optional() }),
    responses: { 200: '{items, total}: the units' },
    async handler({ query, govflow }) {
      const items = await govflow.org.list(query.q);
      return { body: { items, total: items.length } };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/org/units/{code}',
    summary: 'One unit, with its path of names and its children',
    tag: 'org',
    access: staff,
    responses: { 200: 'the unit', 404: 'no such unit' },
    async handler({ params, govflow }) {
      const found = await govflow.org.get(params.code);
      return { body: { ...found, children: (await govflow.org.tree()).children(params.code) } };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/org/units',
    summary: "Add a unit under one of the caller's jurisdiction (the root, the city, only at the city level)",
    tag: 'org',
    access: admins,
    body: unit,
    responses: { 201: 'the unit', 409: 'created by someone else meanwhile', 422: "a bad code, name or kind, an unknown parent, a unit that exists, or a place outside the caller's jurisdiction" },
    async handler({ body, actor, govflow }) {
      return { status: 201, body: await govflow.org.add(body, actor) };
    },
  }),
  defineRoute({
    method: 'put',
    path: '/org/units/{code}',
    summary: "Set a unit's name, kind and parent: rename it, or move it under another unit; both places within the caller's jurisdiction",
    tag: 'org',
    access: admins,
    body: unit.omit({ code: true }),
    responses: { 200: 'the unit as changed', 404: "no such unit in the caller's jurisdiction", 422: "a bad name or kind, an unknown parent, a move under itself, or a place outside the caller's jurisdiction" },
    async handler({ params, body, actor, govflow }) {
      return { body: await govflow.org.change(params.code, body, actor) };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/org/import',
    summary: 'Bring the tree in line with a list of units (missing ones created, differing ones changed, others left); with dryRun=true only say what would change',
    tag: 'org',
    access: admins,
    query: z.strictObject({ dryRun: z.enum(['true', 'false']).default('false') }),
    body: z.strictObject({ units: z.array(unit).min(1).max(5000) }),
    responses: { 200: '{created, changed, unchanged, dryRun}', 409: 'a unit of the file was created by someone else meanwhile', 422: 'the rows name problems; nothing was imported' },
    async handler({ query, body, actor, govflow }) {
      return { body: await govflow.org.import(body.units, actor, { dryRun: query.dryRun === 'true' }) };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/org/units/{code}/audit',
    summary: "A unit's administration trail in order (created, changed)",
    tag: 'org',
    access: admins,
    responses: { 200: '{items, total}: the entries', 404: "no such unit in the caller's jurisdiction" },
    async handler({ params, actor, govflow }) {
      await govflow.org.assertAdministered(params.code, actor);
      return { body: await govflow.org.trail.answer(params.code) };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/org/units/{code}/audit/verify',
    summary: "Verify a unit's administration hash chain",
    tag: 'org',
    access: admins,
    responses: { 200: '{ok, entries} and the first problem when not ok', 404: "no such unit in the caller's jurisdiction" },
    async handler({ params, actor, govflow }) {
      await govflow.org.assertAdministered(params.code, actor);
      return { body: await govflow.org.trail.verify(params.code) };
    },
  }),
];
