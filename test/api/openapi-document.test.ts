import { z } from 'zod';
import { startTestApi, type TestApi } from '../support/test-govflow';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- the document is read as plain JSON

/** Every `$ref` in the document, with where it stands. */
function references(value: unknown, at = '#'): Array<{ at: string; ref: string }> {
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, child]) => (key === '$ref' && typeof child === 'string' ? [{ at, ref: child }] : references(child, `${at}/${key}`)));
}

/** Follows a local JSON pointer such as `#/components/schemas/Problem`; undefined when nothing is there. */
function resolve(document: Json, ref: string): unknown {
  if (!ref.startsWith('#/')) return undefined;
  return ref
    .slice(2)
    .split('/')
    .map((segment) => decodeURIComponent(segment).replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>((node, segment) => (node !== null && typeof node === 'object' ? (node as Json)[segment] : undefined), document);
}

describe('the OpenAPI document tells the truth about every operation', () => {
  let api: TestApi;
  let document: Json;
  const operations: Array<{ name: string; operation: Json; path: string }> = [];

  beforeAll(async () => {
    api = await startTestApi();
    document = (await api.call(undefined, 'GET', '/api/openapi.json')).body;
    for (const [path, methods] of Object.entries(document.paths as Json)) {
      for (const [method, operation] of Object.entries(methods as Json)) operations.push({ name: `${method.toUpperCase()} ${path}`, operation, path });
    }
  });
  afterAll(() => api.close());

  it('has every $ref resolve inside the document', () => {
    const refs = references(document);
    expect(refs.length).toBeGreaterThan(operations.length);
    expect(refs.filter(({ ref }) => resolve(document, ref) === undefined)).toEqual([]);
    // zod's own `$defs` stay inside no schema: they would point at the document's root
    expect(JSON.stringify(document)).not.toMatch(/"\$defs"|"\$schema"/);
  });

  it('describes the problem answers as they are sent, `instance` included', async () => {
    const problem = z.fromJSONSchema(document.components.schemas.Problem);
    const answers = await Promise.all([
      api.call(undefined, 'GET', '/api/nothing-here'),
      api.call(undefined, 'GET', '/api/tasks'),
      api.call('applicant', 'GET', '/api/tasks'),
      api.call('applicant', 'POST', '/api/cases', { processKey: 'general-approval', title: '' }),
      api.call('designer', 'POST', '/api/definitions', { xml: '<x/>' }),
      api.call('clerk', 'DELETE', '/api/tasks'),
    ]);
    expect(answers.map(({ status }) => status)).toEqual([404, 401, 403, 400, 415, 405]);
    for (const answer of answers) {
      expect(answer.body.instance).toMatch(/^\/api\//);
      expect(problem.safeParse(answer.body)).toMatchObject({ success: true });
    }
    // the schema is closed: a field the server never sends is a mismatch, not a silent pass
    expect(problem.safeParse({ ...answers[0].body, stack: 'at x' }).success).toBe(false);
  });

  it('documents the problems each operation can answer by its shape', () => {
    const missing: string[] = [];
    for (const { name, operation, path } of operations) {
      const parameters = (operation.parameters ?? []) as Json[];
      const expected: string[] = [];
      if (operation.requestBody || parameters.length > 0) expected.push('400');
      if (operation.security.length > 0) expected.push('401', '403');
      if (path.includes('{')) expected.push('404');
      if (operation.requestBody) expected.push('413', '415');
      for (const status of expected) if (!operation.responses[status]) missing.push(`${name} ${status}`);
      for (const [status, response] of Object.entries(operation.responses as Json)) {
        if (Number(status) >= 400 && response.content?.['application/problem+json']?.schema?.$ref !== '#/components/schemas/Problem') missing.push(`${name} ${status} as problem+json`);
      }
    }
    expect(missing).toEqual([]);
    expect(operations.find(({ name }) => name === 'POST /auth/token')?.operation.responses).not.toHaveProperty('403');
  });
});
