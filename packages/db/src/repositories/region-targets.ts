/**
 * The region's plan targets (region_indicators, region_indicator_targets) and what the plan knows
 * of each city (region_city_profiles). Target years are only ever added.
 */
import { asc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
import { regionCityProfiles, regionIndicators, regionIndicatorTargets } from '../schema/region.js';

export type RegionIndicatorRow = typeof regionIndicators.$inferSelect;
export type RegionTargetRow = typeof regionIndicatorTargets.$inferSelect;
export type RegionCityProfileRow = typeof regionCityProfiles.$inferSelect;

export interface RegionIndicatorWithTargets extends RegionIndicatorRow {
  targets: { year: number; value: number; plan: string }[];
}

/** Every indicator (by code) with its targets (by year). */
export async function listRegionIndicators(db: DbOrTx): Promise<RegionIndicatorWithTargets[]> {
  // One after the other: `db` may be a transaction's single connection.
  const indicators = await db.select().from(regionIndicators).orderBy(asc(regionIndicators.code));
  const targets = await db
    .select()
    .from(regionIndicatorTargets)
    .orderBy(asc(regionIndicatorTargets.indicatorCode), asc(regionIndicatorTargets.year));
  const byCode = new Map<string, RegionIndicatorWithTargets>(
    indicators.map((row) => [row.code, { ...row, targets: [] }]),
  );
  for (const target of targets)
    byCode
      .get(target.indicatorCode)
      ?.targets.push({ year: target.year, value: target.value, plan: target.plan });
  return [...byCode.values()];
}

export async function findRegionIndicator(
  db: DbOrTx,
  code: string,
  options: { forUpdate?: boolean } = {},
): Promise<RegionIndicatorWithTargets | null> {
  const query = db.select().from(regionIndicators).where(eq(regionIndicators.code, code)).limit(1);
  const [row] = options.forUpdate ? await query.for('update') : await query;
  if (!row) return null;
  const targets = await db
    .select({
      year: regionIndicatorTargets.year,
      value: regionIndicatorTargets.value,
      plan: regionIndicatorTargets.plan,
    })
    .from(regionIndicatorTargets)
    .where(eq(regionIndicatorTargets.indicatorCode, code))
    .orderBy(asc(regionIndicatorTargets.year));
  return { ...row, targets };
}

/** Inserts an indicator; null when its code is taken (another admin came first). */
export async function insertRegionIndicator(
  db: DbOrTx,
  row: typeof regionIndicators.$inferInsert,
): Promise<RegionIndicatorRow | null> {
  const [created] = await db.insert(regionIndicators).values(row).onConflictDoNothing().returning();
  return created ?? null;
}

/** Takes a later plan's names, cities and document for an indicator, and raises its version. */
export async function updateRegionIndicator(
  db: DbOrTx,
  code: string,
  change: Pick<RegionIndicatorRow, 'name' | 'nameEn' | 'appliesTo' | 'plan' | 'periodKind'>,
): Promise<void> {
  await db
    .update(regionIndicators)
    .set({ ...change, version: sql`${regionIndicators.version} + 1` })
    .where(eq(regionIndicators.code, code));
}

/** Inserts target years; the years that were taken already (nothing is inserted then). */
export async function insertRegionTargets(
  db: DbOrTx,
  rows: (typeof regionIndicatorTargets.$inferInsert)[],
): Promise<number[]> {
  const inserted = await db
    .insert(regionIndicatorTargets)
    .values(rows)
    .onConflictDoNothing()
    .returning({ year: regionIndicatorTargets.year });
  const done = new Set(inserted.map((row) => row.year));
  return rows.map((row) => row.year).filter((year) => !done.has(year));
}

export async function listRegionCityProfiles(db: DbOrTx): Promise<RegionCityProfileRow[]> {
  return db.select().from(regionCityProfiles).orderBy(asc(regionCityProfiles.city));
}

/** Sets the profiles the region has not yet; how many it added. */
export async function insertRegionCityProfiles(
  db: DbOrTx,
  rows: (typeof regionCityProfiles.$inferInsert)[],
): Promise<number> {
  if (rows.length === 0) return 0;
  const result = await db.insert(regionCityProfiles).values(rows).onConflictDoNothing();
  return result.rowCount ?? 0;
}
