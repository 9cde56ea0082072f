/**
 * A city's grid layer as an import reads and writes it: the grids it has (valid and retired), its
 * communities, the current version, and one applied version (new and re-cut rows upserted, the
 * replaced shapes kept in grid_history, retired rows closed, the version recorded). Queries only:
 * what changes is planned by @urbangrid/geo's planGridImport.
 */
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
import { areas, gridHistory, grids, gridVersions } from '../schema/reference.js';

/** Still valid today (a retired grid's validTo has passed; the rows stay for the cases filed in them). */
const validToday = sql<boolean>`(${grids.validTo} is null or ${grids.validTo} > current_date)`;

export interface CityGridRow {
  code: string;
  communityCode: string;
  name: string;
  geometry: unknown;
  valid: boolean;
}

/** Every grid the city has, valid or retired, by code. */
export async function listCityGrids(db: DbOrTx, city: string, only?: 'valid'): Promise<CityGridRow[]> {
  return db
    .select({
      code: grids.code,
      communityCode: grids.communityCode,
      name: grids.name,
      geometry: grids.geometry,
      valid: validToday,
    })
    .from(grids)
    .where(and(eq(grids.city, city), only === 'valid' ? validToday : undefined))
    .orderBy(asc(grids.code));
}

export interface CommunityRow {
  code: string;
  name: string;
  streetCode: string | null;
  geometry: unknown;
}

export async function listCityCommunities(db: DbOrTx, city: string): Promise<CommunityRow[]> {
  return db
    .select({ code: areas.code, name: areas.name, streetCode: areas.parentCode, geometry: areas.geometry })
    .from(areas)
    .where(and(eq(areas.city, city), eq(areas.level, 'community')))
    .orderBy(asc(areas.code));
}

export type GridVersionRow = typeof gridVersions.$inferSelect;

/** The city's latest applied version; null while it has the grids it was set up with (version 0). */
export async function latestGridVersion(db: DbOrTx, city: string): Promise<GridVersionRow | null> {
  const [row] = await db
    .select()
    .from(gridVersions)
    .where(eq(gridVersions.city, city))
    .orderBy(desc(gridVersions.version))
    .limit(1);
  return row ?? null;
}

/** Serialises imports of one city's grids until the transaction ends. */
export async function lockCityGrids(tx: DbOrTx, city: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`urbangrid.grids:${city}`}))`);
}

export interface GridToWrite {
  code: string;
  districtCode: string;
  streetCode: string;
  communityCode: string;
  name: string;
  geometry: unknown;
  bbox: readonly [number, number, number, number];
  areaM2: number;
}

export interface GridVersionToApply {
  city: string;
  version: number;
  /** The city's local date the version is valid from; a retired grid's validity ends there (validTo, exclusive). */
  validFrom: string;
  appliedBy: string;
  /** Grids new to the layer or re-cut (the rest of the file is unchanged and left alone). */
  write: readonly GridToWrite[];
  /** Codes among `write` that have a row now (re-cut, or retired and back): their shape is kept. */
  replaced: readonly string[];
  retired: readonly string[];
  counts: { added: number; changed: number; retired: number; total: number };
}

const batch = 500;
const inBatches = <T>(items: readonly T[]) =>
  Array.from({ length: Math.ceil(items.length / batch) }, (_, i) => items.slice(i * batch, (i + 1) * batch));

/** Writes one version; run it in a transaction holding `lockCityGrids`. */
export async function applyGridVersion(tx: DbOrTx, change: GridVersionToApply): Promise<void> {
  const { city, version, validFrom } = change;
  for (const codes of inBatches(change.replaced)) {
    await tx.insert(gridHistory).select(
      tx
        .select({
          code: grids.code,
          city: grids.city,
          communityCode: grids.communityCode,
          name: grids.name,
          geometry: grids.geometry,
          validFrom: grids.validFrom,
          // A retired grid coming back keeps the end it had; a re-cut one ends where the new begins.
          validTo: sql<string>`coalesce(least(${grids.validTo}, ${validFrom}::date), ${validFrom}::date)`.as(
            'valid_to',
          ),
          replacedByVersion: sql<number>`${version}::integer`.as('replaced_by_version'),
        })
        .from(grids)
        .where(and(eq(grids.city, city), inArray(grids.code, [...codes]))),
    );
  }
  for (const rows of inBatches(change.write)) {
    await tx
      .insert(grids)
      .values(
        rows.map((row) => ({
          code: row.code,
          city,
          districtCode: row.districtCode,
          streetCode: row.streetCode,
          communityCode: row.communityCode,
          name: row.name,
          geometry: row.geometry,
          minLng: row.bbox[0],
          minLat: row.bbox[1],
          maxLng: row.bbox[2],
          maxLat: row.bbox[3],
          areaM2: row.areaM2,
          validFrom,
          validTo: null,
        })),
      )
      .onConflictDoUpdate({
        target: grids.code,
        set: {
          districtCode: sql`excluded.district_code`,
          streetCode: sql`excluded.street_code`,
          communityCode: sql`excluded.community_code`,
          name: sql`excluded.name`,
          geometry: sql`excluded.geometry`,
          minLng: sql`excluded.min_lng`,
          minLat: sql`excluded.min_lat`,
          maxLng: sql`excluded.max_lng`,
          maxLat: sql`excluded.max_lat`,
          areaM2: sql`excluded.area_m2`,
          validFrom: sql`excluded.valid_from`,
          validTo: sql`null`,
        },
        setWhere: eq(grids.city, city),
      });
  }
  for (const codes of inBatches(change.retired)) {
    await tx
      .update(grids)
      .set({ validTo: validFrom })
      .where(and(eq(grids.city, city), inArray(grids.code, [...codes])));
  }
  await tx
    .insert(gridVersions)
    .values({ city, version, validFrom, appliedBy: change.appliedBy, ...change.counts });
}
