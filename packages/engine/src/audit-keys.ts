/**
 * The key that signs each day's chain heads (architecture.md): Ed25519 through node:crypto, held by
 * the processes and never by the database, so the database's owner cannot sign a rewritten history.
 * Given as AUDIT_SIGNING_KEY (PKCS#8, PEM or base64 DER) or AUDIT_SIGNING_KEY_FILE (a PEM file);
 * processes that only verify may hold AUDIT_VERIFY_KEY (the public key) instead. Outside
 * production a key is made once under DATA_DIR.
 */
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
} from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

export interface AuditKeys {
  /** Present where anchors are made (the workers). */
  signingKey?: KeyObject;
  verifyKey: KeyObject;
  /** Names the key in every anchor: the first 16 hex digits of SHA-256 over its public key (SPKI). */
  keyId: string;
}

export class AuditKeyError extends Error {}

const isPem = (value: string) => value.trim().startsWith('-----BEGIN');

function ed25519(key: KeyObject, name: string): KeyObject {
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new AuditKeyError(
      `${name}: an Ed25519 key is needed, not ${key.asymmetricKeyType ?? 'a secret key'}`,
    );
  }
  return key;
}

export function parseSigningKey(value: string, name = 'AUDIT_SIGNING_KEY'): KeyObject {
  try {
    const text = value.trim();
    const key = isPem(text)
      ? createPrivateKey({ key: text, format: 'pem' })
      : createPrivateKey({ key: Buffer.from(text, 'base64'), format: 'der', type: 'pkcs8' });
    return ed25519(key, name);
  } catch (error) {
    if (error instanceof AuditKeyError) throw error;
    throw new AuditKeyError(`${name}: not a private key (PKCS#8, PEM or base64 DER)`);
  }
}

export function parseVerifyKey(value: string, name = 'AUDIT_VERIFY_KEY'): KeyObject {
  try {
    const text = value.trim();
    const key = isPem(text)
      ? createPublicKey({ key: text, format: 'pem' })
      : createPublicKey({ key: Buffer.from(text, 'base64'), format: 'der', type: 'spki' });
    return ed25519(key, name);
  } catch (error) {
    if (error instanceof AuditKeyError) throw error;
    throw new AuditKeyError(`${name}: not a public key (SPKI, PEM or base64 DER)`);
  }
}

export function auditKeyId(publicKey: KeyObject): string {
  return createHash('sha256')
    .update(publicKey.export({ format: 'der', type: 'spki' }))
    .digest('hex')
    .slice(0, 16);
}

function keysOf(signingKey: KeyObject | undefined, verifyKey: KeyObject): AuditKeys {
  return { signingKey, verifyKey, keyId: auditKeyId(verifyKey) };
}

/** Where a development key is kept when none is configured. */
export const developmentKeyFile = (dataDir: string) => path.resolve(dataDir, 'audit-signing-key.pem');

export interface AuditKeySettings {
  AUDIT_SIGNING_KEY?: string;
  AUDIT_SIGNING_KEY_FILE?: string;
  AUDIT_VERIFY_KEY?: string;
  DATA_DIR: string;
}

/**
 * The configured keys; without any, the development key under DATA_DIR (made when `generate`, as
 * start-up outside production does), else undefined.
 */
export async function loadAuditKeys(
  settings: AuditKeySettings,
  options: { generate: boolean },
): Promise<AuditKeys | undefined> {
  if (settings.AUDIT_SIGNING_KEY !== undefined) {
    const key = parseSigningKey(settings.AUDIT_SIGNING_KEY);
    return keysOf(key, createPublicKey(key));
  }
  if (settings.AUDIT_SIGNING_KEY_FILE !== undefined) {
    let text: string;
    try {
      text = await readFile(settings.AUDIT_SIGNING_KEY_FILE, 'utf8');
    } catch {
      throw new AuditKeyError(`AUDIT_SIGNING_KEY_FILE: cannot read ${settings.AUDIT_SIGNING_KEY_FILE}`);
    }
    const key = parseSigningKey(text, 'AUDIT_SIGNING_KEY_FILE');
    return keysOf(key, createPublicKey(key));
  }
  if (settings.AUDIT_VERIFY_KEY !== undefined)
    return keysOf(undefined, parseVerifyKey(settings.AUDIT_VERIFY_KEY));
  const file = developmentKeyFile(settings.DATA_DIR);
  if (existsSync(file)) {
    const key = parseSigningKey(await readFile(file, 'utf8'), file);
    return keysOf(key, createPublicKey(key));
  }
  if (!options.generate) return undefined;
  const { privateKey } = generateKeyPairSync('ed25519');
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, privateKey.export({ format: 'pem', type: 'pkcs8' }), {
    mode: 0o600,
    flag: 'wx',
  }).catch((error: { code?: string }) => {
    // Another process made it first: use theirs.
    if (error.code !== 'EEXIST') throw error;
  });
  const key = parseSigningKey(await readFile(file, 'utf8'), file);
  return keysOf(key, createPublicKey(key));
}
