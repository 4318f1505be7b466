import { z } from 'zod';
import { InvalidInputError } from '../../engine';
import { unitCodePattern } from '../../engine/org';
import { defineRoute } from '../http/route';

/** The unit a save is for; by default the process's own, else the designer's. */
const unitQuery = z.strictObject({ unit: z.string().regex(unitCodePattern, 'a unit code such as east-market-bureau').optional() });

export const definitionRoutes = [
  defineRoute({
    method: 'post',
    path: '/definitions',
    summary: "Deploy a BPMN model for a unit of the caller's jurisdiction: new content becomes the next version, identical content keeps its version",
    tag: 'designer',
    access: ['designer', 'admin'],
    query: unitQuery,
    body: z.string().min(1, 'the body is empty: send BPMN 2.0 XML'),
    bodyType: 'application/xml',
    responses: { 201: 'deployed as a new version', 200: 'identical to the latest version', 403: "the unit is outside the caller's jurisdiction", 404: "the process belongs to a unit outside the caller's jurisdiction", 413: 'the model is larger than 2 MB', 422: 'the model does not parse, breaks lint rules or passes a limit of its size, or no such unit', 503: 'the model checks are all taken: deploy again after Retry-After' },
    async handler({ query, body, actor, govflow }) {
      const outcome = await govflow.definitions.deploy(body, actor, query.unit);
      return { status: outcome.created ? 201 : 200, body: outcome };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/definitions',
    summary: "List the deployed processes of the caller's jurisdiction with their latest version and unit",
    tag: 'designer',
    access: ['designer', 'clerk', 'leader', 'admin'],
    responses: { 200: 'the processes' },
    async handler({ actor, govflow }) {
      const items = await govflow.definitions.list(actor);
      return { body: { items, total: items.length } };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/definitions/{key}',
    summary: 'A process: its versions and the latest XML',
    tag: 'designer',
    access: ['designer', 'clerk', 'leader', 'admin'],
    responses: { 200: 'the process', 404: "no such process in the caller's jurisdiction" },
    async handler({ params, actor, govflow }) {
      return { body: await govflow.definitions.get(params.key, actor) };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/definitions/{key}/versions/{version}',
    summary: 'One deployed version of a process, with its XML',
    tag: 'designer',
    access: ['designer', 'clerk', 'leader', 'admin'],
    responses: { 200: 'the version', 404: 'no such process or version' },
    async handler({ params, actor, govflow }) {
      const version = Number(params.version);
      if (!Number.isInteger(version) || version < 1) throw new InvalidInputError('the version must be a whole number from 1', [{ path: 'version', message: 'a whole number from 1' }]);
      return { body: await govflow.definitions.version(params.key, version, actor) };
    },
  }),
  defineRoute({
    method: 'put',
    path: '/definitions/{key}/draft',
    summary: 'Save a draft of a process model without deploying it (the next save replaces it)',
    tag: 'designer',
    access: ['designer', 'admin'],
    body: z.string().min(1, 'the body is empty: send BPMN 2.0 XML'),
    query: unitQuery,
    bodyType: 'application/xml',
    responses: { 200: 'saved', 403: "the unit is outside the caller's jurisdiction", 404: "the process belongs to a unit outside the caller's jurisdiction", 422: 'an invalid key or no such unit' },
    async handler({ params, query, body, actor, govflow }) {
      if (!/^[A-Za-z_][\w.-]{0,99}$/.test(params.key)) throw new InvalidInputError('the process key is invalid', [{ path: 'key', message: 'letters, digits, _ . - and at most 100 characters' }]);
      return { body: await govflow.definitions.saveDraft(params.key, body, actor, query.unit) };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/drafts',
    summary: "The saved drafts of the caller's jurisdiction, newest first, without their XML (also of processes not deployed yet)",
    tag: 'designer',
    access: ['designer', 'admin'],
    responses: { 200: 'the drafts' },
    async handler({ actor, govflow }) {
      const items = await govflow.definitions.listDrafts(actor);
      return { body: { items, total: items.length } };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/definitions/{key}/draft',
    summary: 'The saved draft of a process model',
    tag: 'designer',
    access: ['designer', 'admin'],
    responses: { 200: 'the draft', 404: "no draft saved in the caller's jurisdiction" },
    async handler({ params, actor, govflow }) {
      return { body: await govflow.definitions.getDraft(params.key, actor) };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/directory',
    summary: 'Departments, candidate groups (role@department) and roles in use, for pickers in the modeler',
    tag: 'designer',
    access: ['designer', 'admin', 'clerk', 'leader', 'supervisor'],
    responses: { 200: 'the directory' },
    async handler({ govflow }) {
      return { body: await govflow.definitions.directory() };
    },
  }),
];
