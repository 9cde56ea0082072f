/**
 * API key administration (接口密钥管理): a key is made of 32 random bytes, shown to the admin once
 * and stored only as its SHA-256 (auth/api-keys.ts looks it up so); listed without secrets, with its
 * last use; revoked, after which every process refuses it from its next request (nothing caches a
 * grant). Each change is audited in its transaction. The demo seed creates its keys here too.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import {
  type ApiKeyRecord,
  type DbOrTx,
  findApiKey,
  insertApiKey,
  revokeApiKey as markRevoked,
  sealText,
  setApiKeyRate,
  webhookSealingKey,
} from '@urbangrid/db';
import { reportSources } from '@urbangrid/domain';
import { hashApiKey } from '../auth/api-keys.js';
import type { ApiKeyScope } from '../auth/route-access.js';
import { ConflictError, ForbiddenError, NotFoundError } from '../errors.js';
import { changeStoredRecord } from './admin-changes.js';
import type { RecordChange } from './calendar-admin.js';

/** The sources a key may report as (an officer reports with an account, never a key). */
export const apiKeySources = reportSources.filter((source) => source !== 'officer');
export type ApiKeySource = (typeof apiKeySources)[number];

export interface NewApiKey {
  city: string;
  name: string;
  source: ApiKeySource;
  scopes: readonly ApiKeyScope[];
  rateLimitPerMinute: number;
  /** WEBHOOK_SECRET: a 110 key's signing secret is sealed under a key derived from it. */
  webhookSecret?: string;
  /**
   * The secret and id to store instead of fresh random ones: only for the demo seed, whose keys
   * are documented (api.md). The admin API never passes them.
   */
  fixed?: { id: string; key: string; createdAt?: Date };
}

/** What the audit log keeps of a key: never its secret nor its hash. */
export const apiKeyState = (key: ApiKeyRecord) => ({
  name: key.name,
  city: key.city,
  source: key.source,
  scopes: key.scopes,
  rateLimitPerMinute: key.rateLimitPerMinute,
  revokedAt: key.revokedAt?.toISOString() ?? null,
});

/** A new secret: 32 random bytes, URL-safe, with a prefix that tells what it is in a leaked file. */
const newSecret = () => `ugk_${randomBytes(32).toString('base64url')}`;

/** A 110 key's signing secret (its requests' HMAC), in the form of our webhooks' secrets. */
const newSigningSecret = () => `whsec_${randomBytes(32).toString('base64url')}`;

/**
 * Creates a key; the record and the secret, which is never available again — for a 110 key
 * (source `police110`) also the secret its requests are signed with, kept sealed.
 */
export async function createApiKey(
  db: DbOrTx,
  record: RecordChange,
  input: NewApiKey,
): Promise<{ key: string; record: ApiKeyRecord; signingSecret?: string }> {
  const secret = input.fixed?.key ?? newSecret();
  const id = input.fixed?.id ?? `apikey-${randomUUID()}`;
  const signs = input.source === 'police110';
  if (signs && input.webhookSecret === undefined) throw new Error('a 110 key is sealed under WEBHOOK_SECRET');
  const signingSecret = signs ? newSigningSecret() : undefined;
  return db.transaction(async (tx) => {
    const created = await insertApiKey(tx, {
      id,
      city: input.city,
      name: input.name,
      keyHash: hashApiKey(secret),
      scopes: [...input.scopes],
      source: input.source,
      rateLimitPerMinute: input.rateLimitPerMinute,
      ...(input.fixed?.createdAt ? { createdAt: input.fixed.createdAt } : {}),
      ...(signingSecret === undefined || input.webhookSecret === undefined
        ? {}
        : { signingSecretSealed: sealText(webhookSealingKey(input.webhookSecret), signingSecret) }),
    });
    if (created === null) throw new ConflictError(`an API key ${id} (or with the same secret) exists`);
    await record(tx, {
      city: input.city,
      entity: 'api_key',
      entityKey: id,
      action: 'create',
      before: null,
      after: apiKeyState(created),
    });
    return { key: secret, record: created, ...(signingSecret === undefined ? {} : { signingSecret }) };
  });
}

/**
 * A key's rate per minute changed (a video-analytics feed that outgrew its rate): every process
 * counts its next requests against the new rate (each request reads its key's grant; nothing caches
 * it). 404 unknown, 403 another city's, 409 stale (If-Match) or revoked.
 */
export async function changeApiKeyRate(
  db: DbOrTx,
  record: RecordChange,
  target: {
    id: string;
    cities: readonly string[] | 'all';
    rateLimitPerMinute: number;
    expectedVersion?: number;
  },
): Promise<ApiKeyRecord> {
  return db.transaction((tx) =>
    changeStoredRecord(tx, record, {
      what: `API key ${target.id}`,
      entity: 'api_key',
      entityKey: target.id,
      action: 'update',
      cities: target.cities,
      ...(target.expectedVersion === undefined ? {} : { expectedVersion: target.expectedVersion }),
      find: (t) => findApiKey(t, target.id, { forUpdate: true }),
      cityOf: (key) => key.city,
      state: apiKeyState,
      apply: async (t, before) => {
        if (before.revokedAt !== null) throw new ConflictError(`API key ${target.id} is revoked`);
        return setApiKeyRate(t, target.id, target.rateLimitPerMinute);
      },
    }),
  );
}

/**
 * Revokes a key of one of `cities` (all for a region admin): 404 when unknown, 403 in another city,
 * 409 when it is revoked already (another admin came first).
 */
export async function revokeApiKey(
  db: DbOrTx,
  record: RecordChange,
  target: { id: string; cities: readonly string[] | 'all' },
): Promise<ApiKeyRecord> {
  return db.transaction(async (tx) => {
    const before = await findApiKey(tx, target.id, { forUpdate: true });
    if (before === null) throw new NotFoundError(`API key ${target.id} does not exist`);
    if (target.cities !== 'all' && !target.cities.includes(before.city))
      throw new ForbiddenError(`API key ${target.id} belongs to city ${before.city}`);
    const after = await markRevoked(tx, target.id);
    if (after === null) throw new ConflictError(`API key ${target.id} is revoked already`);
    await record(tx, {
      city: before.city,
      entity: 'api_key',
      entityKey: target.id,
      action: 'revoke',
      before: apiKeyState(before),
      after: apiKeyState(after),
    });
    return after;
  });
}
