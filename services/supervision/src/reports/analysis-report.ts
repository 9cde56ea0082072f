/**
 * Analysis (数据分析): trends of received and closed cases and on-time rates by day, week or month
 * for the city or one category, district or department; hotspots (the grids with the most cases);
 * and the callback satisfaction rate (满意率) by department or district. Trends and hotspots read
 * the day rollups; satisfaction counts the answered callbacks of the period.
 */
import {
  countCallbackOutcomes,
  type Db,
  findCity,
  gridCentres,
  namesOfKeys,
  type SatisfactionDimension,
  sumRollups,
  sumRollupsByDay,
} from '@urbangrid/db';
import { endOfLocalDay, rate, startOfLocalDay } from '@urbangrid/domain';
import { ForbiddenError } from '@urbangrid/platform';
import { z } from 'zod';
import { analysisColumnSchema, analysisColumns, reportColumnKeys } from './analysis-columns.js';
import type { ReportScope } from './report-scope.js';

export const trendIntervals = ['day', 'week', 'month'] as const;
export type TrendInterval = (typeof trendIntervals)[number];
export const trendDimensions = ['category', 'district', 'department'] as const;
export type TrendDimension = (typeof trendDimensions)[number];
export const satisfactionDimensions = [
  'department',
  'district',
] as const satisfies readonly SatisfactionDimension[];

const rateField = z.number().nullable();

export const trendRowSchema = z.object({
  /** The day (YYYY-MM-DD), the Monday a week starts on (YYYY-MM-DD), or the month (YYYY-MM). */
  period: z.string(),
  received: z.number().int(),
  closed: z.number().int(),
  handled: z.number().int(),
  handledOnTime: z.number().int(),
  closedOnTime: z.number().int(),
  onTimeHandlingRate: rateField,
  onTimeClosingRate: rateField,
});
export type TrendRow = z.infer<typeof trendRowSchema>;

export const trendReportSchema = z.object({
  city: z.string(),
  from: z.string(),
  to: z.string(),
  interval: z.enum(trendIntervals),
  groupBy: z.enum(trendDimensions),
  /** The one category, district or department followed; null for all of them (the whole scope). */
  key: z.string().nullable(),
  /** The table's columns, the export's too (analysis-columns.ts). */
  columns: z.array(analysisColumnSchema),
  rows: z.array(trendRowSchema),
});
export type TrendReport = z.infer<typeof trendReportSchema>;

export const hotspotSchema = z.object({
  key: z.string(),
  name: z.string(),
  received: z.number().int(),
  closed: z.number().int(),
  lat: z.number(),
  lng: z.number(),
});
export const hotspotReportSchema = z.object({
  city: z.string(),
  from: z.string(),
  to: z.string(),
  columns: z.array(analysisColumnSchema),
  rows: z.array(hotspotSchema),
});
export type HotspotReport = z.infer<typeof hotspotReportSchema>;

export const satisfactionRowSchema = z.object({
  key: z.string(),
  name: z.string(),
  /** Callbacks answered (satisfied or not); unreachable callers are not counted. */
  answered: z.number().int(),
  satisfied: z.number().int(),
  satisfactionRate: rateField,
});
export const satisfactionReportSchema = z.object({
  city: z.string(),
  from: z.string(),
  to: z.string(),
  groupBy: z.enum(satisfactionDimensions),
  columns: z.array(analysisColumnSchema),
  rows: z.array(satisfactionRowSchema),
  totals: satisfactionRowSchema.omit({ key: true, name: true }),
});
export type SatisfactionReport = z.infer<typeof satisfactionReportSchema>;

const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** The period a local day falls in: itself, the Monday of its week, or its month. */
export function periodOf(day: string, interval: TrendInterval): string {
  if (interval === 'day') return day;
  if (interval === 'month') return day.slice(0, 7);
  const weekday = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
  return addDays(day, -weekday);
}

function noDistrictShare(scope: ReportScope, dimension: string): void {
  if (scope.districtCode !== null && dimension !== 'district') {
    throw new ForbiddenError(`a district supervisor follows their district, not a ${dimension}`);
  }
}

export async function trendReport(
  db: Db,
  scope: ReportScope,
  query: { from: string; to: string; interval: TrendInterval; groupBy: TrendDimension; key?: string },
): Promise<TrendReport> {
  noDistrictShare(scope, query.groupBy);
  const district = scope.districtCode;
  if (district !== null && query.key !== undefined && !query.key.startsWith(district)) {
    throw new ForbiddenError(`district ${query.key} is outside this account's jurisdiction`);
  }
  const days = await sumRollupsByDay(db, {
    city: scope.city,
    dimension: query.groupBy,
    fromDay: query.from,
    toDay: query.to,
    key: query.key,
    keyPrefix: query.key === undefined && district !== null ? district : undefined,
  });
  const byDay = new Map(days.map((row) => [row.day, row]));
  const periods = new Map<string, Omit<TrendRow, 'onTimeHandlingRate' | 'onTimeClosingRate'>>();
  // Every period of the range is a row, a quiet one with zeros: a chart's axis has no gaps.
  for (let day = query.from; day <= query.to; day = addDays(day, 1)) {
    const period = periodOf(day, query.interval);
    const sum = periods.get(period) ?? {
      period,
      received: 0,
      closed: 0,
      handled: 0,
      handledOnTime: 0,
      closedOnTime: 0,
    };
    const row = byDay.get(day);
    if (row) {
      sum.received += row.received;
      sum.closed += row.closed;
      sum.handled += row.handled;
      sum.handledOnTime += row.handledOnTime;
      sum.closedOnTime += row.closedOnTime;
    }
    periods.set(period, sum);
  }
  return {
    city: scope.city,
    from: query.from,
    to: query.to,
    interval: query.interval,
    groupBy: query.groupBy,
    key: query.key ?? null,
    columns: analysisColumns(reportColumnKeys.trend),
    rows: [...periods.values()].map((sum) => ({
      ...sum,
      onTimeHandlingRate: rate(sum.handledOnTime, sum.handled),
      onTimeClosingRate: rate(sum.closedOnTime, sum.closed),
    })),
  };
}

export async function hotspotReport(
  db: Db,
  scope: ReportScope,
  query: { from: string; to: string; limit: number },
): Promise<HotspotReport> {
  const district = scope.districtCode;
  const grids = (
    await sumRollups(db, { city: scope.city, dimension: 'grid', fromDay: query.from, toDay: query.to })
  )
    .filter((row) => row.received > 0 && (district === null || row.key.startsWith(district)))
    .sort((a, b) => b.received - a.received || a.key.localeCompare(b.key))
    .slice(0, query.limit);
  const centres = new Map(
    (
      await gridCentres(
        db,
        grids.map((row) => row.key),
      )
    ).map((centre) => [centre.code, centre]),
  );
  return {
    city: scope.city,
    from: query.from,
    to: query.to,
    columns: analysisColumns(reportColumnKeys.hotspots),
    rows: grids.flatMap((row) => {
      const centre = centres.get(row.key);
      return centre
        ? [
            {
              key: row.key,
              name: centre.name,
              received: row.received,
              closed: row.closed,
              lat: centre.lat,
              lng: centre.lng,
            },
          ]
        : [];
    }),
  };
}

export async function satisfactionReport(
  db: Db,
  scope: ReportScope,
  query: { from: string; to: string; groupBy: SatisfactionDimension },
): Promise<SatisfactionReport> {
  const city = await findCity(db, scope.city);
  if (city === null) throw new ForbiddenError(`no city ${scope.city}`);
  const counted = await countCallbackOutcomes(db, {
    city: scope.city,
    by: query.groupBy,
    from: startOfLocalDay(query.from, city.timeZone),
    to: endOfLocalDay(query.to, city.timeZone),
    districtCode: scope.districtCode ?? undefined,
  });
  const names = await namesOfKeys(
    db,
    scope.city,
    query.groupBy,
    counted.map((row) => row.key),
  );
  let answered = 0;
  let satisfied = 0;
  const rows = counted.map((row) => {
    answered += row.answered;
    satisfied += row.satisfied;
    return {
      key: row.key,
      name: names.get(row.key) ?? row.key,
      answered: row.answered,
      satisfied: row.satisfied,
      satisfactionRate: rate(row.satisfied, row.answered),
    };
  });
  return {
    city: scope.city,
    from: query.from,
    to: query.to,
    groupBy: query.groupBy,
    columns: analysisColumns(reportColumnKeys.satisfaction),
    rows,
    totals: { answered, satisfied, satisfactionRate: rate(satisfied, answered) },
  };
}
