import { bodyParser } from '@koa/bodyparser';
import { Router } from '@koa/router';
import Koa from 'koa';
import serve from 'koa-static';
import type { Govflow } from '../engine';
import { authenticate } from './auth/authenticate';
import { TokenService } from './auth/tokens';
import { problemResponses } from './http/problem';
import { routeMiddleware } from './http/route';
import { securityHeaders } from './http/security-headers';
import { xmlBody } from './http/xml-body';
import { openApiDocument } from './openapi';
import { apiRoutes, healthz, readyz } from './routes';

export interface ApiOptions {
  /** HS256 secret shared by all API nodes (GOVFLOW_JWT_SECRET), at least 32 characters. */
  jwtSecret: string;
  /** Token lifetime; default 8 hours. */
  tokenTtlSeconds?: number;
  /** Largest JSON body; default 256 KB. */
  jsonLimit?: string;
  /** Largest BPMN XML body; default 2 MB. */
  xmlLimit?: string;
  /** The built web pages served at `/` (modeler/dist); none when absent. */
  webRoot?: string;
}

/** The Koa application: /healthz, /readyz, the /api routes (every error as problem+json) and the web pages at `/`. */
export function createApp(govflow: Govflow, options: ApiOptions): Koa {
  const tokens = new TokenService(options.jwtSecret, options.tokenTtlSeconds ?? 8 * 3600);
  const app = new Koa({ proxy: false });
  app.silent = true;
  const router = new Router();
  router.get('/healthz', healthz);
  router.get('/readyz', readyz(govflow));
  const document = openApiDocument(apiRoutes, process.env.npm_package_version ?? '0.1.0');
  router.get('/api/openapi.json', (ctx) => {
    ctx.body = document;
  });
  for (const route of apiRoutes) {
    const path = `/api${route.path.replace(/\{(\w+)\}/g, ':$1')}`;
    router[route.method](path, routeMiddleware(route, govflow, tokens));
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
  app.use(authenticate(tokens));
  app.use(router.routes());
  app.use(router.allowedMethods({ throw: false }));
  if (options.webRoot) app.use(serve(options.webRoot, { index: 'index.html', maxage: 60_000 }));
  return app;
}
