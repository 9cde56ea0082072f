/**
 * What the big screen (大屏, GET /api/supervision/screen) reads besides the summed rollups: the
 * rollups per day (its 30-day trend), the open cases' points (their lights on the map), the latest
 * events, and where the grids are (the heat). Each read is bounded by an index and a limit, never a
 * scan of all cases. Queries only.
 */
import type { CaseState } from '@urbangrid/domain';
import { and, desc, eq, gte, inArray, like, lte, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
import { caseEvents, cases } from '../schema/cases.js';
import { grids } from '../schema/reference.js';
import { reportRollups } from '../schema/rollups.js';
import { type CaseScope, caseScopeCondition } from './case-scope.js';
import { type AnyRollupDimension, type RollupCounts, rollupSums } from './rollups.js';

export interface RollupDayRow extends RollupCounts {
  /** Local day, YYYY-MM-DD. */
  day: string;
}

/**
 * Totals per local day of one dimension over an inclusive range of days, optionally only the keys
 * starting with `keyPrefix` (a district's areas) or one `key` (a category's, a department's trend).
 */
export async function sumRollupsByDay(
  db: DbOrTx,
  query: {
    city: string;
    dimension: AnyRollupDimension;
    fromDay: string;
    toDay: string;
    keyPrefix?: string;
    key?: string;
  },
): Promise<RollupDayRow[]> {
  return db
    .select({ day: sql<string>`${reportRollups.day}::text`, ...rollupSums(reportRollups) })
    .from(reportRollups)
    .where(
      and(
        eq(reportRollups.city, query.city),
        eq(reportRollups.dimension, query.dimension),
        gte(reportRollups.day, query.fromDay),
        lte(reportRollups.day, query.toDay),
        query.keyPrefix === undefined ? undefined : like(reportRollups.key, `${query.keyPrefix}%`),
        query.key === undefined ? undefined : eq(reportRollups.key, query.key),
      ),
    )
    .groupBy(reportRollups.day)
    .orderBy(reportRollups.day);
}

export interface OpenCasePoint {
  id: string;
  caseNo: string;
  lat: number;
  lng: number;
  light: string;
  categoryCode: string;
}

/** Up to `limit` cases in `states` the scope sees, most urgent light first (cases_city_state_idx). */
export async function listOpenCasePoints(
  db: DbOrTx,
  scope: CaseScope,
  states: readonly CaseState[],
  limit: number,
): Promise<OpenCasePoint[]> {
  return db
    .select({
      id: cases.id,
      caseNo: cases.caseNo,
      lat: cases.lat,
      lng: cases.lng,
      light: cases.light,
      categoryCode: cases.categoryCode,
    })
    .from(cases)
    .where(and(caseScopeCondition(scope), inArray(cases.state, [...states])))
    .orderBy(
      sql`case ${cases.light} when 'red' then 0 when 'yellow' then 1 else 2 end`,
      desc(cases.updatedAt),
    )
    .limit(limit);
}

/** How many cases in `states` the scope sees, by light. */
export async function countOpenCasesByLight(
  db: DbOrTx,
  scope: CaseScope,
  states: readonly CaseState[],
): Promise<Array<{ light: string; count: number }>> {
  return db
    .select({ light: cases.light, count: sql<number>`count(*)::int` })
    .from(cases)
    .where(and(caseScopeCondition(scope), inArray(cases.state, [...states])))
    .groupBy(cases.light);
}

export interface RecentCaseEvent {
  caseId: string;
  caseNo: string;
  command: string;
  state: string;
  at: Date;
  categoryCode: string;
  districtCode: string;
}

/**
 * The latest `limit` events of a city's cases the scope sees, newest first (case_events_at_idx).
 * Only what a wall may show: no person, no description, no address.
 */
export async function listRecentCaseEvents(
  db: DbOrTx,
  city: string,
  scope: CaseScope,
  limit: number,
): Promise<RecentCaseEvent[]> {
  return db
    .select({
      caseId: caseEvents.caseId,
      caseNo: cases.caseNo,
      command: caseEvents.command,
      state: caseEvents.toState,
      at: caseEvents.at,
      categoryCode: cases.categoryCode,
      districtCode: cases.districtCode,
    })
    .from(caseEvents)
    .innerJoin(cases, eq(cases.id, caseEvents.caseId))
    .where(and(eq(caseEvents.city, city), caseScopeCondition(scope)))
    .orderBy(desc(caseEvents.at))
    .limit(limit);
}

export interface GridCentre {
  code: string;
  name: string;
  lat: number;
  lng: number;
}

/** The middle of each grid's bounding box. */
export async function gridCentres(db: DbOrTx, codes: readonly string[]): Promise<GridCentre[]> {
  if (codes.length === 0) return [];
  return db
    .select({
      code: grids.code,
      name: grids.name,
      lat: sql<number>`(${grids.minLat} + ${grids.maxLat}) / 2`,
      lng: sql<number>`(${grids.minLng} + ${grids.maxLng}) / 2`,
    })
    .from(grids)
    .where(inArray(grids.code, [...codes]));
}
