import { describe, expect, it } from 'vitest';
import {
  parsePeriod,
  periodOf,
  previousPeriod,
  reportingClosedReason,
  reportingDeadline,
} from './periods.js';

describe('region periods', () => {
  it('reads months, quarters and years with their first and last days', () => {
    expect(parsePeriod('2026-11')).toEqual({
      key: '2026-11',
      kind: 'month',
      year: 2026,
      from: '2026-11-01',
      to: '2026-11-30',
    });
    expect(parsePeriod('2024-02')?.to).toBe('2024-02-29');
    expect(parsePeriod('2026-Q4')).toMatchObject({ kind: 'quarter', from: '2026-10-01', to: '2026-12-31' });
    expect(parsePeriod('2026')).toMatchObject({ kind: 'year', from: '2026-01-01', to: '2026-12-31' });
    for (const bad of ['2026-13', '2026-Q5', '2026-1', '26-Q1', '2026-Q4 '])
      expect(parsePeriod(bad)).toBeNull();
  });

  it('steps back across years and holds a day in its period', () => {
    expect(previousPeriod(periodOf('month', '2026-01-15')).key).toBe('2025-12');
    expect(previousPeriod(periodOf('quarter', '2026-01-15')).key).toBe('2025-Q4');
    expect(periodOf('quarter', '2026-11-30').key).toBe('2026-Q4');
  });

  it('takes reports from the first day until 30 days after the end', () => {
    const q3 = parsePeriod('2026-Q3');
    if (q3 === null) throw new Error('a period');
    expect(reportingDeadline(q3)).toBe('2026-10-30');
    expect(reportingClosedReason(q3, '2026-06-30')).toBe('notBegun');
    expect(reportingClosedReason(q3, '2026-07-01')).toBeNull();
    expect(reportingClosedReason(q3, '2026-10-30')).toBeNull();
    expect(reportingClosedReason(q3, '2026-10-31')).toBe('closed');
  });
});
