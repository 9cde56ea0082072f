/**
 * The reporter's link to their case's public page (`<PUBLIC_BASE_URL>/r/<token>`), where they
 * follow it, answer the satisfaction question at its close and opt out of updates. The token is the
 * case id with an HMAC of it under a key derived from the contact key (HKDF), so it needs no table
 * and cannot be made for another case; it names no one.
 */
import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';

const linkKeys = new WeakMap<Buffer, Buffer>();

function linkKey(contactKey: Buffer): Buffer {
  let key = linkKeys.get(contactKey);
  if (key === undefined) {
    key = Buffer.from(hkdfSync('sha256', contactKey, Buffer.alloc(0), 'urbangrid reporter links', 32));
    linkKeys.set(contactKey, key);
  }
  return key;
}

const mac = (contactKey: Buffer, caseId: string) =>
  createHmac('sha256', linkKey(contactKey)).update(caseId).digest().subarray(0, 16);

export function reporterLinkToken(contactKey: Buffer, caseId: string): string {
  return `${Buffer.from(caseId, 'utf8').toString('base64url')}.${mac(contactKey, caseId).toString('base64url')}`;
}

/** The case a token was made for; null when it was not made with this key (or was altered). */
export function caseOfReporterToken(contactKey: Buffer, token: string): string | null {
  const [id, signature, ...rest] = token.split('.');
  if (id === undefined || signature === undefined || rest.length > 0) return null;
  const caseId = Buffer.from(id, 'base64url').toString('utf8');
  const given = Buffer.from(signature, 'base64url');
  const expected = mac(contactKey, caseId);
  return given.length === expected.length && timingSafeEqual(given, expected) ? caseId : null;
}

/** The public page of the case the reporter is sent to. */
export function reporterPageUrl(publicBaseUrl: string, contactKey: Buffer, caseId: string): string {
  return `${publicBaseUrl.replace(/\/+$/, '')}/r/${reporterLinkToken(contactKey, caseId)}`;
}
