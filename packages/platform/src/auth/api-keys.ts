/**
 * API keys of integrations (hotline platforms, Open311 apps, video analytics). A key is looked up
 * by its SHA-256, never stored; it is scoped to one city and to a list of scopes, and carries its
 * own rate limit per minute. Every request looks its key up, so a revoked key is refused at once in
 * every process.
 */
import { createHash } from 'node:crypto';
import { type Db, findActiveApiKey, touchApiKey } from '@urbangrid/db';
import type { FastifyRequest } from 'fastify';
import { UnauthenticatedError } from '../errors.js';
import type { IntegrationActor } from './actor.js';

export const apiKeyHeader = 'x-api-key';

/** Hex SHA-256 of a key, as stored in api_keys.key_hash. */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** The integration a key belongs to, or null for an unknown or revoked key. */
export async function findIntegrationActor(db: Db, key: string): Promise<IntegrationActor | null> {
  // Keys are short tokens; anything huge is not one and is not worth hashing.
  if (key.length === 0 || key.length > 512) return null;
  const grant = await findActiveApiKey(db, hashApiKey(key));
  if (!grant) return null;
  // Its last use, to the minute (the admin's list shows it); a failed note costs nothing else.
  if (grant.lastUsedAt === null || Date.now() - grant.lastUsedAt.getTime() > 60_000) {
    void touchApiKey(db, grant.id).catch(() => undefined);
  }
  return {
    kind: 'integration',
    keyId: grant.id,
    name: grant.name,
    city: grant.city,
    scopes: grant.scopes,
    source: grant.source,
    rateLimitPerMinute: grant.rateLimitPerMinute,
  };
}

/**
 * Authenticates `request` with a key found elsewhere than the X-Api-Key header, such as Open311's
 * `api_key` body or query parameter: sets `request.actor`, or throws UNAUTHENTICATED.
 */
export async function authenticateWithApiKey(
  request: FastifyRequest,
  key: string,
): Promise<IntegrationActor> {
  const actor = await findIntegrationActor(request.server.db, key);
  if (!actor) throw new UnauthenticatedError('the API key is not valid');
  request.actor = actor;
  return actor;
}
