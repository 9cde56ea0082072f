/**
 * The region's map and wall (全区地图, 全区大屏): where each city is drawn (the middle of its grids,
 * sized by how many) and the region's live summary — each city's counters of today, the region's
 * 30-day trend and the latest events across every city. Read from the day rollups and indexed,
 * limited case reads; nothing scans all cases.
 */
import {
  type Db,
  listCities,
  listCityPlaces,
  listRecentCaseEvents,
  type RollupCounts,
  sumCityRollupsByDay,
} from '@urbangrid/db';
import { localDay } from '@urbangrid/domain';
import { z } from 'zod';
import { daysBefore, trendDays } from '../screen/screen-summary.js';

export const regionEventCount = 30;
export const regionCounters = ['received', 'filed', 'dispatched', 'closed', 'overdue'] as const;
type Counters = Record<(typeof regionCounters)[number], number>;

const count = z.number().int();
const countersSchema = z.object(
  Object.fromEntries(regionCounters.map((name) => [name, count])) as Record<
    (typeof regionCounters)[number],
    typeof count
  >,
);

export const regionCitySchema = z
  .object({
    code: z.string(),
    name: z.string(),
    nameEn: z.string(),
    /** The middle of the city's grids; null for a city without grids. */
    lat: z.number().nullable(),
    lng: z.number().nullable(),
    /** How many grids the city has: the size it is drawn at. */
    grids: count,
  })
  .meta({ id: 'RegionCity' });
export type RegionCity = z.infer<typeof regionCitySchema>;

export const regionScreenSchema = z
  .object({
    /** The region's local day (its first city's zone) the trend ends on. */
    today: z.iso.date(),
    from: z.iso.date(),
    generatedAt: z.iso.datetime({ offset: true }),
    cities: z.array(
      regionCitySchema.extend({
        /** The city's local day its counters are of. */
        today: z.iso.date(),
        counters: countersSchema,
      }),
    ),
    totals: countersSchema.describe("the cities' counters of today added up"),
    trend: z.array(z.object({ day: z.iso.date(), received: count, closed: count, overdue: count })),
    events: z.array(
      z.object({
        city: z.string(),
        caseId: z.string(),
        caseNo: z.string(),
        command: z.string(),
        state: z.string(),
        at: z.iso.datetime({ offset: true }),
        categoryCode: z.string(),
      }),
    ),
  })
  .meta({ id: 'RegionScreen' });
export type RegionScreen = z.infer<typeof regionScreenSchema>;

/** Every city of the region where the map draws it (retired cities left out). */
export async function regionCities(db: Db, today: string): Promise<RegionCity[]> {
  const [cities, places] = await Promise.all([listCities(db), listCityPlaces(db)]);
  const placeOf = new Map(places.map((place) => [place.city, place]));
  return cities
    .filter((city) => city.retiredOn === null || city.retiredOn > today)
    .map((city) => {
      const place = placeOf.get(city.code);
      return {
        code: city.code,
        name: city.name,
        nameEn: city.nameEn,
        lat: place?.lat ?? null,
        lng: place?.lng ?? null,
        grids: place?.grids ?? 0,
      };
    });
}

const countersOf = (row: RollupCounts | undefined): Counters =>
  Object.fromEntries(regionCounters.map((name) => [name, row?.[name] ?? 0])) as Counters;

export async function regionScreen(db: Db, now: Date): Promise<RegionScreen> {
  const all = (await listCities(db)).filter(
    (city) => city.retiredOn === null || city.retiredOn > localDay(now, city.timeZone),
  );
  const zone = all[0]?.timeZone ?? 'Asia/Shanghai';
  const today = localDay(now, zone);
  const from = daysBefore(today, trendDays - 1);
  const codes = all.map((city) => city.code);
  const [cities, days, events] = await Promise.all([
    regionCities(db, today),
    // A city ahead of the region's zone may already count tomorrow.
    sumCityRollupsByDay(db, { cities: codes, fromDay: from, toDay: daysBefore(today, -1) }),
    Promise.all(
      codes.map((city) =>
        listRecentCaseEvents(db, city, { kind: 'city', city }, regionEventCount).then((rows) =>
          rows.map((row) => ({ ...row, city })),
        ),
      ),
    ),
  ]);
  const todayOf = new Map(all.map((city) => [city.code, localDay(now, city.timeZone)]));
  const rowOf = new Map(days.map((row) => [`${row.city}:${row.day}`, row]));
  const counted = cities.map((city) => {
    const day = todayOf.get(city.code) ?? today;
    return { ...city, today: day, counters: countersOf(rowOf.get(`${city.code}:${day}`)) };
  });
  const totals = countersOf(undefined);
  for (const city of counted) for (const name of regionCounters) totals[name] += city.counters[name];

  const byDay = new Map<string, { received: number; closed: number; overdue: number }>();
  for (const row of days) {
    const sum = byDay.get(row.day) ?? { received: 0, closed: 0, overdue: 0 };
    sum.received += row.received;
    sum.closed += row.closed;
    sum.overdue += row.overdue;
    byDay.set(row.day, sum);
  }
  const trend = Array.from({ length: trendDays }, (_, i) => {
    const day = daysBefore(today, trendDays - 1 - i);
    return { day, ...(byDay.get(day) ?? { received: 0, closed: 0, overdue: 0 }) };
  });

  return {
    today,
    from,
    generatedAt: now.toISOString(),
    cities: counted,
    totals,
    trend,
    events: events
      .flat()
      .sort((a, b) => b.at.getTime() - a.at.getTime())
      .slice(0, regionEventCount)
      .map((event) => ({
        city: event.city,
        caseId: event.caseId,
        caseNo: event.caseNo,
        command: event.command,
        state: event.state,
        at: event.at.toISOString(),
        categoryCode: event.categoryCode,
      })),
  };
}
