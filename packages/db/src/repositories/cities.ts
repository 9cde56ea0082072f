/**
 * Cities and their areas (区县 → 街道 → 社区) as the admin writes them: created, renamed (version
 * checked by the caller) and retired with a date. Rows are never deleted: cases, grids and
 * reports keep naming them.
 */
import { and, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
import { areas, calendars, cities, grids } from '../schema/reference.js';

export type CityRecord = typeof cities.$inferSelect;
export type AreaRecord = Omit<typeof areas.$inferSelect, 'geometry'>;
export type AreaLevel = AreaRecord['level'];

const areaColumns = {
  code: areas.code,
  city: areas.city,
  level: areas.level,
  parentCode: areas.parentCode,
  name: areas.name,
  nameEn: areas.nameEn,
  areaKm2: areas.areaKm2,
  population: areas.population,
  version: areas.version,
  retiredOn: areas.retiredOn,
};

/** Inserts a city; null when its code is taken. */
export async function insertCity(db: DbOrTx, row: typeof cities.$inferInsert): Promise<CityRecord | null> {
  const [created] = await db.insert(cities).values(row).onConflictDoNothing().returning();
  return created ?? null;
}

export async function findCityRecord(
  db: DbOrTx,
  code: string,
  options: { forUpdate?: boolean } = {},
): Promise<CityRecord | null> {
  const query = db.select().from(cities).where(eq(cities.code, code)).limit(1);
  const [row] = options.forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

/** Changes a city's names, base map or retirement and raises its version. */
export async function updateCity(
  db: DbOrTx,
  code: string,
  change: Partial<Pick<CityRecord, 'name' | 'nameEn' | 'retiredOn' | 'baseMap'>>,
): Promise<CityRecord> {
  const [row] = await db
    .update(cities)
    .set({ ...change, version: sql`${cities.version} + 1` })
    .where(eq(cities.code, code))
    .returning();
  if (!row) throw new Error(`city ${code} vanished inside its transaction`);
  return row;
}

/** Inserts an area; null when its code is taken. */
export async function insertArea(db: DbOrTx, row: typeof areas.$inferInsert): Promise<AreaRecord | null> {
  const [created] = await db.insert(areas).values(row).onConflictDoNothing().returning(areaColumns);
  return created ?? null;
}

export async function findAreaRecord(
  db: DbOrTx,
  code: string,
  options: { forUpdate?: boolean } = {},
): Promise<AreaRecord | null> {
  const query = db.select(areaColumns).from(areas).where(eq(areas.code, code)).limit(1);
  const [row] = options.forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

/** A city's areas, every level, retired ones too, in code order (a parent before its children). */
export async function listCityAreas(db: DbOrTx, city: string): Promise<AreaRecord[]> {
  return db.select(areaColumns).from(areas).where(eq(areas.city, city)).orderBy(areas.code);
}

/** Every area with a retirement date (few: districts merge, communities are re-cut), by code. */
export async function listRetiredAreas(db: DbOrTx): Promise<Array<{ code: string; retiredOn: string }>> {
  const rows = await db
    .select({ code: areas.code, retiredOn: areas.retiredOn })
    .from(areas)
    .where(isNotNull(areas.retiredOn))
    .orderBy(areas.code);
  return rows.flatMap((row) =>
    row.retiredOn === null ? [] : [{ code: row.code, retiredOn: row.retiredOn }],
  );
}

/** The areas directly under `parentCode` that are not retired by `day`. */
export async function listLiveChildAreas(db: DbOrTx, parentCode: string, day: string): Promise<AreaRecord[]> {
  return db
    .select(areaColumns)
    .from(areas)
    .where(
      and(eq(areas.parentCode, parentCode), sql`(${areas.retiredOn} is null or ${areas.retiredOn} > ${day})`),
    );
}

/** Changes an area's names or retirement and raises its version. */
export async function updateArea(
  db: DbOrTx,
  code: string,
  change: Partial<Pick<AreaRecord, 'name' | 'nameEn' | 'retiredOn'>>,
): Promise<AreaRecord> {
  const [row] = await db
    .update(areas)
    .set({ ...change, version: sql`${areas.version} + 1` })
    .where(eq(areas.code, code))
    .returning(areaColumns);
  if (!row) throw new Error(`area ${code} vanished inside its transaction`);
  return row;
}

/** Grids still valid (no end date) inside an area of any level. */
export async function countLiveGridsIn(
  db: DbOrTx,
  area: { code: string; level: AreaLevel },
): Promise<number> {
  const column =
    area.level === 'district'
      ? grids.districtCode
      : area.level === 'street'
        ? grids.streetCode
        : grids.communityCode;
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(grids)
    .where(and(eq(column, area.code), isNull(grids.validTo)));
  return row?.n ?? 0;
}

/** Inserts a city's working calendars; the codes inserted (an existing code is left as it is). */
export async function insertCalendars(
  db: DbOrTx,
  rows: (typeof calendars.$inferInsert)[],
): Promise<string[]> {
  if (rows.length === 0) return [];
  const inserted = await db
    .insert(calendars)
    .values(rows)
    .onConflictDoNothing()
    .returning({ code: calendars.code });
  return inserted.map((row) => row.code);
}
