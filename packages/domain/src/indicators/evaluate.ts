/**
 * Evaluation of a set of subjects over a period (绩效评价): indicators, score, grade and rank for
 * each row — what GET /api/supervision/reports/evaluation returns.
 */
import {
  defaultEvaluationConfig,
  type EvaluationConfig,
  type SubjectKind,
  scoredIndicators,
} from './evaluation-config.js';
import { competitionRanks, compositeScore, gradeOf, volumeScore } from './scoring.js';
import {
  type AreaCounts,
  type AreaIndicators,
  areaIndicators,
  type DepartmentCounts,
  type DepartmentIndicators,
  type DispatcherCounts,
  type DispatcherIndicators,
  departmentIndicators,
  dispatcherIndicators,
  type IntakeOperatorCounts,
  type IntakeOperatorIndicators,
  intakeOperatorIndicators,
  type OfficerCounts,
  type OfficerIndicators,
  officerIndicators,
  type ShiftLeadCounts,
  type ShiftLeadIndicators,
  shiftLeadIndicators,
} from './subject-indicators.js';

export interface CountsBySubject {
  officer: OfficerCounts;
  intakeOperator: IntakeOperatorCounts;
  shiftLead: ShiftLeadCounts;
  dispatcher: DispatcherCounts;
  department: DepartmentCounts;
  area: AreaCounts;
}

export interface IndicatorsBySubject {
  officer: OfficerIndicators;
  intakeOperator: IntakeOperatorIndicators;
  shiftLead: ShiftLeadIndicators;
  dispatcher: DispatcherIndicators;
  department: DepartmentIndicators;
  area: AreaIndicators;
}

/** The indicators of one subject from its counts. */
export function indicatorsOf<S extends SubjectKind>(
  subject: S,
  counts: CountsBySubject[S],
  config: EvaluationConfig = defaultEvaluationConfig,
): IndicatorsBySubject[S] {
  const compute: { [K in SubjectKind]: (c: CountsBySubject[K]) => IndicatorsBySubject[K] } = {
    officer: officerIndicators,
    intakeOperator: (c) =>
      intakeOperatorIndicators(c, volumeScore(c.registered, config.volumeBands.intakeOperator)),
    shiftLead: shiftLeadIndicators,
    dispatcher: (c) => dispatcherIndicators(c, volumeScore(c.dispatched, config.volumeBands.dispatcher)),
    department: departmentIndicators,
    area: areaIndicators,
  };
  return compute[subject](counts);
}

/** The composite score of one subject's indicators under the config's weights. */
export function scoreOf<S extends SubjectKind>(
  subject: S,
  indicators: IndicatorsBySubject[S],
  config: EvaluationConfig = defaultEvaluationConfig,
): number | null {
  const weights: Readonly<Record<string, number>> = config.weights[subject];
  const directions: Readonly<Record<string, 'higher' | 'lower'>> = scoredIndicators[subject];
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
