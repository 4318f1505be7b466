import { createHmac } from 'node:crypto';

/**
 * The `X-Govflow-Signature` of a delivery: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">`
 * under the webhook's secret. The receiver recomputes it over the raw body and refuses an old
 * `t`, so a captured delivery cannot be replayed later or altered.
 */
export function signatureHeader(secret: string, body: string, at: Date): string {
  const seconds = Math.floor(at.getTime() / 1000);
  return `t=${seconds},v1=${createHmac('sha256', secret).update(`${seconds}.${body}`).digest('hex')}`;
}
