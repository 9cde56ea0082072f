import { describe, expect, it } from 'vitest';
import { publicHolidaySource, publicHolidayYears } from './public-holidays.js';

describe('public holidays from the chinese-days package', () => {
  it('has 2026 as the State Council notice of 2025-11-04 gives it', () => {
    const days = publicHolidayYears().get(2026) ?? [];
    const of = (kind: string) => days.filter((day) => day.kind === kind).map((day) => day.day);
    // 元旦 1-1…1-3, 春节 2-15…2-23, 清明 4-4…4-6, 劳动节 5-1…5-5, 端午 6-19…6-21, 中秋 9-25…9-27, 国庆 10-1…10-7.
    expect(of('holiday')).toHaveLength(3 + 9 + 3 + 5 + 3 + 3 + 7);
    for (const day of ['2026-01-01', '2026-02-23', '2026-04-06', '2026-05-05', '2026-06-19', '2026-10-07']) {
      expect(of('holiday')).toContain(day);
    }
    expect(of('holiday')).not.toContain('2026-10-08');
    expect(of('workday')).toEqual([
      '2026-01-04',
      '2026-02-14',
      '2026-02-28',
      '2026-05-09',
      '2026-09-20',
      '2026-10-10',
    ]);
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
