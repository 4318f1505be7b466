import helmet from 'koa-helmet';
import type { Middleware } from 'koa';

/**
 * Security headers on every answer — pages, API JSON and problems alike (issue 11). The pages
 * load only their own bundles (scripts/build-web.ts writes no inline script and the pages bind
 * handlers with addEventListener), so scripts are 'self' only and script attributes none.
 * Measured in Chromium (test/browser/content-security-policy.test.ts): the modeler's diagram-js
 * writes style="…" attributes, so style attributes — and only they — allow 'unsafe-inline'
 * (they cannot run script; style elements and sheets stay 'self'); bpmn-js's CSS embeds its
 * icon font as data:, so fonts and images allow data:. Nothing may frame the pages.
 */
export function securityHeaders(): Middleware {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        scriptSrcAttr: ["'none'"],
        styleSrc: ["'self'"],
        styleSrcElem: ["'self'"],
        styleSrcAttr: ["'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
  });
}
