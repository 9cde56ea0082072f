import { describe, expect, it } from 'vitest';
import {
  attainment,
  cityCompositeScore,
  defaultRankingConfig,
  rankCities,
  targetInForce,
} from './ranking-score.js';

describe('ranking score', () => {
  it('measures attainment by direction', () => {
    expect(attainment('atLeast', 35, 28)).toBeCloseTo(0.8);
    expect(attainment('atLeast', 35, 40)).toBe(1);
    expect(attainment('atMost', 10, 12.5)).toBeCloseTo(0.8);
    expect(attainment('atMost', 10, 9)).toBe(1);
    expect(attainment('about', 50, 40)).toBeCloseTo(0.8);
    expect(attainment('yesNo', 1, 0)).toBe(0);
  });

  it('takes the latest target year up to the period, else the first', () => {
    const targets = [
      { year: 2020, value: 35 },
      { year: 2025, value: 37 },
    ];
    expect(targetInForce(targets, 2026)).toBe(37);
    expect(targetInForce(targets, 2023)).toBe(35);
    expect(targetInForce(targets, 2019)).toBe(35);
    expect(targetInForce([], 2026)).toBeNull();
  });

  it('weighs only the components with data', () => {
    const components = { targets: 80, cases: 50, inspections: null, surveys: null };
    // 40 × 80 + 30 × 50 over 70.
    expect(cityCompositeScore(components, defaultRankingConfig)).toBeCloseTo(67.14, 2);
    expect(
      cityCompositeScore(
        { targets: null, cases: null, inspections: null, surveys: null },
        defaultRankingConfig,
      ),
    ).toBeNull();
  });

  it('ranks with shared ranks, rank change, praise and criticism', () => {
    const ranked = rankCities(
      [
        { city: 'a', score: 95 },
        { city: 'b', score: 80 },
        { city: 'c', score: 80 },
        { city: 'd', score: 70 },
        { city: 'e', score: 50 },
        { city: 'f', score: null },
      ],
      new Map([
        ['a', 2],
        ['e', 3],
      ]),
      { ...defaultRankingConfig, praiseTop: 2, criticiseBottom: 1 },
    );
    expect(ranked.map((r) => [r.city, r.rank, r.rankChange, r.praised, r.criticised])).toEqual([
      ['a', 1, 1, true, false],
      ['b', 2, null, true, false],
      ['c', 2, null, true, false],
      ['d', 4, null, false, false],
      ['e', 5, -2, false, true],
      ['f', null, null, false, false],
    ]);
  });
});
