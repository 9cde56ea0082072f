/**
 * The responsibility matrix (权责清单) as an admin edits it: a city's cells (category × area →
 * department) with their versions, one cell set or removed, the whole matrix replaced by an import,
 * and the gaps (a category and district with no department of its own). Changes run under the
 * city's matrix lock, so an import and a cell edit never interleave.
 */
import { and, asc, eq, isNull, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
import { categories, departments, responsibilities } from '../schema/reference.js';

export interface MatrixCell {
  categoryCode: string;
  areaCode: string;
  departmentId: string;
  version: number;
}

const cellColumns = {
  categoryCode: responsibilities.categoryCode,
  areaCode: responsibilities.areaCode,
  departmentId: responsibilities.departmentId,
  version: responsibilities.version,
};

/** Serialises changes of one city's matrix (until the transaction ends). */
export async function lockCityMatrix(tx: DbOrTx, city: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`urbangrid.matrix:${city}`}))`);
}

export async function listMatrixCells(db: DbOrTx, city: string): Promise<MatrixCell[]> {
  return db
    .select(cellColumns)
    .from(responsibilities)
    .where(eq(responsibilities.city, city))
    .orderBy(asc(responsibilities.categoryCode), asc(responsibilities.areaCode));
}

export async function findMatrixCell(
  db: DbOrTx,
  city: string,
  categoryCode: string,
  areaCode: string,
): Promise<MatrixCell | null> {
  const [row] = await db
    .select(cellColumns)
    .from(responsibilities)
    .where(
      and(
        eq(responsibilities.city, city),
        eq(responsibilities.categoryCode, categoryCode),
        eq(responsibilities.areaCode, areaCode),
      ),
    );
  return row ?? null;
}

/** Sets cells; a changed cell's version goes up by one, an unchanged one keeps it. */
export async function upsertMatrixCells(
  tx: DbOrTx,
  city: string,
  cells: readonly Omit<MatrixCell, 'version'>[],
): Promise<MatrixCell[]> {
  const written: MatrixCell[] = [];
  for (let at = 0; at < cells.length; at += 1_000) {
    const batch = cells.slice(at, at + 1_000).map((cell) => ({ city, ...cell }));
    const rows = await tx
      .insert(responsibilities)
      .values(batch)
      .onConflictDoUpdate({
        target: [responsibilities.categoryCode, responsibilities.areaCode],
        set: {
          departmentId: sql`excluded.department_id`,
          version: sql`case when ${responsibilities.departmentId} = excluded.department_id then ${responsibilities.version} else ${responsibilities.version} + 1 end`,
        },
      })
      .returning(cellColumns);
    written.push(...rows);
  }
  return written;
}

export async function deleteMatrixCells(
  tx: DbOrTx,
  city: string,
  cells: readonly Pick<MatrixCell, 'categoryCode' | 'areaCode'>[],
): Promise<void> {
  for (let at = 0; at < cells.length; at += 1_000) {
    const keys = cells.slice(at, at + 1_000).map((c) => sql`(${c.categoryCode}, ${c.areaCode})`);
    await tx
      .delete(responsibilities)
      .where(
        and(
          eq(responsibilities.city, city),
          sql`(${responsibilities.categoryCode}, ${responsibilities.areaCode}) in (${sql.join(keys, sql`, `)})`,
        ),
      );
  }
}

/** Categories a city may file under (national ones and its own 9x), in force or not. */
export async function listCityCategories(db: DbOrTx, city: string) {
  return db
    .select({
      code: categories.code,
      name: categories.name,
      nameEn: categories.nameEn,
      active: categories.active,
      defaultDepartmentCode: categories.defaultDepartmentCode,
      catalogueVersion: categories.catalogueVersion,
    })
    .from(categories)
    .where(or(isNull(categories.city), eq(categories.city, city)))
    .orderBy(asc(categories.code));
}

/** Departments of a city that take cases (not retired). */
export async function listCityDepartmentsInService(db: DbOrTx, city: string) {
  return db
    .select({ id: departments.id, code: departments.code, name: departments.name })
    .from(departments)
    .where(and(eq(departments.city, city), isNull(departments.retiredOn)))
    .orderBy(asc(departments.code));
}
