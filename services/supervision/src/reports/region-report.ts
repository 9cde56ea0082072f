/**
 * The region view (自治区/省级平台, domain.md §1): every city of the region compared and ranked on
 * the same area indicators (closing rate, on-time closing rate, public-report rate, cases per km²),
 * under one set of weights — the region's defaults — so the ranking compares like with like.
 */
import {
  type Db,
  listCities,
  listDistricts,
  type RollupCounts,
  sumRollups,
  zeroRollupCounts,
} from '@urbangrid/db';
import { defaultEvaluationConfig, type EvaluationInput } from '@urbangrid/domain';
import { z } from 'zod';
import { areaCounts } from './evaluation-counts.js';
import { evaluate } from './evaluation-report.js';
import {
  type IndicatorColumn,
  indicatorColumnSchema,
  indicatorColumns,
  indicatorValuesSchema,
} from './indicator-values.js';
import { type TimelinessCounts, timelinessCounts } from './timeliness-report.js';

export interface RegionRow {
  key: string;
  name: string;
  indicators: Record<string, number | null>;
  score: number | null;
  grade: string | null;
  rank: number | null;
  totals: TimelinessCounts;
}

export interface RegionReport {
  from: string;
  to: string;
  /** The area indicators, in order: what the rows' `indicators` hold, labelled. */
  indicatorColumns: IndicatorColumn[];
  rows: RegionRow[];
}

export const regionReportSchema = z.object({
  from: z.string(),
  to: z.string(),
  indicatorColumns: z.array(indicatorColumnSchema),
  rows: z.array(
    z.object({
      key: z.string(),
      name: z.string(),
      indicators: indicatorValuesSchema,
      score: z.number().nullable(),
      grade: z.string().nullable(),
      rank: z.number().int().nullable(),
      totals: z.object(Object.fromEntries(timelinessCounts.map((name) => [name, z.number().int()]))),
    }),
  ),
});

export async function regionReport(
  db: Db,
  query: { from: string; to: string; regionCode?: string },
): Promise<RegionReport> {
  const cities = (await listCities(db)).filter(
    (city) => query.regionCode === undefined || city.regionCode === query.regionCode,
  );
  const inputs: EvaluationInput<'area'>[] = [];
  const totalsByCity = new Map<string, RollupCounts>();
  for (const city of cities) {
    const [rows, districts] = await Promise.all([
      sumRollups(db, { city: city.code, dimension: 'district', fromDay: query.from, toDay: query.to }),
      listDistricts(db, city.code),
    ]);
    const total = zeroRollupCounts();
    for (const row of rows)
      for (const metric of Object.keys(total) as (keyof RollupCounts)[]) total[metric] += row[metric];
    totalsByCity.set(city.code, total);
    const size = districts.reduce(
      (sum, district) => ({
        areaKm2: sum.areaKm2 + district.areaKm2,
        population: sum.population + district.population,
      }),
      { areaKm2: 0, population: 0 },
    );
    inputs.push({ key: city.code, name: city.name, counts: areaCounts(total, size) });
  }
  const rows = evaluate('district', inputs, defaultEvaluationConfig).map((row) => {
    const total = totalsByCity.get(row.key) ?? zeroRollupCounts();
    return {
      ...row,
      totals: Object.fromEntries(timelinessCounts.map((name) => [name, total[name]])) as TimelinessCounts,
    };
  });
  return {
    from: query.from,
    to: query.to,
    indicatorColumns: indicatorColumns('area', defaultEvaluationConfig),
    rows,
  };
}
