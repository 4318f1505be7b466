import type { Context } from 'koa';
import type { Govflow } from '../../engine';

/** GET /healthz: the process serves. Cheap, for load balancers and `npm start` scripts. */
export function healthz(ctx: Context): void {
  ctx.body = { status: 'ok' };
}

/** GET /readyz: MongoDB and Redis both answer; 503 otherwise. */
export function readyz(govflow: Govflow) {
  return async (ctx: Context): Promise<void> => {
    const checks = await govflow.ready();
    const ready = checks.mongodb && checks.redis;
    ctx.status = ready ? 200 : 503;
    ctx.body = { status: ready ? 'ready' : 'not ready', checks };
  };
}
