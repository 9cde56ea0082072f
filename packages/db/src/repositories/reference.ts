import { and, asc, eq, gte, isNull, lte, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
import { areas, catalogueVersions, categories, departments, grids } from '../schema/index.js';

/** Reference data (grids, catalogue, departments, calendars): read often, changed by admins. */

export interface GridRecord {
  code: string;
  city: string;
  name: string;
  districtCode: string;
  streetCode: string;
  communityCode: string;
  polygon: { type: 'Polygon'; coordinates: number[][][] };
}

const gridColumns = {
  code: grids.code,
  city: grids.city,
  name: grids.name,
  districtCode: grids.districtCode,
  streetCode: grids.streetCode,
  communityCode: grids.communityCode,
  polygon: grids.geometry,
};

/** Grids valid today (re-cut grids keep their rows with a validTo in the past). */
const validNow = or(isNull(grids.validTo), sql`${grids.validTo} > current_date`);

export async function listValidGrids(db: DbOrTx): Promise<GridRecord[]> {
  const rows = await db.select(gridColumns).from(grids).where(validNow).orderBy(asc(grids.code));
  return rows as GridRecord[];
}

export async function findGrid(db: DbOrTx, code: string): Promise<GridRecord | undefined> {
  const [row] = await db.select(gridColumns).from(grids).where(eq(grids.code, code));
  return row as GridRecord | undefined;
}

/** Categories a report may name today: not withdrawn, of a catalogue version in force. */
export async function listCategories(db: DbOrTx) {
  const rows = await db
    .select({ category: categories })
    .from(categories)
    .innerJoin(catalogueVersions, eq(catalogueVersions.version, categories.catalogueVersion))
    .where(and(eq(categories.active, true), lte(catalogueVersions.effectiveFrom, sql`current_date`)))
    .orderBy(asc(categories.code));
  return rows.map((row) => row.category);
}

export async function listDepartments(db: DbOrTx, city?: string) {
  const query = db.select().from(departments);
  return (city ? query.where(eq(departments.city, city)) : query).orderBy(
    asc(departments.city),
    asc(departments.code),
  );
}

export interface AreaOutline {
  code: string;
  name: string;
  nameEn: string;
  level: 'district' | 'street' | 'community';
  parentCode: string | null;
  geometry: unknown;
}

/** Administrative areas of a city at one level (optionally under one parent), for map outlines. */
export async function listAreaOutlines(
  db: DbOrTx,
  filter: { city: string; level: AreaOutline['level']; parentCode?: string },
): Promise<AreaOutline[]> {
  const conditions = [eq(areas.city, filter.city), eq(areas.level, filter.level)];
  if (filter.parentCode !== undefined) conditions.push(eq(areas.parentCode, filter.parentCode));
  return db
    .select({
      code: areas.code,
      name: areas.name,
      nameEn: areas.nameEn,
      level: areas.level,
      parentCode: areas.parentCode,
      geometry: areas.geometry,
    })
    .from(areas)
    .where(and(...conditions))
    .orderBy(asc(areas.code));
}

/** A grid's outline as the map draws it: its GeoJSON geometry as stored (JSON text, never parsed). */
export interface GridOutlineRow {
  code: string;
  name: string;
  communityCode: string;
  geometryJson: string;
}

/**
 * The outlines of a city's valid grids meeting a box, by code, at most `limit`: what the map's grid
 * layer shows, with each geometry as the database holds it (text), so an answer of a thousand
 * outlines is joined, not parsed and written again.
 */
export async function listGridOutlinesInBox(
  db: DbOrTx,
  city: string,
  box: readonly [number, number, number, number],
  limit: number,
): Promise<GridOutlineRow[]> {
  const [minLng, minLat, maxLng, maxLat] = box;
  return db
    .select({
      code: grids.code,
      name: grids.name,
      communityCode: grids.communityCode,
      geometryJson: sql<string>`${grids.geometry}::text`,
    })
    .from(grids)
    .where(
      and(
        // Bounding boxes meeting the box (edges included), read through grids_box_idx.
        sql`box(point(${grids.minLng}, ${grids.minLat}), point(${grids.maxLng}, ${grids.maxLat})) && box(point(${minLng}, ${minLat}), point(${maxLng}, ${maxLat}))`,
        eq(grids.city, city),
        validNow,
      ),
    )
    .orderBy(asc(grids.code))
    .limit(limit);
}

/**
 * Grids of a city that are no longer valid whose bounding box holds the point: where a report
 * outside every grid may have been meant (a re-cut or retired area), for saying why.
 */
export async function listEndedGridsAt(
  db: DbOrTx,
  city: string,
  point: { lat: number; lng: number },
): Promise<GridRecord[]> {
  const rows = await db
    .select(gridColumns)
    .from(grids)
    .where(
      and(
        eq(grids.city, city),
        sql`${grids.validTo} <= current_date`,
        lte(grids.minLng, point.lng),
        gte(grids.maxLng, point.lng),
        lte(grids.minLat, point.lat),
        gte(grids.maxLat, point.lat),
      ),
    )
    .orderBy(asc(grids.code))
    .limit(20);
  return rows as GridRecord[];
}
