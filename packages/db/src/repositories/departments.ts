/**
 * Departments (专业部门) as administration changes them: one row read for update, inserted, changed
 * with its version raised, and what still leans on it (departments under it, matrix cells naming it).
 */
import { and, count, eq, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
import { independentReads } from '../independent-reads.js';
import { departments, responsibilities } from '../schema/reference.js';
import type { DepartmentRow } from './reference-data.js';

/** The department `id`, locked for the caller's transaction when `forUpdate`. */
export async function findDepartmentRecord(
  db: DbOrTx,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<DepartmentRow | null> {
  const query = db.select().from(departments).where(eq(departments.id, id)).limit(1);
  const rows = options.forUpdate ? await query.for('update') : await query;
  return rows[0] ?? null;
}

/** Inserts a department; null when its id or its code in the city is taken. */
export async function insertDepartment(
  db: DbOrTx,
  row: typeof departments.$inferInsert,
): Promise<DepartmentRow | null> {
  const rows = await db.insert(departments).values(row).onConflictDoNothing().returning();
  return rows[0] ?? null;
}

export type DepartmentChange = Partial<
  Pick<DepartmentRow, 'code' | 'name' | 'nameEn' | 'parentId' | 'contactName' | 'contactPhone' | 'retiredOn'>
>;

/** Changes a department and raises its version. */
export async function updateDepartment(
  db: DbOrTx,
  id: string,
  change: DepartmentChange,
): Promise<DepartmentRow> {
  const [row] = await db
    .update(departments)
    .set({ ...change, version: sql`${departments.version} + 1` })
    .where(eq(departments.id, id))
    .returning();
  if (!row) throw new Error(`department ${id} vanished inside its transaction`);
  return row;
}

/** How many departments in service sit directly under `id`, and how many matrix cells name it. */
export async function departmentDependants(
  db: DbOrTx,
  id: string,
): Promise<{ children: number; matrixCells: number }> {
  const [[children], [cells]] = await independentReads(db, [
    () =>
      db
        .select({ n: count() })
        .from(departments)
        .where(and(eq(departments.parentId, id), isNull(departments.retiredOn))),
    () => db.select({ n: count() }).from(responsibilities).where(eq(responsibilities.departmentId, id)),
  ]);
  return { children: children?.n ?? 0, matrixCells: cells?.n ?? 0 };
}

/**
 * Serialises the changes of a city's department tree until the transaction ends: a code's
 * uniqueness and the parent chain are checked and written without another change in between.
 */
export async function lockCityDepartments(tx: DbOrTx, city: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`urbangrid.departments:${city}`}))`);
}
