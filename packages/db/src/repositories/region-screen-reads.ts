/**
 * What the region's map and wall (GET /api/region/cities, GET /api/region/screen) read: where each
 * city is (the middle of its grids, how many it has) and the district rollups per city and day of
 * every city at once. Set-based, one statement each; queries only.
 */
import { and, eq, gt, gte, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
import { grids } from '../schema/reference.js';
import { reportRollups } from '../schema/rollups.js';
import { type RollupCounts, rollupSums } from './rollups.js';

export interface CityPlace {
  city: string;
  lat: number;
  lng: number;
  /** The grids in force: how big the city is drawn. */
  grids: number;
}

/** Each city's grids in force: the middle of their bounding box and how many. */
export async function listCityPlaces(db: DbOrTx): Promise<CityPlace[]> {
  return db
    .select({
      city: grids.city,
      lat: sql<number>`((min(${grids.minLat}) + max(${grids.maxLat})) / 2)::float8`,
      lng: sql<number>`((min(${grids.minLng}) + max(${grids.maxLng})) / 2)::float8`,
      grids: sql<number>`count(*)::int`,
    })
    .from(grids)
    .where(or(isNull(grids.validTo), gt(grids.validTo, sql`current_date`)))
    .groupBy(grids.city)
    .orderBy(grids.city);
}

export interface CityDayRollup extends RollupCounts {
  city: string;
  /** Local day, YYYY-MM-DD. */
  day: string;
}

/**
 * The cities' district rollups summed per city and local day over an inclusive range of days (the
 * rollups' key: city, dimension, day).
 */
export async function sumCityRollupsByDay(
  db: DbOrTx,
  query: { cities: readonly string[]; fromDay: string; toDay: string },
): Promise<CityDayRollup[]> {
  if (query.cities.length === 0) return [];
  return db
    .select({
      city: reportRollups.city,
      day: sql<string>`${reportRollups.day}::text`,
      ...rollupSums(reportRollups),
    })
    .from(reportRollups)
    .where(
      and(
        inArray(reportRollups.city, [...query.cities]),
        eq(reportRollups.dimension, 'district'),
        gte(reportRollups.day, query.fromDay),
        lte(reportRollups.day, query.toDay),
      ),
    )
    .groupBy(reportRollups.city, reportRollups.day)
    .orderBy(reportRollups.city, reportRollups.day);
}
