/**
 * Reporters' phone numbers (personal data): stored only encrypted (sealed-text.ts, AES-256-GCM with
 * config.phoneEncryptionKey), shown unmasked only to intake operators who call back, masked
 * ('138****5678') to everyone else, never logged.
 */
import { createHmac, hkdfSync } from 'node:crypto';
import { openSealedText, sealText } from '@urbangrid/db';
import type { Actor } from '../auth/actor.js';

/** `v1.<iv>.<tag>.<ciphertext>` (base64url): a fresh IV each time, so equal numbers do not look equal. */
export function encryptPhone(key: Buffer, phone: string): string {
  return sealText(key, phone);
}

/** The phone number; throws when the value was not made with this key or was altered. */
export function decryptPhone(key: Buffer, encrypted: string): string {
  return openSealedText(key, encrypted, 'not an encrypted phone number');
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

/**
 * The number as people write it reduced to its digits: '+86 138-1234-5678' and '13812345678' are
 * one number. Null when fewer than 5 digits remain (not a phone number).
 */
export function normalisePhone(phone: string): string | null {
  let digits = phone.replace(/\D/g, '');
  if (digits.length === 13 && digits.startsWith('86')) digits = digits.slice(2);
  return digits.length >= 5 ? digits : null;
}

const searchKeys = new WeakMap<Buffer, Buffer>();

/**
 * The blind index of a phone number (cases.reporter_phone_hash): an HMAC-SHA256 of the normalised
 * number under a key derived from the encryption key (HKDF, so the two uses never share a key).
 * Equal numbers hash alike, so a search is one index lookup; without the key the hash reveals
 * nothing. Null when the text is not a phone number.
 */
export function phoneSearchHash(key: Buffer, phone: string): string | null {
  if (key.length !== 32) throw new Error('the phone encryption key must be 32 bytes');
  const digits = normalisePhone(phone);
  if (digits === null) return null;
  let searchKey = searchKeys.get(key);
  if (searchKey === undefined) {
    searchKey = Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), 'urbangrid phone search', 32));
    searchKeys.set(key, searchKey);
  }
  return createHmac('sha256', searchKey).update(digits).digest('hex');
}
