/** Hand-computed examples of domain.md §6 with the default configuration. */
import { describe, expect, expectTypeOf, it } from 'vitest';
import { evaluateSubjects, indicatorsOf, scoreOf } from './evaluate.js';
import {
  defaultEvaluationConfig,
  type EvaluationConfig,
  evaluationConfigSchema,
  scoredIndicators,
} from './evaluation-config.js';
import type { SubjectKind } from './indicator-definitions.js';
import { rate } from './rate.js';
import { competitionRanks, compositeScore, gradeOf, volumeScore } from './scoring.js';

const grades = defaultEvaluationConfig.grades;

describe('rates over an empty denominator', () => {
  it('are null (shown as —), not 0 or 1', () => {
    expect(rate(0, 0)).toBeNull();
    expect(rate(3, 4)).toBe(0.75);
    expect(() => rate(-1, 4)).toThrow(RangeError);
  });

  it('drop out of the composite and their weight is spread over the others', () => {
    // Officer: valid 10/20 = 0.5, missed 0/0 (—), verification 0/0 (—), check 8/10 = 0.8.
    const indicators = indicatorsOf('officer', {
      reports: 20,
      validReports: 10,
      verificationsDue: 0,
      verificationsOnTime: 0,
      checksDue: 10,
      checksOnTime: 8,
      missedReports: 0,
      casesFiled: 0,
    });
    expect(indicators.missedReportRate).toBeNull();
    expect(indicators.onTimeVerificationRate).toBeNull();
    // (40 × 0.5 + 20 × 0.8) / (40 + 20) × 100 = 60
    expect(scoreOf('officer', indicators)).toBe(60);
  });

  it('give no score, grade or rank when nothing at all was measured', () => {
    const [row] = evaluateSubjects('department', [
      {
        key: 'D9',
        name: 'idle',
        counts: {
          dueToHandle: 0,
          handled: 0,
          handledOnTime: 0,
          dueToClose: 0,
          reworks: 0,
          overduePending: 0,
          extensions: 0,
        },
      },
    ]);
    expect(row).toMatchObject({ score: null, grade: null, rank: null });
  });
});

describe('composite scores per subject', () => {
  it('grid officer: 40 valid + 20 (1 − missed) + 20 on-time verify + 20 on-time check', () => {
    const indicators = indicatorsOf('officer', {
      reports: 50,
      validReports: 45, // 0.9
      verificationsDue: 20,
      verificationsOnTime: 18, // 0.9
      checksDue: 40,
      checksOnTime: 30, // 0.75
      missedReports: 5,
      casesFiled: 100, // 0.05
    });
    expect(indicators).toEqual({
      validReportRate: 0.9,
      onTimeVerificationRate: 0.9,
      onTimeCheckRate: 0.75,
      missedReportRate: 0.05,
    });
    // 36 + 19 + 18 + 15
    expect(scoreOf('officer', indicators)).toBe(88);
  });

  it('intake operator: banded volume 25, on-time verification dispatch 40, on-time check dispatch 35', () => {
    const indicators = indicatorsOf('intakeOperator', {
      registered: 650, // band ≥ 600 → 90
      verificationDispatchesDue: 100,
      verificationDispatchesOnTime: 95,
      checkDispatchesDue: 100,
      checkDispatchesOnTime: 70,
    });
    expect(indicators.volumeScore).toBe(0.9);
    // 22.5 + 38 + 24.5
    expect(scoreOf('intakeOperator', indicators)).toBe(85);
  });

  it('shift lead: on-time filing 25, accurate filing (filed − cancelled)/filed 40, on-time closing 35', () => {
    const indicators = indicatorsOf('shiftLead', {
      filingsDue: 200,
      filedOnTime: 190,
      filed: 200,
      filedThenCancelled: 10,
      closingsDue: 150,
      closedOnTime: 120,
    });
    expect(indicators.accurateFilingRate).toBe(0.95);
    // 23.75 + 38 + 28
    expect(scoreOf('shiftLead', indicators)).toBe(89.75);
  });

  it('dispatcher: volume 20, on-time dispatch 40, accurate dispatch 40', () => {
    const indicators = indicatorsOf('dispatcher', {
      dispatched: 1200, // band ≥ 1000 → 90
      dispatchesDue: 1200,
      dispatchedOnTime: 1140,
      dispatchErrors: 60,
    });
    expect(indicators).toEqual({ volumeScore: 0.9, onTimeDispatchRate: 0.95, accurateDispatchRate: 0.95 });
    // 18 + 38 + 38
    expect(scoreOf('dispatcher', indicators)).toBe(94);
  });

  it('department: handling 30, on-time 20, (1 − rework) 20, (1 − overdue pending) 20, (1 − extension) 10', () => {
    const indicators = indicatorsOf('department', {
      dueToHandle: 100,
      handled: 90,
      handledOnTime: 80,
      dueToClose: 80,
      reworks: 8,
      overduePending: 5,
      extensions: 10,
    });
    expect(indicators).toEqual({
      handlingRate: 0.9,
      onTimeHandlingRate: 0.8,
      reworkRate: 0.1,
      overduePendingRate: 0.05,
      extensionRate: 0.1,
    });
    // 27 + 16 + 18 + 19 + 9
    expect(scoreOf('department', indicators)).toBe(89);
  });

  it('area: closing, on-time closing, public-report share, and cases per km² / 10,000 people', () => {
    const indicators = indicatorsOf('area', {
      dueToClose: 1000,
      closed: 950,
      closedOnTime: 900,
      reports: 2000,
      publicReports: 400,
      cases: 2040,
      areaKm2: 51,
      population: 1_020_000,
    });
    expect(indicators).toEqual({
      closingRate: 0.95,
      onTimeClosingRate: 0.9,
      publicReportRate: 0.2,
      casesPerKm2: 40,
      casesPer10kPeople: 20,
    });
    // 38 + 36 + 16: exactly on the A boundary
    expect(scoreOf('area', indicators)).toBe(90);
    expect(indicatorsOf('area', { ...emptyArea, areaKm2: 0 }).casesPerKm2).toBeNull();
    expect(indicatorsOf('area', emptyArea).casesPer10kPeople).toBeNull();
  });

  it('clamps inconsistent counts so a score stays within 0–100', () => {
    expect(compositeScore({ a: 1.5, b: -0.2 }, { a: 1, b: 1 }, { a: 'higher', b: 'lower' })).toBe(100);
  });
});

const emptyArea = {
  dueToClose: 0,
  closed: 0,
  closedOnTime: 0,
  reports: 0,
  publicReports: 0,
  cases: 10,
  areaKm2: 2,
};

describe('grades, volume bands and ranking', () => {
  it.each([
    [100, 'A'],
    [90, 'A'],
    [89.99, 'B'],
    [75, 'B'],
    [74.99, 'C'],
    [60, 'C'],
    [40, 'D'],
    [39.99, 'E'],
    [0, 'E'],
  ])('score %d is grade %s', (score, grade) => {
    expect(gradeOf(score, grades)).toBe(grade);
  });

  it('volume bands give the highest band reached', () => {
    const bands = defaultEvaluationConfig.volumeBands.dispatcher;
    expect(volumeScore(0, bands)).toBe(0);
    expect(volumeScore(1, bands)).toBe(0.6);
    expect(volumeScore(999, bands)).toBe(0.8);
    expect(volumeScore(5000, bands)).toBe(1);
  });

  it('ranks with ties as competition ranking (1, 2, 2, 4); no score, no rank', () => {
    expect(competitionRanks([88, 95, 88, null, 70])).toEqual([2, 1, 2, null, 4]);
    expect(competitionRanks([])).toEqual([]);
  });

  it('evaluates and orders a set of departments', () => {
    const counts = (handled: number) => ({
      dueToHandle: 100,
      handled,
      handledOnTime: handled,
      dueToClose: 100,
      reworks: 0,
      overduePending: 0,
      extensions: 0,
    });
    const rows = evaluateSubjects('department', [
      { key: 'D3', name: 'roads', counts: counts(50) },
      { key: 'D1', name: 'water', counts: counts(100) },
      { key: 'D2', name: 'parks', counts: counts(50) },
    ]);
    expect(rows.map(({ key, score, grade, rank }) => ({ key, score, grade, rank }))).toEqual([
      { key: 'D1', score: 100, grade: 'A', rank: 1 },
      { key: 'D2', score: 75, grade: 'B', rank: 2 },
      { key: 'D3', score: 75, grade: 'B', rank: 2 },
    ]);
  });
});

describe('evaluation configuration', () => {
  it('accepts the defaults and a city override', () => {
    expect(evaluationConfigSchema.parse(defaultEvaluationConfig)).toEqual(defaultEvaluationConfig);
    const city: EvaluationConfig = {
      ...defaultEvaluationConfig,
      weights: {
        ...defaultEvaluationConfig.weights,
        department: { ...defaultEvaluationConfig.weights.department, extensionRate: 0 },
      },
      grades: {
        bands: [
          { grade: '优秀', min: 85 },
          { grade: '合格', min: 60 },
        ],
        below: '不合格',
      },
    };
    const parsed = evaluationConfigSchema.parse(city);
    expect(gradeOf(86, parsed.grades)).toBe('优秀');
    expect(gradeOf(59, parsed.grades)).toBe('不合格');
    const department = indicatorsOf('department', {
      dueToHandle: 10,
      handled: 10,
      handledOnTime: 10,
      dueToClose: 10,
      reworks: 0,
      overduePending: 0,
      extensions: 10,
    });
    expect(scoreOf('department', department, parsed)).toBe(100);
    expect(scoreOf('department', department)).toBe(90);
  });

  it('rejects unusable configurations with a message', () => {
    const messages = (input: unknown): string[] => {
      const result = evaluationConfigSchema.safeParse(input);
      return result.success ? [] : result.error.issues.map((issue) => issue.message);
    };
    const zeroWeights = {
      ...defaultEvaluationConfig.weights,
      area: { closingRate: 0, onTimeClosingRate: 0, publicReportRate: 0 },
    };
    expect(messages({ ...defaultEvaluationConfig, weights: zeroWeights })).toEqual([
      'at least one weight must be positive',
    ]);
    const unsorted = {
      bands: [
        { grade: 'B', min: 75 },
        { grade: 'A', min: 90 },
      ],
      below: 'E',
    };
    expect(messages({ ...defaultEvaluationConfig, grades: unsorted })[0]).toMatch(/highest minimum down/);
    const badVolume = {
      intakeOperator: [
        { atLeast: 10, score: 50 },
        { atLeast: 5, score: 60 },
      ],
      dispatcher: [],
    };
    expect(messages({ ...defaultEvaluationConfig, volumeBands: badVolume })[0]).toMatch(/smallest volume up/);
  });

  it('weights and scored indicators name the same things', () => {
    for (const subject of Object.keys(scoredIndicators) as Array<keyof typeof scoredIndicators>) {
      expect(Object.keys(defaultEvaluationConfig.weights[subject]).sort()).toEqual(
        Object.keys(scoredIndicators[subject]).sort(),
      );
    }
    expectTypeOf<{ [S in SubjectKind]: keyof EvaluationConfig['weights'][S] }>().toEqualTypeOf<{
      [S in SubjectKind]: keyof (typeof scoredIndicators)[S];
    }>();
  });
});
