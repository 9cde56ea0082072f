import { and, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
import { apiKeys } from '../schema/people.js';

export interface ApiKeyGrant {
  id: string;
  city: string;
  name: string;
  scopes: string[];
  source: string;
}

/** The unrevoked key whose SHA-256 (hex) is `keyHash`; keys themselves are never stored. */
export async function findActiveApiKey(db: DbOrTx, keyHash: string): Promise<ApiKeyGrant | null> {
  const rows = await db
    .select({
      id: apiKeys.id,
      city: apiKeys.city,
      name: apiKeys.name,
      scopes: apiKeys.scopes,
      source: apiKeys.source,
    })
    .from(apiKeys)
    .where(and(eq(apiKeys.keyHash, keyHash), isNull(apiKeys.revokedAt)))
    .limit(1);
  return rows[0] ?? null;
}
