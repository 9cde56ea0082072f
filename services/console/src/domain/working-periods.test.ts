import { describe, expect, it } from 'vitest';
import { parsePeriods, periodsText } from './working-periods';

describe('working periods as typed', () => {
  it('reads the ways people write a day’s hours, and writes them back', () => {
    const day = [
      { start: '08:30', end: '12:00' },
      { start: '13:30', end: '17:30' },
    ];
    expect(parsePeriods('08:30-12:00, 13:30-17:30')).toEqual(day);
    expect(parsePeriods('08:30–12:00，13:30 至 17:30')).toEqual(day);
    expect(parsePeriods('  ')).toEqual([]);
    expect(periodsText(day)).toBe('08:30-12:00, 13:30-17:30');
    expect(parsePeriods(periodsText(day))).toEqual(day);
  });
  it('refuses what is not a list of periods', () => {
    expect(parsePeriods('8:30-12')).toBeNull();
    expect(parsePeriods('08:30-12:00, lunch')).toBeNull();
    expect(parsePeriods('25:00-26:00')).toBeNull();
  });
});
