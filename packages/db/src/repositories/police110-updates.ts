/**
 * 110's status updates of the cases handed over to it (移交110): recorded once per update id, read
 * back oldest first for the case's detail.
 */
import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
import { police110Updates } from '../schema/police110.js';

export type Police110UpdateRow = typeof police110Updates.$inferSelect;
export type NewPolice110Update = Omit<Police110UpdateRow, 'receivedAt'>;

/** Records an update; false when 110 posted this update id before (nothing changes). */
export async function insertPolice110Update(db: DbOrTx, row: NewPolice110Update): Promise<boolean> {
  const inserted = await db
    .insert(police110Updates)
    .values(row)
    .onConflictDoNothing()
    .returning({ id: police110Updates.updateId });
  return inserted.length > 0;
}

/** A case's updates from 110, in the order they happened there. */
export async function listPolice110Updates(db: DbOrTx, caseId: string): Promise<Police110UpdateRow[]> {
  return db
    .select()
    .from(police110Updates)
    .where(eq(police110Updates.caseId, caseId))
    .orderBy(asc(police110Updates.occurredAt), asc(police110Updates.receivedAt));
}
