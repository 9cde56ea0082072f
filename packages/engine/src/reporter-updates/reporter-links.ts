/**
 * The reporter's link to their case's public page (`<PUBLIC_BASE_URL>/r/<token>`), where they
 * follow it, answer the satisfaction question at its close and opt out of updates. The token is the
 * case id (or, for a caller attached to the case, 附加来电, their row's id: their opt-out is their
 * own) and an HMAC of it under a key derived from the contact key (HKDF), so it needs no table and
 * cannot be made for another case or caller; it names no one.
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

const mac = (contactKey: Buffer, subject: string) =>
  createHmac('sha256', linkKey(contactKey)).update(subject).digest().subarray(0, 16);

/** What a token names: a case's reporter, or a caller attached to a case (their row names the case). */
export type ReporterOfToken = { caseId: string; callerId: null } | { caseId: null; callerId: string };

// A caller's token names their row alone, so it stays short enough for a path parameter.
const callerPrefix = 'caller:';

const subjectOf = (caseId: string, callerId?: string | null) =>
  callerId === undefined || callerId === null ? caseId : `${callerPrefix}${callerId}`;

export function reporterLinkToken(contactKey: Buffer, caseId: string, callerId?: string | null): string {
  const subject = subjectOf(caseId, callerId);
  return `${Buffer.from(subject, 'utf8').toString('base64url')}.${mac(contactKey, subject).toString('base64url')}`;
}

/** The reporter or caller a token was made for; null when it was not made with this key (or was altered). */
export function reporterOfToken(contactKey: Buffer, token: string): ReporterOfToken | null {
  const [id, signature, ...rest] = token.split('.');
  if (id === undefined || signature === undefined || rest.length > 0) return null;
  const subject = Buffer.from(id, 'base64url').toString('utf8');
  const given = Buffer.from(signature, 'base64url');
  const expected = mac(contactKey, subject);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return subject.startsWith(callerPrefix)
    ? { caseId: null, callerId: subject.slice(callerPrefix.length) }
    : { caseId: subject, callerId: null };
}

/** The case a token was made for; null when it was not made with this key (or was altered). */
export function caseOfReporterToken(contactKey: Buffer, token: string): string | null {
  return reporterOfToken(contactKey, token)?.caseId ?? null;
}

/** The public page of the case the reporter (or an attached caller, `callerId`) is sent to. */
export function reporterPageUrl(
  publicBaseUrl: string,
  contactKey: Buffer,
  caseId: string,
  callerId?: string | null,
): string {
  return `${publicBaseUrl.replace(/\/+$/, '')}/r/${reporterLinkToken(contactKey, caseId, callerId)}`;
}
