import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
import { databaseErrorOf } from '../database-errors.js';
import { idempotencyKeys } from '../schema/infrastructure.js';

export type IdempotencyKeyRow = typeof idempotencyKeys.$inferSelect;

/**
 * Reserves (scope, key) for this request. Returns true when this transaction holds it now; false
 * when it was taken. A concurrent holder makes this insert wait until it commits (then false) or
 * rolls back (then true), which is what lets a duplicate return the first result.
 */
export async function reserveIdempotencyKey(
  tx: DbOrTx,
  reservation: {
    scope: string;
    key: string;
    requestHash: string;
    createdAt: Date;
    /**
     * The answer, when the caller knows it before its other writes (a new case's id): the key is
     * then stored complete and needs no `completeIdempotencyKey`. Others see it only at the commit.
     */
    statusCode?: number;
    response?: unknown;
  },
): Promise<boolean> {
  const rows = await tx
    .insert(idempotencyKeys)
    .values(reservation)
    .onConflictDoNothing({ target: [idempotencyKeys.scope, idempotencyKeys.key] })
    .returning({ key: idempotencyKeys.key });
  return rows.length > 0;
}

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

export async function completeIdempotencyKey(
  tx: DbOrTx,
  scope: string,
  key: string,
  statusCode: number,
  response: unknown,
): Promise<void> {
  await tx
    .update(idempotencyKeys)
    .set({ statusCode, response })
    .where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key)));
}

/**
 * The insert of a key stored complete (its answer known before the writes it goes with), built but
 * not run, with no conflict clause: a key already taken fails the whole statement it is part of,
 * which `isTakenIdempotencyKey` recognises (see `writeCaseTogether`).
 */
export function completedKeyInsertQuery(
  db: DbOrTx,
  row: {
    scope: string;
    key: string;
    requestHash: string;
    createdAt: Date;
    statusCode: number;
    response: unknown;
  },
) {
  return db.insert(idempotencyKeys).values(row);
}

/** Whether a write failed because its idempotency key was taken (by a concurrent or earlier request). */
export function isTakenIdempotencyKey(error: unknown): boolean {
  const cause = databaseErrorOf(error);
  return cause?.code === '23505' && cause.table === 'idempotency_keys';
}
