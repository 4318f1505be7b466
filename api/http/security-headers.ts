import helmet from 'koa-helmet';
import type { Middleware } from 'koa';

/**
 * Security headers on every answer — pages, API JSON and problems alike (issue 11). The pages
 * load only their own bundles (scripts/build-web.ts writes no inline script or handler), so
 * scripts are 'self' only. Styles also allow 'unsafe-inline' for attributes alone: diagram-js
 * and bpmn-js write style="…" on the canvas and its SVG (through innerHTML templates and
 * setAttribute, which CSP governs), and the pages draw nothing else inline; style elements stay
 * 'self'. Images allow data: for the icons bpmn-js's CSS embeds. Nothing may frame the pages.
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
        fontSrc: ["'self'"],
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
