/**
 * Reporters' phone numbers (personal data): stored only encrypted (AES-256-GCM with
 * config.phoneEncryptionKey), shown unmasked only to intake operators who call back, masked
 * ('138****5678') to everyone else, never logged.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { Actor } from '../auth/actor.js';

const version = 'v1';
const ivBytes = 12;
const tagBytes = 16;

function checkKey(key: Buffer): void {
  if (key.length !== 32) throw new Error('the phone encryption key must be 32 bytes');
}

/** `v1.<iv>.<tag>.<ciphertext>` (base64url): a fresh IV each time, so equal numbers do not look equal. */
export function encryptPhone(key: Buffer, phone: string): string {
  checkKey(key);
  const iv = randomBytes(ivBytes);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const ciphertext = Buffer.concat([cipher.update(phone, 'utf8'), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [version, iv, tag, ciphertext]
    .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
    .join('.');
}

/** The phone number; throws when the value was not made with this key or was altered. */
export function decryptPhone(key: Buffer, encrypted: string): string {
  checkKey(key);
  const [v, iv, tag, ciphertext, ...rest] = encrypted.split('.');
  if (v !== version || iv === undefined || tag === undefined || ciphertext === undefined || rest.length > 0) {
    throw new Error('not an encrypted phone number');
  }
  const ivBuffer = Buffer.from(iv, 'base64url');
  const tagBuffer = Buffer.from(tag, 'base64url');
  if (ivBuffer.length !== ivBytes || tagBuffer.length !== tagBytes)
    throw new Error('not an encrypted phone number');
  const decipher = createDecipheriv('aes-256-gcm', key, ivBuffer);
  decipher.setAuthTag(tagBuffer);
  return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString(
    'utf8',
  );
}

/** '13812345678' → '138****5678'; shorter numbers keep less, so at least half is always hidden. */
export function maskPhone(phone: string): string {
  const digits = phone.trim();
  if (digits.length >= 11) return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
  if (digits.length >= 7) return `${digits.slice(0, 2)}****${digits.slice(-2)}`;
  return '****';
}

/** Who may see a reporter's number in full: the intake operators (受理员) who call reporters back. */
export function maySeeFullPhone(actor: Actor): boolean {
  return actor.kind === 'user' && actor.roles.includes('intake_operator');
}

/** The reporter's number as this caller may see it; null when there is none. */
export function phoneFor(actor: Actor, key: Buffer, encrypted: string | null): string | null {
  if (encrypted === null) return null;
  const phone = decryptPhone(key, encrypted);
  return maySeeFullPhone(actor) ? phone : maskPhone(phone);
}
