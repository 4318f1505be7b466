import type { Route } from '../http/route';

/** The `{name}` parameters of a route's path, in order. */
export function pathParameters(path: string): string[] {
  return [...path.matchAll(/\{(\w+)\}/g)].map(([, name]) => name);
}

/**
 * Every status a route answers, with its description: what the route declares (its successes and
 * the problems of its domain, in its own words) over the problems its shape brings, which
 * routeMiddleware and the body parsers raise for every route alike — so no route can forget one.
 */
export function routeResponses(route: Route): Record<string, string> {
  return { ...shapeProblems(route), ...route.responses };
}

function shapeProblems(route: Route): Record<number, string> {
  const parameters = pathParameters(route.path).length > 0;
  const problems: Record<number, string> = {};
  // a change also reads the Idempotency-Key header, which can be malformed
  if (route.body || route.bodyType || route.query || parameters || route.method !== 'get') problems[400] = 'the request is invalid; `errors` point at each problem (a JSON pointer into the body, or a parameter)';
  if (route.access !== 'public') {
    problems[401] = 'no valid bearer token';
    problems[403] = `only ${route.access.join(', ')} may call this`;
  }
  if (parameters) problems[404] = 'nothing is found at this path, or it is not visible to the caller';
  if (route.body || route.bodyType) {
    problems[413] = 'the body is larger than this endpoint accepts';
    problems[415] = `the body is not ${route.bodyType ?? 'application/json'}`;
  }
  if (route.method !== 'get') problems[409] = 'the Idempotency-Key was used for a different request';
  problems[503] = 'the store or Redis is not answering, or the node is busy; Retry-After says when to try again (`outcome-unknown`: retry with the same Idempotency-Key)';
  return problems;
}
