import { describe, expect, it } from 'vitest';
import {
  cellState,
  cityReportedTargets,
  currentPeriod,
  periodChoices,
  rankChangeText,
  reviewOrder,
  targetFor,
  targetRule,
  valueText,
} from './region-desk';

describe('the region desk', () => {
  it('marks a cell red when short, and apart when nothing counts', () => {
    expect(cellState({ met: true, attainment: 1 })).toBe('met');
    expect(cellState({ met: false, attainment: 0 })).toBe('short');
    expect(cellState({ met: false, attainment: 0.8 })).toBe('short');
    expect(cellState({ met: false, attainment: null })).toBe('noData');
  });

  it('writes the rule and the values in their unit', () => {
    expect(targetRule('atLeast', 35, '%')).toBe('≥ 35 %');
    expect(targetRule('atMost', 10, '%')).toBe('≤ 10 %');
    expect(targetRule('atLeast', 21, 'm²')).toBe('≥ 21 m²');
    expect(targetRule('yesNo', 1, 'yes-no')).toBe('');
    expect(valueText(36, '%')).toBe('36 %');
    expect(valueText(1, 'yes-no')).toBe('✓');
    expect(valueText(null, '%')).toBe('—');
  });

  it('reads a rank change as arrows', () => {
    expect(rankChangeText(2)).toBe('↑2');
    expect(rankChangeText(-1)).toBe('↓1');
    expect(rankChangeText(0)).toBe('=');
    expect(rankChangeText(null)).toBe('—');
  });

  it('offers finished months and quarters, across the year', () => {
    const { months, quarters } = periodChoices('2026-02-10', 6);
    expect(months).toEqual(['2026-01', '2025-12', '2025-11', '2025-10', '2025-09', '2025-08']);
    expect(quarters).toEqual(['2025-Q4', '2025-Q3']);
    expect(currentPeriod('2026-11-03', 'quarter')).toBe('2026-Q4');
    expect(currentPeriod('2026-11-03', 'month')).toBe('2026-11');
  });

  it('puts the reports waiting for review first, oldest first', () => {
    const order = reviewOrder([
      { id: 'a', state: 'accepted', submittedAt: '2026-10-01' },
      { id: 'b', state: 'submitted', submittedAt: '2026-10-03' },
      { id: 'c', state: 'submitted', submittedAt: '2026-10-02' },
      { id: 'd', state: 'returned', submittedAt: '2026-10-05' },
    ]);
    expect(order.map((r) => r.id)).toEqual(['c', 'b', 'd', 'a']);
  });

  it('lists only the targets a city reports itself', () => {
    const targets = [
      { code: 'A', measuredBy: 'city', appliesTo: {} },
      { code: 'B', measuredBy: 'system', appliesTo: {} },
      { code: 'C', measuredBy: 'city', appliesTo: { cities: ['1502'] } },
      { code: 'D', measuredBy: 'city', appliesTo: { exceptCities: ['1501'] } },
    ];
    expect(cityReportedTargets(targets, '1501').map((t) => t.code)).toEqual(['A']);
    expect(
      targetFor(
        [
          { year: 2018, value: 30 },
          { year: 2020, value: 35 },
        ],
        2026,
      ),
    ).toBe(35);
    expect(targetFor([{ year: 2030, value: 35 }], 2026)).toBeNull();
  });
});
