import { describe, expect, it } from 'vitest';
import {
  chinaHolidays2026,
  chinaMakeUpWorkdays2026,
} from '../../domain/src/test-support/china-holidays-2026.js';
import { publicHolidaySource, publicHolidayYears } from './public-holidays.js';

describe('public holidays from the chinese-days package', () => {
  it('has 2026 as the State Council notice of 2025-11-04 gives it', () => {
    const days = publicHolidayYears().get(2026) ?? [];
    const of = (kind: string) => days.filter((day) => day.kind === kind).map((day) => day.day);
    // As transcribed from the notice for packages/domain's own tests: 元旦, 春节, 清明, 劳动节, 端午, 中秋, 国庆.
    expect(of('holiday')).toEqual([...chinaHolidays2026]);
    expect(of('workday')).toEqual([...chinaMakeUpWorkdays2026]);
    expect(days.find((day) => day.day === '2026-02-14')?.name).toBe('春节调休上班');
    expect(days.find((day) => day.day === '2026-10-01')?.name).toBe('国庆节');
  });

  it('covers an unbroken run of years, each with holidays, and names its release', () => {
    const years = [...publicHolidayYears().keys()].sort((a, b) => a - b);
    expect(years.at(-1)).toBeGreaterThanOrEqual(2026);
    expect(years).toEqual(Array.from({ length: years.length }, (_, i) => (years[0] ?? 0) + i));
    for (const year of years) {
      const days = publicHolidayYears().get(year) ?? [];
      expect(days.some((day) => day.kind === 'holiday')).toBe(true);
      expect(days.every((day) => day.day.startsWith(String(year)))).toBe(true);
    }
    expect(publicHolidaySource).toMatch(/^chinese-days@\d+\.\d+\.\d+/);
  });
});
