/**
 * The signature of a webhook delivery, in the manner of Stripe's: the header
 * `X-Urbangrid-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>" keyed with the
 * subscription's secret>`. A receiver recomputes it over the body bytes it received, compares in
 * constant time and refuses a `t` too far from its clock (a replayed capture). README: Webhooks.
 */
import { createHmac } from 'node:crypto';

export const signatureHeader = 'x-urbangrid-signature';

/** The header's value for `rawBody` sent at `at`. */
export function webhookSignature(secret: string, at: Date, rawBody: string): string {
  const t = Math.floor(at.getTime() / 1000);
  const v1 = createHmac('sha256', secret).update(`${t}.${rawBody}`).digest('hex');
  return `t=${t},v1=${v1}`;
}
