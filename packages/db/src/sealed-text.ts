/**
 * Values kept only sealed at rest (AES-256-GCM): reporters' phone numbers (PHONE_ENCRYPTION_KEY)
 * and webhook subscriptions' signing secrets (a key derived from WEBHOOK_SECRET). Sealed as
 * `v1.<iv>.<tag>.<ciphertext>` (base64url) with a fresh IV each time, so equal values do not look
 * equal; opening checks the tag, so an altered value or another key throws.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

const version = 'v1';
const ivBytes = 12;
const tagBytes = 16;

function checkKey(key: Buffer): void {
  if (key.length !== 32) throw new Error('a sealing key must be 32 bytes');
}

export function sealText(key: Buffer, text: string): string {
  checkKey(key);
  const iv = randomBytes(ivBytes);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const ciphertext = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [version, iv, tag, ciphertext]
    .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
    .join('.');
}

/** The text; throws `what` when the value was not sealed with this key or was altered. */
export function openSealedText(key: Buffer, sealed: string, what = 'not a sealed value'): string {
  checkKey(key);
  const [v, iv, tag, ciphertext, ...rest] = sealed.split('.');
  if (v !== version || iv === undefined || tag === undefined || ciphertext === undefined || rest.length > 0) {
    throw new Error(what);
  }
  const ivBuffer = Buffer.from(iv, 'base64url');
  const tagBuffer = Buffer.from(tag, 'base64url');
  if (ivBuffer.length !== ivBytes || tagBuffer.length !== tagBytes) throw new Error(what);
  const decipher = createDecipheriv('aes-256-gcm', key, ivBuffer);
  decipher.setAuthTag(tagBuffer);
  return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString(
    'utf8',
  );
}

/** The key that seals webhook secrets, derived from WEBHOOK_SECRET (HKDF-SHA256). */
export function webhookSealingKey(webhookSecret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', webhookSecret, 'urbangrid', 'webhook subscription secrets', 32));
}
