import type { Context } from 'koa';
import { z } from 'zod';
import { InvalidInputError, requestKey, UnsupportedMediaTypeError, withRequestKey, type Actor, type Govflow, type Role } from '../../engine';
import { requireActor } from '../auth/authenticate';
import type { AuthServices } from '../auth/auth-services';
import { idempotencyKeyOf } from './idempotency-key';
import { assertStorableJson, assertStorableParameters } from './json-shape';

/** What a handler gets: the validated input and the services it dispatches to. */
export interface RouteInput<Body, Query> {
  actor: Actor;
  body: Body;
  query: Query;
  params: Record<string, string>;
  ctx: Context;
  govflow: Govflow;
  auth: AuthServices;
  /** The request's Idempotency-Key, on state-changing operations. */
  idempotencyKey?: string;
}

export interface RouteAnswer {
  status?: number;
  body: unknown;
  type?: string;
  headers?: Record<string, string>;
}

/**
 * One API operation: its path in OpenAPI form, who may call it, its schemas and its handler.
 * The router and /api/openapi.json are both built from these, so the document cannot drift.
 */
export interface Route<Body = unknown, Query = unknown> {
  method: 'get' | 'post' | 'put';
  path: string;
  summary: string;
  tag: string;
  /** Roles allowed to call; `public` needs no token. */
  access: readonly Role[] | 'public';
  body?: z.ZodType<Body>;
  /** Media type of the body; default application/json. A multipart body is left unread for the handler to stream. */
  bodyType?: 'application/json' | 'application/xml' | 'multipart/form-data';
  query?: z.ZodType<Query>;
  responses: Record<number, string>;
  handler(input: RouteInput<Body, Query>): Promise<RouteAnswer>;
}

/** Keeps each route's Body and Query types tied to its schemas. */
export function defineRoute<Body = undefined, Query = undefined>(route: Route<Body, Query>): Route<Body, Query> {
  return route;
}

const anonymous: Actor = { username: 'anonymous', roles: [], department: null, groups: [] };

/** Turns a route into Koa middleware: authorise, validate, call (with its Idempotency-Key in scope), answer. */
export function routeMiddleware(route: Route, govflow: Govflow, auth: AuthServices) {
  return async (ctx: Context & { params: Record<string, string> }): Promise<void> => {
    const actor = route.access === 'public' ? ((ctx.state.actor as Actor | undefined) ?? anonymous) : requireActor(ctx, route.access);
    assertStorableParameters(ctx.params);
    assertStorableParameters(ctx.query);
    if (route.bodyType === 'multipart/form-data' && !ctx.is('multipart/form-data')) throw new UnsupportedMediaTypeError('send the body as multipart/form-data');
    const body = route.body ? parseBody(route, ctx) : undefined;
    const query = route.query ? validate(route.query, ctx.query, 'query') : undefined;
    const idempotencyKey = route.method === 'get' ? undefined : idempotencyKeyOf(ctx);
    const key = idempotencyKey === undefined ? undefined : requestKey(actor.username, idempotencyKey, { method: route.method, path: ctx.path, body });
    const answer = await withRequestKey(key, () => route.handler({ actor, body, query, params: ctx.params, ctx, govflow, auth, idempotencyKey }));
    ctx.status = answer.status ?? 200;
    if (answer.headers) ctx.set(answer.headers);
    if (answer.type) ctx.type = answer.type;
    ctx.body = answer.body;
  };
}

function parseBody(route: Route, ctx: Context): unknown {
  const expected = route.bodyType ?? 'application/json';
  const accepted = expected === 'application/xml' ? ['application/xml', 'text/xml', 'application/bpmn+xml'] : ['application/json'];
  if (!ctx.is(accepted)) {
    throw new UnsupportedMediaTypeError(`send the body as ${accepted.join(' or ')}`);
  }
  const body = (ctx.request as unknown as { body: unknown }).body;
  assertStorableJson(body);
  return validate(route.body as z.ZodType, body, 'body');
}

/** Validates with zod and reports every problem with a JSON pointer (body) or parameter name (query). */
export function validate<T>(schema: z.ZodType<T>, value: unknown, where: 'body' | 'query'): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const details = result.error.issues.map((issue) => ({
    path: where === 'body' ? `/${issue.path.join('/')}` : issue.path.join('.') || where,
    message: issue.message,
    ...issueReason(issue),
  }));
  throw new InvalidInputError(`the request ${where} is invalid`, details);
}

/**
 * A zod issue's stable reason (`invalid.too_small` …) and the bounds it names, so a page says
 * "至少 2 个字" whatever zod's English; a refinement's own message has no reason and is shown as it is.
 */
function issueReason(issue: z.core.$ZodIssue): { reason?: string; params?: Record<string, string | number> } {
  if (issue.code === 'custom') return {};
  const params: Record<string, string | number> = {};
  for (const name of ['minimum', 'maximum', 'expected', 'format', 'origin'] as const) {
    const value = (issue as unknown as Record<string, unknown>)[name];
    if (typeof value === 'string' || typeof value === 'number') params[name] = value;
    if (typeof value === 'bigint') params[name] = Number(value);
  }
  if (issue.code === 'invalid_value') params.values = issue.values.map(String).join('、');
  if (issue.code === 'unrecognized_keys') params.keys = issue.keys.join('、');
  return { reason: `invalid.${issue.code}`, params };
}
