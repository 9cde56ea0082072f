import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
import { databaseErrorOf } from '../database-errors.js';
import { idempotencyKeys } from '../schema/infrastructure.js';
import type { WriteQuery } from './case-write.js';
import { jsonRowsInsert } from './json-rows.js';

export type IdempotencyKeyRow = typeof idempotencyKeys.$inferSelect;

export async function findIdempotencyKey(
  db: DbOrTx,
  scope: string,
  key: string,
): Promise<IdempotencyKeyRow | null> {
  const rows = await db
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key)))
    .limit(1);
  return rows[0] ?? null;
}

/**
 * The insert of a key stored complete (its answer known before the writes it goes with) with its
 * case write, built but not run, with no conflict clause: a key already taken fails the whole
 * statement it is part of, which `isTakenIdempotencyKey` recognises.
 */
export function completedKeyInsertQuery(row: {
  scope: string;
  key: string;
  requestHash: string;
  createdAt: Date;
  statusCode: number;
  response: unknown;
}): WriteQuery {
  return (caseWrite) => jsonRowsInsert(idempotencyKeys, [row], { where: caseWrite.written });
}

/** Stores a completed key in the caller's transaction; a key already taken throws (`isTakenIdempotencyKey`). */
export async function insertIdempotencyKey(
  db: DbOrTx,
  row: {
    scope: string;
    key: string;
    requestHash: string;
    createdAt: Date;
    statusCode: number;
    response: unknown;
  },
): Promise<void> {
  await db.insert(idempotencyKeys).values(row);
}

/** Whether a write failed because its idempotency key was taken (by a concurrent or earlier request). */
export function isTakenIdempotencyKey(error: unknown): boolean {
  const cause = databaseErrorOf(error);
  return cause?.code === '23505' && cause.table === 'idempotency_keys';
}
