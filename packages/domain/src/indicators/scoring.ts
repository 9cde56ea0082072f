/**
 * Composite scores (综合得分), grades (等级) and rankings (排名).
 */
import type { GradeBands, VolumeBands } from './bands.js';
import type { Direction } from './indicator-definitions.js';
import { clampRate, type Rate } from './rate.js';

/**
 * Weighted score out of 100, rounded to 2 decimals. Indicators with no value (empty denominator)
 * are left out and their weight spread over the rest in proportion; with no value at all, or only
 * zero weights left, the score is null.
 */
export function compositeScore<K extends string>(
  values: Readonly<Record<K, Rate>>,
  weights: Readonly<Record<K, number>>,
  directions: Readonly<Record<K, Direction>>,
): number | null {
  let weighted = 0;
  let totalWeight = 0;
  for (const key of Object.keys(weights) as K[]) {
    const value = values[key];
    const weight = weights[key];
    if (value === null || weight <= 0) continue;
    const share = clampRate(value);
    weighted += weight * (directions[key] === 'lower' ? 1 - share : share);
    totalWeight += weight;
  }
  return totalWeight === 0 ? null : roundScore((100 * weighted) / totalWeight);
}

/** Scores are compared and shown at 2 decimals, so ties are what people see as ties. */
export function roundScore(score: number): number {
  return Math.round(score * 100) / 100;
}

/** A: ≥ 90, B: ≥ 75, C: ≥ 60, D: ≥ 40, else E (with the default bands); null score → null. */
export function gradeOf(score: number | null, grades: GradeBands): string | null {
  if (score === null) return null;
  return grades.bands.find((band) => score >= band.min)?.grade ?? grades.below;
}

/** Volume → score in [0, 1]: the highest band reached, 0 below every band. */
export function volumeScore(volume: number, bands: VolumeBands): number {
  let score = 0;
  for (const band of bands) if (volume >= band.atLeast) score = band.score;
  return score / 100;
}

/**
 * Competition ranking ("1224"): equal scores share a rank and the next rank skips accordingly,
 * highest score first. A null score is not ranked.
 */
export function competitionRanks(scores: readonly (number | null)[]): (number | null)[] {
  const ranked = scores.filter((score): score is number => score !== null).sort((a, b) => b - a);
  return scores.map((score) => (score === null ? null : ranked.indexOf(score) + 1));
}
