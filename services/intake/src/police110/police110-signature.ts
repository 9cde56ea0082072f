/**
 * The signature of 110's requests: our webhooks' scheme turned round. 110 sends
 * `X-Urbangrid-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">` keyed with the
 * signing secret its key was given; we recompute it over the bytes received, compare in constant
 * time and refuse a `t` more than five minutes from our clock (a captured request replayed).
 */
import { timingSafeEqual } from 'node:crypto';
import { findApiKeySigningSecret, openSealedText, webhookSealingKey } from '@urbangrid/db';
import { signatureToleranceSeconds } from '@urbangrid/domain';
import { signatureHeader, webhookSignature } from '@urbangrid/engine';
import { type Actor, httpError } from '@urbangrid/platform';
import type { FastifyRequest } from 'fastify';

export { signatureHeader };

/** Why a signature is refused, or null when it holds. */
export function signatureProblem(secret: string, header: string, rawBody: string, now: Date): string | null {
  const match = /^t=(\d{1,12}),v1=([0-9a-f]{64})$/.exec(header);
  if (match === null) return `${signatureHeader} is missing or not of the form t=<seconds>,v1=<hex>`;
  const t = Number(match[1]);
  if (Math.abs(now.getTime() / 1000 - t) > signatureToleranceSeconds) {
    return `the signature's time is more than ${signatureToleranceSeconds} s from ours`;
  }
  const expected = Buffer.from(webhookSignature(secret, new Date(t * 1000), rawBody));
  const given = Buffer.from(header);
  return expected.length === given.length && timingSafeEqual(expected, given)
    ? null
    : 'the signature does not match the body';
}

/**
 * 401 UNAUTHENTICATED unless the request carries a valid signature of `rawBody` made with the
 * signing secret of the caller's key (a 110 key; any other key has none).
 */
export async function checkSignedBy(request: FastifyRequest, actor: Actor, rawBody: string): Promise<void> {
  const sealed =
    actor.kind === 'integration' ? await findApiKeySigningSecret(request.server.db, actor.keyId) : null;
  if (sealed === null) throw httpError('UNAUTHENTICATED', 'this API key signs no requests: a 110 key does');
  const secret = openSealedText(
    webhookSealingKey(request.server.config.webhookSecret),
    sealed,
    'not a sealed signing secret',
  );
  const header = request.headers[signatureHeader];
  const problem = signatureProblem(secret, typeof header === 'string' ? header : '', rawBody, new Date());
  if (problem !== null) throw httpError('UNAUTHENTICATED', problem);
}
