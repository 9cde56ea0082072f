/**
 * Reporters' phone numbers (personal data): stored only encrypted (sealed-text.ts, AES-256-GCM with
 * config.phoneEncryptionKey), shown unmasked only to intake operators who call back, masked
 * ('138****5678') to everyone else, never logged.
 */
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
