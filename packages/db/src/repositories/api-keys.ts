/**
 * Integration keys (api_keys): looked up by their SHA-256, created, listed without secrets and
 * revoked by the admin API. A revoked key is refused from the next request on in every process:
 * each request looks its key up here (nothing caches a grant).
 */
import { and, desc, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
import { apiKeys } from '../schema/people.js';

export interface ApiKeyGrant {
  id: string;
  city: string;
  name: string;
  scopes: string[];
  source: string;
  rateLimitPerMinute: number;
  lastUsedAt: Date | null;
}

export type ApiKeyRecord = Omit<typeof apiKeys.$inferSelect, 'keyHash' | 'signingSecretSealed'>;

const grantColumns = {
  id: apiKeys.id,
  city: apiKeys.city,
  name: apiKeys.name,
  scopes: apiKeys.scopes,
  source: apiKeys.source,
  rateLimitPerMinute: apiKeys.rateLimitPerMinute,
  lastUsedAt: apiKeys.lastUsedAt,
};

const recordColumns = {
  ...grantColumns,
  createdAt: apiKeys.createdAt,
  revokedAt: apiKeys.revokedAt,
  version: apiKeys.version,
};

/** The unrevoked key whose SHA-256 (hex) is `keyHash`; keys themselves are never stored. */
export async function findActiveApiKey(db: DbOrTx, keyHash: string): Promise<ApiKeyGrant | null> {
  const rows = await db
    .select(grantColumns)
    .from(apiKeys)
    .where(and(eq(apiKeys.keyHash, keyHash), isNull(apiKeys.revokedAt)))
    .limit(1);
  return rows[0] ?? null;
}

/** The sealed secret the key's requests are signed with; null when it signs none (or is unknown). */
export async function findApiKeySigningSecret(db: DbOrTx, id: string): Promise<string | null> {
  const rows = await db
    .select({ sealed: apiKeys.signingSecretSealed })
    .from(apiKeys)
    .where(eq(apiKeys.id, id))
    .limit(1);
  return rows[0]?.sealed ?? null;
}

/** Notes a use of the key, at most once a minute (a busy key does not write on every request). */
export async function touchApiKey(db: DbOrTx, id: string): Promise<void> {
  await db
    .update(apiKeys)
    .set({ lastUsedAt: sql`now()` })
    .where(
      and(
        eq(apiKeys.id, id),
        or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, sql`now() - interval '1 minute'`)),
      ),
    );
}

/** Stores a new key (its hash); null when the id or the hash is taken. */
export async function insertApiKey(
  db: DbOrTx,
  row: {
    id: string;
    city: string;
    name: string;
    keyHash: string;
    scopes: string[];
    source: string;
    rateLimitPerMinute: number;
    createdAt?: Date;
    signingSecretSealed?: string;
  },
): Promise<ApiKeyRecord | null> {
  const inserted = await db.insert(apiKeys).values(row).onConflictDoNothing().returning(recordColumns);
  return inserted[0] ?? null;
}

/** One key, without its hash; `forUpdate` locks the row for the caller's transaction. */
export async function findApiKey(
  db: DbOrTx,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<ApiKeyRecord | null> {
  const query = db.select(recordColumns).from(apiKeys).where(eq(apiKeys.id, id)).limit(1);
  const rows = options.forUpdate ? await query.for('update') : await query;
  return rows[0] ?? null;
}

/** The keys of some cities (all for `all`), newest first, without their hashes. */
export async function listApiKeys(db: DbOrTx, cities: readonly string[] | 'all'): Promise<ApiKeyRecord[]> {
  if (cities !== 'all' && cities.length === 0) return [];
  return db
    .select(recordColumns)
    .from(apiKeys)
    .where(cities === 'all' ? undefined : inArray(apiKeys.city, [...cities]))
    .orderBy(desc(apiKeys.createdAt), apiKeys.id);
}

/** A key's new rate per minute, its version raised; null when it does not exist. */
export async function setApiKeyRate(
  db: DbOrTx,
  id: string,
  rateLimitPerMinute: number,
): Promise<ApiKeyRecord | null> {
  const rows = await db
    .update(apiKeys)
    .set({ rateLimitPerMinute, version: sql`${apiKeys.version} + 1` })
    .where(eq(apiKeys.id, id))
    .returning(recordColumns);
  return rows[0] ?? null;
}

/** Revokes an unrevoked key; null when it is revoked already (or does not exist). */
export async function revokeApiKey(db: DbOrTx, id: string): Promise<ApiKeyRecord | null> {
  const rows = await db
    .update(apiKeys)
    .set({ revokedAt: sql`now()`, version: sql`${apiKeys.version} + 1` })
    .where(and(eq(apiKeys.id, id), isNull(apiKeys.revokedAt)))
    .returning(recordColumns);
  return rows[0] ?? null;
}
