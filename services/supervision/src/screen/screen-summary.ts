/**
 * The big screen's summary (大屏, GET /api/supervision/screen): today's counters and the last 30
 * days' trend, rates, top categories and departments and heat by grid from the day rollups; the
 * open cases' lights and the latest events from indexed, limited reads. Nothing scans all cases.
 */
import {
  type CaseScope,
  countOpenCasesByLight,
  type Db,
  gridCentres,
  listOpenCasePoints,
  listRecentCaseEvents,
  namesOfKeys,
  type RollupCounts,
  sumRollups,
  sumRollupsByDay,
  zeroRollupCounts,
} from '@urbangrid/db';
import { openStates, rate } from '@urbangrid/domain';
import { z } from 'zod';

/** Days of the trend, today included. */
export const trendDays = 30;
/** At most this many open cases are drawn as lights (the most urgent first); counts are exact. */
export const maxPoints = 3_000;
/** The grids with the most cases reported in the trend's days. */
export const maxHeatGrids = 400;
export const topCount = 8;
export const recentEventCount = 30;

export const screenCounters = ['received', 'filed', 'dispatched', 'closed', 'overdue'] as const;
type Counters = Record<(typeof screenCounters)[number], number>;

export interface ScreenScope {
  city: string;
  /** A district supervisor sees their district only. */
  districtCode: string | null;
}

const count = z.number().int();
const rateField = z.number().nullable().describe('0–1; null when there was nothing to measure');
const countersSchema = z.object(
  Object.fromEntries(screenCounters.map((name) => [name, count])) as Record<
    (typeof screenCounters)[number],
    typeof count
  >,
);
const ratesSchema = z.object({ onTimeHandlingRate: rateField, onTimeClosingRate: rateField });

export const screenSummarySchema = z.object({
  city: z.string(),
  cityName: z.string(),
  /** The cities a region supervisor may switch to (only theirs for anyone else). */
  cities: z.array(z.object({ code: z.string(), name: z.string() })),
  districtCode: z.string().nullable(),
  /** The city's local day the counters are of, and the first day of the trend. */
  today: z.iso.date(),
  from: z.iso.date(),
  generatedAt: z.iso.datetime({ offset: true }),
  counters: countersSchema.describe('today’s counters'),
  rates: z.object({ today: ratesSchema, period: ratesSchema }),
  open: z.object({ total: count, red: count, yellow: count, green: count }),
  points: z.array(
    z.object({
      id: z.string(),
      caseNo: z.string(),
      lat: z.number(),
      lng: z.number(),
      light: z.string(),
      categoryCode: z.string(),
    }),
  ),
  pointsTruncated: z.boolean(),
  heat: z.array(
    z.object({ code: z.string(), name: z.string(), lat: z.number(), lng: z.number(), received: count }),
  ),
  topCategories: z.array(z.object({ key: z.string(), name: z.string(), received: count })),
  topDepartments: z.array(
    z.object({ key: z.string(), name: z.string(), dispatched: count, closed: count, overdue: count }),
  ),
  trend: z.array(z.object({ day: z.iso.date(), received: count, closed: count, overdue: count })),
  events: z.array(
    z.object({
      caseId: z.string(),
      caseNo: z.string(),
      command: z.string(),
      state: z.string(),
      at: z.iso.datetime({ offset: true }),
      categoryCode: z.string(),
    }),
  ),
});

export type ScreenSummary = z.infer<typeof screenSummarySchema>;

/** The local day `days` before `day` (YYYY-MM-DD, calendar arithmetic in UTC). */
export function daysBefore(day: string, days: number): string {
  const at = new Date(`${day}T00:00:00Z`);
  at.setUTCDate(at.getUTCDate() - days);
  return at.toISOString().slice(0, 10);
}

function countersOf(totals: RollupCounts): Counters {
  return Object.fromEntries(screenCounters.map((name) => [name, totals[name]])) as Counters;
}

function ratesOf(totals: RollupCounts) {
  return {
    onTimeHandlingRate: rate(totals.handledOnTime, totals.handled),
    onTimeClosingRate: rate(totals.closedOnTime, totals.closed),
  };
}

function addUp(rows: readonly RollupCounts[]): RollupCounts {
  const sum = zeroRollupCounts();
  for (const row of rows)
    for (const metric of Object.keys(sum) as (keyof RollupCounts)[]) sum[metric] += row[metric];
  return sum;
}

export async function screenSummary(
  db: Db,
  scope: ScreenScope,
  context: { today: string; cityName: string; cities: ScreenSummary['cities']; now: Date },
): Promise<ScreenSummary> {
  const { city, districtCode } = scope;
  const from = daysBefore(context.today, trendDays - 1);
  const period = { city, fromDay: from, toDay: context.today };
  const caseScope: CaseScope =
    districtCode === null ? { kind: 'city', city } : { kind: 'district', city, districtCode };
  const keyPrefix = districtCode ?? undefined;
  // Every case has a district: the district rollups add up to the city (or the district's) totals.
  const [days, gridRows, categoryRows, departmentRows, lights, points, events] = await Promise.all([
    sumRollupsByDay(db, { ...period, dimension: 'district', keyPrefix }),
    sumRollups(db, { ...period, dimension: 'grid' }),
    // Department and category rollups are city-wide: a district supervisor does not get them.
    districtCode === null ? sumRollups(db, { ...period, dimension: 'category' }) : Promise.resolve([]),
    districtCode === null ? sumRollups(db, { ...period, dimension: 'department' }) : Promise.resolve([]),
    countOpenCasesByLight(db, caseScope, openStates),
    listOpenCasePoints(db, caseScope, openStates, maxPoints),
    listRecentCaseEvents(db, city, caseScope, recentEventCount),
  ]);

  const byDay = new Map(days.map((row) => [row.day, row]));
  const trend = Array.from({ length: trendDays }, (_, i) => {
    const day = daysBefore(context.today, trendDays - 1 - i);
    const row = byDay.get(day);
    return { day, received: row?.received ?? 0, closed: row?.closed ?? 0, overdue: row?.overdue ?? 0 };
  });
  const todayTotals = byDay.get(context.today) ?? zeroRollupCounts();

  const hotGrids = gridRows
    .filter((row) => row.received > 0 && (keyPrefix === undefined || row.key.startsWith(keyPrefix)))
    .sort((a, b) => b.received - a.received)
    .slice(0, maxHeatGrids);
  const topCategoryRows = categoryRows
    .filter((row) => row.received > 0)
    .sort((a, b) => b.received - a.received)
    .slice(0, topCount);
  const topDepartmentRows = departmentRows
    .filter((row) => row.dispatched > 0)
    .sort((a, b) => b.dispatched - a.dispatched)
    .slice(0, topCount);
  const [centres, categoryNames, departmentNames] = await Promise.all([
    gridCentres(
      db,
      hotGrids.map((row) => row.key),
    ),
    namesOfKeys(
      db,
      city,
      'category',
      topCategoryRows.map((row) => row.key),
    ),
    namesOfKeys(
      db,
      city,
      'department',
      topDepartmentRows.map((row) => row.key),
    ),
  ]);
  const centreOf = new Map(centres.map((centre) => [centre.code, centre]));

  const open = { total: 0, red: 0, yellow: 0, green: 0 };
  for (const { light, count: n } of lights) {
    open.total += n;
    if (light === 'red' || light === 'yellow' || light === 'green') open[light] += n;
  }

  return {
    city,
    cityName: context.cityName,
    cities: context.cities,
    districtCode,
    today: context.today,
    from,
    generatedAt: context.now.toISOString(),
    counters: countersOf(todayTotals),
    rates: { today: ratesOf(todayTotals), period: ratesOf(addUp(days)) },
    open,
    points,
    pointsTruncated: open.total > points.length,
    heat: hotGrids.flatMap((row) => {
      const centre = centreOf.get(row.key);
      return centre ? [{ ...centre, received: row.received }] : [];
    }),
    topCategories: topCategoryRows.map((row) => ({
      key: row.key,
      name: categoryNames.get(row.key) ?? row.key,
      received: row.received,
    })),
    topDepartments: topDepartmentRows.map((row) => ({
      key: row.key,
      name: departmentNames.get(row.key) ?? row.key,
      dispatched: row.dispatched,
      closed: row.closed,
      overdue: row.overdue,
    })),
    trend,
    events: events.map((event) => ({
      caseId: event.caseId,
      caseNo: event.caseNo,
      command: event.command,
      state: event.state,
      at: event.at.toISOString(),
      categoryCode: event.categoryCode,
    })),
  };
}
