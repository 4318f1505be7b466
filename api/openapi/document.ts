import type { Route } from '../http/route';
import { problem } from '../http/schemas';
import { pathParameters, routeResponses } from './route-responses';
import { SchemaComponents, type JsonSchema } from './schema-components';

/** Builds /api/openapi.json from the route table, so the document always matches what is served. */
export function openApiDocument(routes: readonly Route[], version: string): Record<string, unknown> {
  const components = new SchemaComponents();
  const problemRef = components.named('Problem', problem);
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    paths[route.path] ??= {};
    paths[route.path][route.method] = operation(route, components, problemRef);
  }
  return {
    openapi: '3.1.0',
    info: { title: 'govflow API', version, description: 'Government approvals, enforcement and e-supervision on BPMN.' },
    servers: [{ url: '/api' }],
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
        // the web app's session (POST /auth/token with session "cookie"); state changes also need X-CSRF-Token
        cookie: { type: 'apiKey', in: 'cookie', name: 'govflow_access' },
      },
      schemas: components.schemas,
    },
    paths,
  };
}

/** Every state-changing operation takes one (http/idempotency-key.ts); case and task commands act once per key. */
const idempotencyKeyParameter = {
  name: 'Idempotency-Key',
  in: 'header',
  required: false,
  description: 'makes a retry of this request act once: the same key answers as the first request did',
  schema: { type: 'string', pattern: '^[\\x21-\\x7e]{1,128}$' },
};

const retryAfterHeader = { 'Retry-After': { description: 'seconds after which to try again', schema: { type: 'integer' } } };

/** One file part, as POST /files takes it. */
const filePart = { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } };

function requestBody(route: Route, components: SchemaComponents): Record<string, unknown> {
  if (route.bodyType === 'multipart/form-data') return { requestBody: { required: true, content: { 'multipart/form-data': { schema: filePart } } } };
  return route.body ? { requestBody: { required: true, content: { [route.bodyType ?? 'application/json']: { schema: components.of(route.body) } } } } : {};
}

function operation(route: Route, components: SchemaComponents, problemRef: JsonSchema): Record<string, unknown> {
  const parameters: unknown[] = pathParameters(route.path).map((name) => ({ name, in: 'path', required: true, schema: { type: 'string' } }));
  if (route.query) {
    const schema = components.of(route.query) as { properties?: Record<string, unknown>; required?: string[] };
    for (const [name, property] of Object.entries(schema.properties ?? {})) {
      parameters.push({ name, in: 'query', required: schema.required?.includes(name) ?? false, schema: property });
    }
  }
  if (route.method !== 'get') parameters.push(idempotencyKeyParameter);
  return {
    summary: route.summary,
    tags: [route.tag],
    ...(route.access === 'public' ? { security: [] } : { security: [{ bearer: [] }, { cookie: [] }], 'x-roles': route.access }),
    ...(parameters.length > 0 ? { parameters } : {}),
    ...requestBody(route, components),
    responses: Object.fromEntries(
      Object.entries(routeResponses(route)).map(([status, description]) => [
        status,
        Number(status) >= 400 ? { description, ...(status === '429' || status === '503' ? { headers: retryAfterHeader } : {}), content: { 'application/problem+json': { schema: problemRef } } } : { description },
      ]),
    ),
  };
}
