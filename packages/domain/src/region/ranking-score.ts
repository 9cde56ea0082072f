/**
 * The region's composite score of a city (综合得分, 排名通报): the attainment of the plan's targets
 * the city reports, of the case indicators the system measures, the inspections' results and the
 * surveys', weighted as the region sets them. Pure rules: which target is in force in a period, how
 * far a value attains it, the composite, the ranks and who is praised or criticised.
 */
import { z } from 'zod';
import type { TargetDirection } from './plan-targets.js';

/**
 * Indicators the system measures itself from the cases (案件指标): a city does not report them. The
 * region sets their targets like any other indicator's (POST /api/admin/region/targets).
 */
export const systemMeasures = {
  /** 按期结案率: closed on time / closed. */
  ON_TIME_CLOSING_RATE: { direction: 'atLeast', unit: '%' },
  /** 返工率: reworks / closed. */
  REWORK_RATE: { direction: 'atMost', unit: '%' },
  /** 公众满意率 (回访): satisfied / answered callbacks. */
  PUBLIC_SATISFACTION: { direction: 'atLeast', unit: '%' },
} as const;
export type SystemMeasure = keyof typeof systemMeasures;

export function isSystemMeasure(code: string): code is SystemMeasure {
  return Object.hasOwn(systemMeasures, code);
}

/** Who fills an indicator's values: the city (报送) or the system (案件数据). */
export const measuredByOf = (code: string): 'city' | 'system' => (isSystemMeasure(code) ? 'system' : 'city');

/**
 * The target value in force in `year`: the latest year set up to it; before the first year set, the
 * first one (what the city works towards). Null without targets.
 */
export function targetInForce(
  targets: readonly { year: number; value: number }[],
  year: number,
): number | null {
  const sorted = [...targets].sort((a, b) => a.year - b.year);
  const inForce = sorted.filter((target) => target.year <= year).at(-1) ?? sorted[0];
  return inForce?.value ?? null;
}

/**
 * How far `value` attains `target`, 0–1: at least (≥) value/target, at most (≤) target/value, about
 * (≈) one less the relative distance, a yes/no task its value. 1 means met.
 */
export function attainment(direction: TargetDirection, target: number, value: number): number {
  const clamp = (x: number) => Math.min(1, Math.max(0, x));
  switch (direction) {
    case 'atLeast':
      return target <= 0 ? 1 : clamp(value / target);
    case 'atMost':
      return value <= target ? 1 : value <= 0 ? 1 : clamp(target / value);
    case 'about':
      return target === 0 ? (value === 0 ? 1 : 0) : clamp(1 - Math.abs(value - target) / Math.abs(target));
    case 'yesNo':
      return value >= 1 ? 1 : 0;
  }
}

/** The parts of the composite score, in the order bulletins show them. */
export const scoreComponents = ['targets', 'cases', 'inspections', 'surveys'] as const;
export type ScoreComponent = (typeof scoreComponents)[number];

/** The region's ranking settings (排名设置): component weights and the bulletin's praise/criticism rule. */
export const rankingConfigSchema = z
  .object({
    /** Relative weights; a component without data that period counts with none (its weight shared out). */
    weights: z.object(
      Object.fromEntries(scoreComponents.map((c) => [c, z.number().min(0).max(100)])) as Record<
        ScoreComponent,
        z.ZodNumber
      >,
    ),
    /** 表扬: the first `praiseTop` cities scoring at least `praiseMinScore`. */
    praiseTop: z.number().int().min(0).max(50),
    praiseMinScore: z.number().min(0).max(100),
    /** 批评: the last `criticiseBottom` cities, and every city scoring below `criticiseBelow`. */
    criticiseBottom: z.number().int().min(0).max(50),
    criticiseBelow: z.number().min(0).max(100),
  })
  .refine((config) => scoreComponents.some((c) => config.weights[c] > 0), {
    message: 'at least one component needs a weight above 0',
    path: ['weights'],
  })
  .meta({ id: 'RankingConfig' });
export type RankingConfig = z.infer<typeof rankingConfigSchema>;

export const defaultRankingConfig: RankingConfig = {
  weights: { targets: 40, cases: 30, inspections: 15, surveys: 15 },
  praiseTop: 3,
  praiseMinScore: 80,
  criticiseBottom: 3,
  criticiseBelow: 60,
};

/** A component's score 0–100, or null when the period has no data for it (无数据). */
export type ComponentScores = Record<ScoreComponent, number | null>;

/** The weighted mean of the components that have data; null when none has (or all weigh 0). */
export function cityCompositeScore(components: ComponentScores, config: RankingConfig): number | null {
  let sum = 0;
  let weight = 0;
  for (const component of scoreComponents) {
    const score = components[component];
    const w = config.weights[component];
    if (score === null || w === 0) continue;
    sum += score * w;
    weight += w;
  }
  return weight === 0 ? null : Math.round((sum / weight) * 100) / 100;
}

export interface RankedCity {
  city: string;
  score: number | null;
  rank: number | null;
  /** Previous period's rank minus this one (up is positive); null without a previous rank. */
  rankChange: number | null;
  praised: boolean;
  criticised: boolean;
}

/**
 * Ranks by score (highest first; equal scores share a rank, 1, 2, 2, 4), cities without a score
 * last and unranked; the change against `previousRanks`; praise and criticism by the config's rule.
 */
export function rankCities(
  scores: readonly { city: string; score: number | null }[],
  previousRanks: ReadonlyMap<string, number>,
  config: RankingConfig,
): RankedCity[] {
  const scored = scores
    .filter((row): row is { city: string; score: number } => row.score !== null)
    .sort((a, b) => b.score - a.score || a.city.localeCompare(b.city));
  const ranked: RankedCity[] = [];
  scored.forEach((row, i) => {
    const previous = ranked[i - 1];
    const rank = previous !== undefined && previous.score === row.score ? (previous.rank as number) : i + 1;
    const before = previousRanks.get(row.city);
    const praised = rank <= config.praiseTop && row.score >= config.praiseMinScore;
    ranked.push({
      city: row.city,
      score: row.score,
      rank,
      rankChange: before === undefined ? null : before - rank,
      praised,
      criticised:
        !praised && (scored.length - rank < config.criticiseBottom || row.score < config.criticiseBelow),
    });
  });
  for (const row of scores)
    if (row.score === null)
      ranked.push({
        city: row.city,
        score: null,
        rank: null,
        rankChange: null,
        praised: false,
        criticised: false,
      });
  return ranked;
}
