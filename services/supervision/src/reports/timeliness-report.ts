/**
 * The timeliness report (时效报表, api.md): per department, district, street, grid, category or
 * officer, the counters the commands rolled up over a period, with rates beside them. It reads the
 * day rollups only — a year over a million cases is a few thousand rows.
 */
import {
  type Db,
  namesOfKeys,
  type RollupCounts,
  type RollupDimension,
  rollupDimensions,
  sumRollups,
} from '@urbangrid/db';
import { type Rate, rate } from '@urbangrid/domain';
import { ForbiddenError } from '@urbangrid/platform';
import { z } from 'zod';
import type { ReportScope } from './report-scope.js';

/** The columns of api.md, in order. */
export const timelinessCounts = [
  'received',
  'dispatched',
  'handled',
  'handledOnTime',
  'overdue',
  'reworks',
  'extensions',
  'returns',
  'closed',
  'closedOnTime',
] as const satisfies readonly (keyof RollupCounts)[];

export type TimelinessCounts = Record<(typeof timelinessCounts)[number], number>;

export const timelinessRates = [
  'onTimeHandlingRate',
  'onTimeClosingRate',
  'reworkRate',
  'returnRate',
  'extensionRate',
] as const;

export type TimelinessRates = Record<(typeof timelinessRates)[number], Rate>;

export interface TimelinessRow extends TimelinessCounts, TimelinessRates {
  key: string;
  name: string;
}

export interface TimelinessReport {
  city: string;
  from: string;
  to: string;
  groupBy: RollupDimension;
  rows: TimelinessRow[];
  totals: TimelinessCounts & TimelinessRates;
}

const count = z.number().int();
const rateField = z.number().nullable();
const countsShape = Object.fromEntries(timelinessCounts.map((name) => [name, count])) as Record<
  (typeof timelinessCounts)[number],
  typeof count
>;
const ratesShape = Object.fromEntries(timelinessRates.map((name) => [name, rateField])) as Record<
  (typeof timelinessRates)[number],
  typeof rateField
>;

export const timelinessReportSchema = z.object({
  city: z.string(),
  from: z.string(),
  to: z.string(),
  groupBy: z.enum(rollupDimensions),
  rows: z.array(z.object({ key: z.string(), name: z.string(), ...countsShape, ...ratesShape })),
  totals: z.object({ ...countsShape, ...ratesShape }),
});

/** Rates beside the counts: on-time handling and closing, rework, return and extension rates. */
export function timelinessRatesOf(counts: TimelinessCounts): TimelinessRates {
  return {
    onTimeHandlingRate: rate(counts.handledOnTime, counts.handled),
    onTimeClosingRate: rate(counts.closedOnTime, counts.closed),
    reworkRate: rate(counts.reworks, counts.handled),
    returnRate: rate(counts.returns, counts.dispatched),
    extensionRate: rate(counts.extensions, counts.dispatched),
  };
}

const areaDimensions: readonly RollupDimension[] = ['district', 'street', 'grid'];

export async function timelinessReport(
  db: Db,
  scope: ReportScope,
  query: { from: string; to: string; groupBy: RollupDimension },
): Promise<TimelinessReport> {
  const district = scope.districtCode;
  if (district !== null && !areaDimensions.includes(query.groupBy)) {
    // Rollups by department, category or officer are city-wide; a district supervisor's share of
    // them is not counted separately.
    throw new ForbiddenError(
      `a district supervisor groups by district, street or grid, not by ${query.groupBy}`,
    );
  }
  const summed = await sumRollups(db, {
    city: scope.city,
    dimension: query.groupBy,
    fromDay: query.from,
    toDay: query.to,
  });
  const visible = district === null ? summed : summed.filter((row) => row.key.startsWith(district));
  const names = await namesOfKeys(
    db,
    scope.city,
    query.groupBy,
    visible.map((row) => row.key),
  );
  const totals = Object.fromEntries(timelinessCounts.map((name) => [name, 0])) as TimelinessCounts;
  const rows = visible.map((row) => {
    const counts = Object.fromEntries(timelinessCounts.map((name) => [name, row[name]])) as TimelinessCounts;
    for (const name of timelinessCounts) totals[name] += counts[name];
    return { key: row.key, name: names.get(row.key) ?? row.key, ...counts, ...timelinessRatesOf(counts) };
  });
  return {
    city: scope.city,
    from: query.from,
    to: query.to,
    groupBy: query.groupBy,
    rows,
    totals: { ...totals, ...timelinessRatesOf(totals) },
  };
}
