/**
 * Evaluation of a set of subjects over a period (绩效评价): indicators, score, grade and rank for
 * each row — what GET /api/supervision/reports/evaluation returns. Every indicator is computed and
 * scored as its definition says (`indicator-definitions.ts`).
 */
import type { VolumeBandsConfig } from './bands.js';
import { defaultEvaluationConfig, type EvaluationConfig } from './evaluation-config.js';
import {
  type IndicatorValuesOf,
  indicatorsOfSubject,
  type SubjectKind,
  scoredIndicatorsOf,
} from './indicator-definitions.js';
import type { Rate } from './rate.js';
import { competitionRanks, compositeScore, gradeOf } from './scoring.js';
import type {
  AreaCounts,
  DepartmentCounts,
  DispatcherCounts,
  IntakeOperatorCounts,
  OfficerCounts,
  ShiftLeadCounts,
} from './subject-counts.js';

export interface CountsBySubject {
  officer: OfficerCounts;
  intakeOperator: IntakeOperatorCounts;
  shiftLead: ShiftLeadCounts;
  dispatcher: DispatcherCounts;
  department: DepartmentCounts;
  area: AreaCounts;
}

export type IndicatorsBySubject = { [S in SubjectKind]: IndicatorValuesOf<S> };

/** The indicators of one subject from its counts. */
export function indicatorsOf<S extends SubjectKind>(
  subject: S,
  counts: CountsBySubject[S],
  config: EvaluationConfig = defaultEvaluationConfig,
): IndicatorsBySubject[S] {
  const values: Record<string, Rate> = {};
  for (const indicator of indicatorsOfSubject(subject)) {
    // Each subject's definitions compute from that subject's counts.
    const compute = indicator.compute as (counts: CountsBySubject[S], bands: VolumeBandsConfig) => Rate;
    values[indicator.key] = compute(counts, config.volumeBands);
  }
  return values as IndicatorsBySubject[S];
}

/** The composite score of one subject's indicators under the config's weights. */
export function scoreOf<S extends SubjectKind>(
  subject: S,
  indicators: IndicatorsBySubject[S],
  config: EvaluationConfig = defaultEvaluationConfig,
): number | null {
  const weights: Readonly<Record<string, number>> = config.weights[subject];
  const directions: Readonly<Record<string, 'higher' | 'lower'>> = scoredIndicatorsOf(subject);
  const present = new Map<string, unknown>(Object.entries(indicators));
  const values: Record<string, number | null> = {};
  for (const key of Object.keys(directions)) {
    const value = present.get(key);
    values[key] = typeof value === 'number' ? value : null;
  }
  return compositeScore(values, weights, directions);
}

export interface EvaluationInput<S extends SubjectKind> {
  readonly key: string;
  readonly name: string;
  readonly counts: CountsBySubject[S];
}

export interface EvaluationRow<S extends SubjectKind> {
  readonly key: string;
  readonly name: string;
  readonly indicators: IndicatorsBySubject[S];
  readonly score: number | null;
  readonly grade: string | null;
  readonly rank: number | null;
}

/**
 * Evaluates every subject of one kind and ranks them against each other. Rows come back in rank
 * order (unranked last), ties in key order.
 */
export function evaluateSubjects<S extends SubjectKind>(
  subject: S,
  inputs: readonly EvaluationInput<S>[],
  config: EvaluationConfig = defaultEvaluationConfig,
): EvaluationRow<S>[] {
  const scored = inputs.map((input) => {
    const indicators = indicatorsOf(subject, input.counts, config);
    const score = scoreOf(subject, indicators, config);
    return { key: input.key, name: input.name, indicators, score, grade: gradeOf(score, config.grades) };
  });
  const ranks = competitionRanks(scored.map((row) => row.score));
  return scored
    .map((row, index) => ({ ...row, rank: ranks[index] ?? null }))
    .sort(
      (a, b) =>
        (a.rank ?? Number.POSITIVE_INFINITY) - (b.rank ?? Number.POSITIVE_INFINITY) ||
        a.key.localeCompare(b.key),
    );
}
