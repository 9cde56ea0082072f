import { listNoticesOf, replacePublicYear } from '@urbangrid/db';
import { dbTest as test } from '@urbangrid/test-support';
import { sql } from 'drizzle-orm';
import { describe, expect } from 'vitest';
import { calendarCoverage, coverageLine, noticeCalendarsEnding } from './calendar-coverage.js';
import { createReferenceData } from './reference-data.js';

// The business clock: today is 2 December 2026 in Hohhot, whatever the machine's date.
const december2 = new Date('2026-12-02T10:00:00+08:00');
const june1 = new Date('2026-06-01T10:00:00+08:00');

describe('the alarm before a city’s calendar data ends', () => {
  test('is raised from 60 days before the last loaded day', async ({ database }) => {
    const reference = createReferenceData({ db: database.db });
    expect(await calendarCoverage(reference, june1)).toEqual([
      { city: '1501', knownUntil: '2026-12-31', daysLeft: 213, ending: false },
      { city: '1502', knownUntil: '2026-12-31', daysLeft: 213, ending: false },
    ]);
    const december = await calendarCoverage(reference, december2);
    expect(december.map((c) => [c.city, c.daysLeft, c.ending])).toEqual([
      ['1501', 29, true],
      ['1502', 29, true],
    ]);
    const [hohhot] = december;
    if (hohhot === undefined) throw new Error('Hohhot has no coverage');
    expect(coverageLine(hohhot)).toMatch(/loaded up to 2026-12-31 \(29 days left\)/);
  });

  test('tells the city’s admins once per end date, and not after the next year is loaded', async ({
    database,
  }) => {
    const { db } = database;
    const reference = createReferenceData({ db });
    expect((await noticeCalendarsEnding(db, reference, june1)).length).toBe(0);
    expect(await listNoticesOf(db, 'admin', { unreadOnly: false, limit: 10 })).toEqual([]);

    await noticeCalendarsEnding(db, reference, december2);
    await noticeCalendarsEnding(db, reference, new Date('2026-12-03T10:00:00+08:00'));
    const notices = await listNoticesOf(db, 'admin', { unreadOnly: false, limit: 10 });
    // `admin` is Hohhot's; Baotou has no admin of its own in the demo region.
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({
      city: '1501',
      caseId: null,
      event: 'calendar.ending',
      audience: 'admin',
      data: { knownUntil: '2026-12-31', daysLeft: 29 },
    });

    await db.transaction((tx) => replacePublicYear(tx, '1501', 2027, [], 'test'));
    await reference.refresh(['calendars']);
    expect((await calendarCoverage(reference, december2)).find((c) => c.city === '1501')).toMatchObject({
      knownUntil: '2027-12-31',
      ending: false,
    });
  });

  test('a city whose calendars keep their weekly periods all year never runs out', async ({ database }) => {
    await database.db.execute(sql`update calendars set follows_public_holidays = false where city = '1502'`);
    const reference = createReferenceData({ db: database.db });
    expect((await calendarCoverage(reference, december2)).map((c) => c.city)).toEqual(['1501']);
  });
});
