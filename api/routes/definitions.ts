import { z } from 'zod';
import { defineRoute } from '../http/route';

export const definitionRoutes = [
  defineRoute({
    method: 'post',
    path: '/definitions',
    summary: 'Deploy a BPMN model: new content becomes the next version, identical content keeps its version',
    tag: 'designer',
    access: ['designer', 'admin'],
    body: z.string().min(1, 'the body is empty: send BPMN 2.0 XML'),
    bodyType: 'application/xml',
    responses: { 201: 'deployed as a new version', 200: 'identical to the latest version', 422: 'the model does not parse or breaks lint rules' },
    async handler({ body, actor, govflow }) {
      const outcome = await govflow.deploy(body, actor);
      return { status: outcome.created ? 201 : 200, body: outcome };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/definitions',
    summary: 'List deployed processes with their latest version',
    tag: 'designer',
    access: ['designer', 'clerk', 'leader', 'admin'],
    responses: { 200: 'the processes' },
    async handler({ govflow }) {
      const items = await govflow.listDefinitions();
      return { body: { items, total: items.length } };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/definitions/{key}',
    summary: 'A process: its versions and the latest XML',
    tag: 'designer',
    access: ['designer', 'clerk', 'leader', 'admin'],
    responses: { 200: 'the process', 404: 'no such process' },
    async handler({ params, govflow }) {
      return { body: await govflow.getDefinition(params.key) };
    },
  }),
];
