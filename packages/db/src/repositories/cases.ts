import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
import { cases } from '../schema/cases.js';

export type CaseRow = typeof cases.$inferSelect;
export type NewCaseRow = typeof cases.$inferInsert;
/** Columns a command may change; id, number, city and version are the engine's to set. */
export type CaseChanges = Partial<Omit<NewCaseRow, 'id' | 'caseNo' | 'city' | 'version' | 'createdAt'>>;

export async function findCaseById(db: DbOrTx, id: string): Promise<CaseRow | null> {
  const rows = await db.select().from(cases).where(eq(cases.id, id)).limit(1);
  return rows[0] ?? null;
}

export async function findCaseByNumber(db: DbOrTx, city: string, caseNo: string): Promise<CaseRow | null> {
  const rows = await db
    .select()
    .from(cases)
    .where(and(eq(cases.city, city), eq(cases.caseNo, caseNo)))
    .limit(1);
  return rows[0] ?? null;
}

/** The case row locked until the transaction ends: concurrent commands on one case queue here. */
export async function lockCaseForUpdate(tx: DbOrTx, id: string): Promise<CaseRow | null> {
  const rows = await tx.select().from(cases).where(eq(cases.id, id)).limit(1).for('update');
  return rows[0] ?? null;
}

export async function insertCase(tx: DbOrTx, row: NewCaseRow): Promise<CaseRow> {
  const rows = await tx.insert(cases).values(row).returning();
  const inserted = rows[0];
  if (inserted === undefined) throw new Error(`case ${row.id} was not inserted`);
  return inserted;
}

/**
 * Writes the changes and bumps the version, but only if the case is still at `version`
 * (optimistic locking); null when another command got there first.
 */
export async function updateCaseAtVersion(
  tx: DbOrTx,
  id: string,
  version: number,
  changes: CaseChanges,
): Promise<CaseRow | null> {
  const rows = await tx
    .update(cases)
    .set({ ...changes, version: version + 1 })
    .where(and(eq(cases.id, id), eq(cases.version, version)))
    .returning();
  return rows[0] ?? null;
}
