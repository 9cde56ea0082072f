/**
 * The category catalogue (分类目录) as an admin edits it: versions (each in force from a date, a
 * draft until it has one) and their categories. Changes run under the catalogue lock.
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
import { calendars, catalogueVersions, categories, categoryQuestions } from '../schema/reference.js';

export type CatalogueVersionRecord = typeof catalogueVersions.$inferSelect;
export type CategoryRecord = typeof categories.$inferSelect;
export type NewCategoryRecord = Omit<typeof categories.$inferInsert, 'version'>;

/** Serialises catalogue changes (until the transaction ends). */
export async function lockCatalogue(tx: DbOrTx): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('urbangrid.catalogue'))`);
}

export async function listCatalogueVersions(db: DbOrTx): Promise<CatalogueVersionRecord[]> {
  return db.select().from(catalogueVersions).orderBy(asc(catalogueVersions.version));
}

export async function findCatalogueVersion(
  db: DbOrTx,
  version: string,
): Promise<CatalogueVersionRecord | null> {
  const [row] = await db.select().from(catalogueVersions).where(eq(catalogueVersions.version, version));
  return row ?? null;
}

export async function insertCatalogueVersion(
  tx: DbOrTx,
  row: Omit<typeof catalogueVersions.$inferInsert, 'revision'>,
): Promise<CatalogueVersionRecord | null> {
  const [created] = await tx.insert(catalogueVersions).values(row).onConflictDoNothing().returning();
  return created ?? null;
}

export async function updateCatalogueVersion(
  tx: DbOrTx,
  version: string,
  change: Partial<Pick<CatalogueVersionRecord, 'name' | 'nameEn' | 'effectiveFrom'>>,
): Promise<CatalogueVersionRecord> {
  const [row] = await tx
    .update(catalogueVersions)
    .set({ ...change, revision: sql`${catalogueVersions.revision} + 1` })
    .where(eq(catalogueVersions.version, version))
    .returning();
  if (!row) throw new Error(`catalogue version ${version} vanished`);
  return row;
}

/** The categories of one version (withdrawn ones too), by code. */
export async function listVersionCategories(db: DbOrTx, version: string): Promise<CategoryRecord[]> {
  return db
    .select()
    .from(categories)
    .where(eq(categories.catalogueVersion, version))
    .orderBy(asc(categories.code));
}

/** Every category of every version (withdrawn ones too), by code. */
export async function listCatalogueCategories(db: DbOrTx): Promise<CategoryRecord[]> {
  return db.select().from(categories).orderBy(asc(categories.code));
}

export async function findCategoryRecord(db: DbOrTx, code: string): Promise<CategoryRecord | null> {
  const [row] = await db.select().from(categories).where(eq(categories.code, code));
  return row ?? null;
}

/** Creates or replaces a category; a replaced one's version goes up by one. */
export async function saveCategoryRecord(tx: DbOrTx, row: NewCategoryRecord): Promise<CategoryRecord> {
  const { code: _code, ...set } = row;
  const [saved] = await tx
    .insert(categories)
    .values(row)
    .onConflictDoUpdate({ target: categories.code, set: { ...set, version: sql`${categories.version} + 1` } })
    .returning();
  if (!saved) throw new Error(`category ${row.code} was not saved`);
  return saved;
}

/** The calendar codes each city has (a stage's calendar must exist wherever the category is used). */
export async function listCalendarCodesByCity(db: DbOrTx): Promise<Map<string, Set<string>>> {
  const rows = await db.select({ city: calendars.city, code: calendars.code }).from(calendars);
  const byCity = new Map<string, Set<string>>();
  for (const row of rows) byCity.set(row.city, (byCity.get(row.city) ?? new Set()).add(row.code));
  return byCity;
}

export type CategoryQuestionsRecord = typeof categoryQuestions.$inferSelect;

/** A city's questions of its categories (rows only for categories that ask something or did). */
export async function listCityQuestions(
  db: DbOrTx,
  city: string,
  categoryCodes?: readonly string[],
): Promise<CategoryQuestionsRecord[]> {
  if (categoryCodes !== undefined && categoryCodes.length === 0) return [];
  return db
    .select()
    .from(categoryQuestions)
    .where(
      and(
        eq(categoryQuestions.city, city),
        categoryCodes === undefined ? undefined : inArray(categoryQuestions.categoryCode, [...categoryCodes]),
      ),
    )
    .orderBy(asc(categoryQuestions.categoryCode));
}

/** One category's questions in a city; `forUpdate` locks the row for the caller's transaction. */
export async function findCategoryQuestions(
  db: DbOrTx,
  categoryCode: string,
  city: string,
  options: { forUpdate?: boolean } = {},
): Promise<CategoryQuestionsRecord | null> {
  const query = db
    .select()
    .from(categoryQuestions)
    .where(and(eq(categoryQuestions.categoryCode, categoryCode), eq(categoryQuestions.city, city)))
    .limit(1);
  const rows = options.forUpdate ? await query.for('update') : await query;
  return rows[0] ?? null;
}

/** Writes a category's questions in a city, its version raised (1 for the first). */
export async function saveCategoryQuestions(
  db: DbOrTx,
  row: { categoryCode: string; city: string; questions: unknown },
): Promise<CategoryQuestionsRecord> {
  const [saved] = await db
    .insert(categoryQuestions)
    .values({ ...row, version: 1 })
    .onConflictDoUpdate({
      target: [categoryQuestions.categoryCode, categoryQuestions.city],
      set: { questions: row.questions, version: sql`${categoryQuestions.version} + 1` },
    })
    .returning();
  if (!saved) throw new Error(`questions of ${row.categoryCode} in ${row.city} not saved`);
  return saved;
}
