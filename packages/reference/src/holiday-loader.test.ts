import { listCityCalendarDays, listCityCalendarYears, setLocalCalendarDay } from '@urbangrid/db';
import { dbTest as test } from '@urbangrid/test-support';
import { sql } from 'drizzle-orm';
import { describe, expect } from 'vitest';
import { loadPublicHolidays } from './holiday-loader.js';
import { publicHolidayYears } from './public-holidays.js';

describe('loading public holidays into a city', () => {
  test('loading again changes nothing; a year that differs is written again whole', async ({ database }) => {
    const { db } = database;
    // The seed loaded every year through this loader already.
    expect((await loadPublicHolidays(db, '1501')).years).toEqual([]);
    const yearsBefore = await listCityCalendarYears(db, '1501');
    expect(yearsBefore.map((y) => y.year)).toEqual([...publicHolidayYears().keys()].sort((a, b) => a - b));

    await setLocalCalendarDay(db, '1501', {
      day: '2026-10-08',
      kind: 'holiday',
      name: '地方节日',
    });
    await db.execute(
      sql`delete from city_calendar_days where city = '1501' and day = '2026-10-07' and source = 'public'`,
    );
    expect((await loadPublicHolidays(db, '1501')).years).toEqual([2026]);
    const days = await listCityCalendarDays(db, '1501');
    expect(days).toContainEqual({
      day: '2026-10-07',
      source: 'public',
      kind: 'holiday',
      name: '国庆节',
      version: 1,
    });
    // The city's own day stays.
    expect(days).toContainEqual({
      day: '2026-10-08',
      source: 'local',
      kind: 'holiday',
      name: '地方节日',
      version: 1,
    });
  });

  test('a year the package does not cover is an error, not an empty year', async ({ database }) => {
    const last = Math.max(...publicHolidayYears().keys());
    await expect(loadPublicHolidays(database.db, '1502', [last + 1])).rejects.toThrow(/no public holidays/);
    expect((await listCityCalendarYears(database.db, '1502')).some((y) => y.year === last + 1)).toBe(false);
  });
});
