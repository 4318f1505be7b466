import { METHODS } from 'node:http';
import { bodyParser } from '@koa/bodyparser';
import { Router } from '@koa/router';
import Koa from 'koa';
import serve from 'koa-static';
import type { Govflow } from '../engine';
import { createAuthServices, type AuthOptions } from './auth/auth-services';
import { authenticate } from './auth/authenticate';
import { problemResponses } from './http/problem';
import { routeMiddleware } from './http/route';
import { securityHeaders } from './http/security-headers';
import { xmlBody } from './http/xml-body';
import { openApiDocument } from './openapi';
import { apiRoutes, healthz, readyz } from './routes';

export interface ApiOptions extends AuthOptions {
  /** Largest JSON body; default 256 KB. */
  jsonLimit?: string;
  /** Largest BPMN XML body; default 2 MB. */
  xmlLimit?: string;
  /** The built web pages served at `/` (modeler/dist); none when absent. */
  webRoot?: string;
}

/** The Koa application: /healthz, /readyz, the /api routes (every error as problem+json) and the web pages at `/`. */
export function createApp(govflow: Govflow, options: ApiOptions): Koa {
  const auth = createAuthServices(govflow, options);
  const app = new Koa({ proxy: false });
  app.silent = true;
  // every method Node parses counts as known, so a path's other methods (TRACE too) answer 405 with Allow, never 501
  const router = new Router({ methods: [...METHODS] });
  router.get('/healthz', healthz);
  router.get('/readyz', readyz(govflow));
  const document = openApiDocument(apiRoutes, process.env.npm_package_version ?? '0.1.0');
  router.get('/api/openapi.json', (ctx) => {
    ctx.body = document;
  });
  for (const route of apiRoutes) {
    const path = `/api${route.path.replace(/\{(\w+)\}/g, ':$1')}`;
    router[route.method](path, routeMiddleware(route, govflow, auth));
  }
  app.use(securityHeaders());
  app.use(problemResponses(govflow.log));
  app.use(xmlBody(options.xmlLimit ?? '2mb'));
  app.use(
    bodyParser({
      enableTypes: ['json', 'xml'],
      jsonLimit: options.jsonLimit ?? '256kb',
      xmlLimit: options.xmlLimit ?? '2mb',
      encoding: 'utf-8',
    }),
  );
  app.use(authenticate(auth));
  app.use(router.routes());
  app.use(router.allowedMethods({ throw: false }));
  if (options.webRoot) app.use(serve(options.webRoot, { index: 'index.html', maxage: 60_000 }));
  return app;
}
