/**
 * The region's ranking of its cities for a month or a quarter (排名), counted now: each city's
 * attainment of every target that applies to it (the latest accepted report of the indicator's
 * period kind starting by the period's end; a target not reported attains nothing), the case
 * indicators the system measures, the inspections' results (findings fixed on time) and the
 * surveys' (satisfied answers) where the period has them; weighted with the ranking settings in effect on the period's first day, ranked, with the
 * change against the previous period's published ranks (else its recount).
 */
import {
  type DbOrTx,
  effectiveRankingSettings,
  findRankingPublication,
  type IndicatorReportRow,
  independentReads,
  inspectionResultsByCity,
  listAcceptedReports,
  listCities,
  listRegionCityProfiles,
  listRegionIndicators,
  type RegionIndicatorWithTargets,
  surveyResultsByCity,
} from '@urbangrid/db';
import {
  type AppliesTo,
  appliesToCity,
  attainment,
  type CityClass,
  type ComponentScores,
  cityCompositeScore,
  defaultRankingConfig,
  endOfLocalDay,
  isSystemMeasure,
  measuredByOf,
  type Period,
  type PeriodKind,
  parsePeriod,
  periodOf,
  previousPeriod,
  type RankingConfig,
  rankCities,
  rankingConfigSchema,
  type ScoreComponent,
  startOfLocalDay,
  type TargetDirection,
  targetInForce,
} from '@urbangrid/domain';
import { z } from 'zod';
import { systemMeasureValues } from './city-measures.js';

/** One indicator of one city in the period: the attainment matrix's cell (red where short). */
export const attainmentCellSchema = z.object({
  code: z.string(),
  name: z.string(),
  unit: z.string(),
  direction: z.string(),
  measuredBy: z.enum(['city', 'system']),
  target: z.number().nullable(),
  /** Null: not reported (a city's indicator) or nothing to measure (a case indicator). */
  value: z.number().nullable(),
  /** The report the value comes from (its period), for a city's indicator. */
  reportedFor: z.string().nullable(),
  /** 0–1; null when it does not count (a case indicator without data). */
  attainment: z.number().nullable(),
  /** How far short of the target, in its unit (0 when met); null without a value. */
  gap: z.number().nullable(),
  met: z.boolean(),
});
export type AttainmentCell = z.infer<typeof attainmentCellSchema>;

const componentScoresSchema = z.object({
  targets: z.number().nullable(),
  cases: z.number().nullable(),
  inspections: z.number().nullable(),
  surveys: z.number().nullable(),
});

export const cityRankingSchema = z.object({
  city: z.string(),
  name: z.string(),
  score: z.number().nullable(),
  rank: z.number().int().nullable(),
  rankChange: z.number().int().nullable(),
  praised: z.boolean(),
  criticised: z.boolean(),
  components: componentScoresSchema,
  cells: z.array(attainmentCellSchema),
});
export type CityRanking = z.infer<typeof cityRankingSchema>;

export const rankingCountSchema = z.object({
  period: z.string(),
  kind: z.enum(['month', 'quarter']),
  from: z.string(),
  to: z.string(),
  /** The ranking settings version counted with; null: the defaults. */
  settingsVersion: z.number().int().nullable(),
  config: rankingConfigSchema,
  /** Components the region has no data for in the period (无数据): they weigh nothing. */
  noData: z.array(z.enum(['targets', 'cases', 'inspections', 'surveys'])),
  /** Where the previous ranks come from: its publication, its recount, or none. */
  previousRanksFrom: z.enum(['published', 'recount', 'none']),
  rows: z.array(cityRankingSchema),
});
export type RankingCount = z.infer<typeof rankingCountSchema>;

const round2 = (x: number) => Math.round(x * 100) / 100;

function gapOf(direction: TargetDirection, target: number, value: number): number {
  const short =
    direction === 'atMost'
      ? value - target
      : direction === 'about'
        ? Math.abs(value - target)
        : target - value;
  return round2(Math.max(0, short));
}

/** The period keys whose reports may count in a ranking ending on `day`: a year of months back, four quarters, two years. */
function candidatePeriods(day: string): string[] {
  const keys: string[] = [];
  const back = (kind: PeriodKind, n: number) => {
    let period = periodOf(kind, day);
    for (let i = 0; i < n; i++, period = previousPeriod(period)) keys.push(period.key);
  };
  back('month', 12);
  back('quarter', 4);
  back('year', 2);
  return keys;
}

/** The latest accepted report of each city and indicator, of the indicator's period kind. */
function latestReports(
  reports: readonly IndicatorReportRow[],
  indicators: ReadonlyMap<string, RegionIndicatorWithTargets>,
): Map<string, IndicatorReportRow> {
  const latest = new Map<string, { row: IndicatorReportRow; from: string }>();
  for (const row of reports) {
    const period = parsePeriod(row.period);
    if (period === null || indicators.get(row.indicatorCode)?.periodKind !== period.kind) continue;
    const key = `${row.city}:${row.indicatorCode}`;
    const seen = latest.get(key);
    if (seen === undefined || seen.from < period.from) latest.set(key, { row, from: period.from });
  }
  return new Map([...latest].map(([key, { row }]) => [key, row]));
}

const meanPercent = (values: readonly number[]) =>
  values.length === 0 ? null : round2((values.reduce((a, b) => a + b, 0) / values.length) * 100);

/** Each city's cells and component scores, without ranks. */
async function scoreCities(db: DbOrTx, period: Period) {
  const [cities, profiles, indicators] = await independentReads(db, [
    () => listCities(db),
    () => listRegionCityProfiles(db),
    () => listRegionIndicators(db),
  ]);
  const byCode = new Map(indicators.map((indicator) => [indicator.code, indicator]));
  const reports = latestReports(await listAcceptedReports(db, candidatePeriods(period.to)), byCode);
  const profileOf = new Map(profiles.map((profile) => [profile.city, profile]));
  // 检查考评 (findings fixed on time) and 民意调查 (satisfied answers), over the period's instants.
  const zone = cities[0]?.timeZone ?? 'UTC';
  const instants = { from: startOfLocalDay(period.from, zone), to: endOfLocalDay(period.to, zone) };
  const [inspections, surveys] = await independentReads(db, [
    () => inspectionResultsByCity(db, instants),
    () => surveyResultsByCity(db, instants),
  ]);
  const percentOf = (rate: number | null | undefined) => (rate == null ? null : round2(rate * 100));
  const inspectionOf = new Map(inspections.map((row) => [row.city, percentOf(row.fixedOnTimeRate)]));
  const surveyOf = new Map(surveys.map((row) => [row.city, percentOf(row.satisfactionRate)]));
  const scored: Array<{ city: string; name: string; components: ComponentScores; cells: AttainmentCell[] }> =
    [];
  for (const city of cities.filter((c) => c.retiredOn === null || c.retiredOn > period.from)) {
    const profile = profileOf.get(city.code);
    const planCity = {
      code: city.code,
      cityClass: (profile?.cityClass ?? 'prefecture') as CityClass,
      population: profile?.population ?? 0,
    };
    const measured = await systemMeasureValues(db, city, period);
    const cells: AttainmentCell[] = [];
    for (const indicator of indicators) {
      if (!appliesToCity(indicator.appliesTo as AppliesTo, planCity)) continue;
      const target = targetInForce(indicator.targets, period.year);
      if (target === null) continue;
      const direction = indicator.direction as TargetDirection;
      const system = isSystemMeasure(indicator.code);
      const report = system ? undefined : reports.get(`${city.code}:${indicator.code}`);
      const value = system ? measured[indicator.code as keyof typeof measured] : (report?.value ?? null);
      const attained = value === null ? (system ? null : 0) : attainment(direction, target, value);
      cells.push({
        code: indicator.code,
        name: indicator.name,
        unit: indicator.unit,
        direction,
        measuredBy: measuredByOf(indicator.code),
        target,
        value,
        reportedFor: report?.period ?? null,
        attainment: attained === null ? null : round2(attained),
        gap: value === null ? null : gapOf(direction, target, value),
        met: attained === 1,
      });
    }
    const ofSource = (source: 'city' | 'system') =>
      cells
        .filter((cell) => cell.measuredBy === source && cell.attainment !== null)
        .map((cell) => cell.attainment as number);
    scored.push({
      city: city.code,
      name: city.name,
      components: {
        targets: meanPercent(ofSource('city')),
        cases: meanPercent(ofSource('system')),
        inspections: inspectionOf.get(city.code) ?? null,
        surveys: surveyOf.get(city.code) ?? null,
      },
      cells,
    });
  }
  return scored;
}

/** The ranks a previous period was published with, else its recount's; and where they come from. */
async function previousRanks(db: DbOrTx, period: Period, config: RankingConfig) {
  const previous = previousPeriod(period);
  const published = await findRankingPublication(db, previous.key);
  if (published !== null) {
    const rows = rankingCountSchema.shape.rows.parse((published.bulletin as { rows: unknown }).rows);
    const ranks = new Map(rows.filter((r) => r.rank !== null).map((r) => [r.city, r.rank as number]));
    return { ranks, from: 'published' as const };
  }
  const scored = await scoreCities(db, previous);
  const ranked = rankCities(
    scored.map((row) => ({ city: row.city, score: cityCompositeScore(row.components, config) })),
    new Map(),
    config,
  );
  const ranks = new Map(ranked.filter((r) => r.rank !== null).map((r) => [r.city, r.rank as number]));
  return { ranks, from: ranks.size === 0 ? ('none' as const) : ('recount' as const) };
}

/** Counts the ranking of a month or quarter from the data as it is now. */
export async function countRanking(db: DbOrTx, period: Period): Promise<RankingCount> {
  if (period.kind === 'year') throw new Error('the region ranks months and quarters');
  const settings = await effectiveRankingSettings(db, period.from);
  const config = settings === null ? defaultRankingConfig : rankingConfigSchema.parse(settings.config);
  const scored = await scoreCities(db, period);
  const previous = await previousRanks(db, period, config);
  const ranked = rankCities(
    scored.map((row) => ({ city: row.city, score: cityCompositeScore(row.components, config) })),
    previous.ranks,
    config,
  );
  const scoredByCity = new Map(scored.map((row) => [row.city, row]));
  const components: ScoreComponent[] = ['targets', 'cases', 'inspections', 'surveys'];
  return {
    period: period.key,
    kind: period.kind,
    from: period.from,
    to: period.to,
    settingsVersion: settings?.version ?? null,
    config,
    noData: components.filter((c) => scored.every((row) => row.components[c] === null)),
    previousRanksFrom: previous.from,
    rows: ranked.map((row) => {
      const city = scoredByCity.get(row.city);
      if (city === undefined) throw new Error(`city ${row.city} was ranked without a score`);
      return { ...row, name: city.name, components: city.components, cells: city.cells };
    }),
  };
}
