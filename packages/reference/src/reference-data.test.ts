import { deleteLocalCalendarDay, replacePublicYear, setLocalCalendarDay } from '@urbangrid/db';
import { addWorkingMinutes } from '@urbangrid/domain';
import { dbTest as test } from '@urbangrid/test-support';
import { sql } from 'drizzle-orm';
import { describe, expect } from 'vitest';
import { createReferenceData } from './reference-data.js';
import { MissingReferenceError } from './reference-errors.js';

const shanghai = (local: string) => new Date(`${local}+08:00`);

describe('reference data', () => {
  test('a missing city, calendar or time zone is an error, never a default', async ({ database }) => {
    const reference = createReferenceData({ db: database.db });
    await expect(reference.cityTimeZone('9999')).rejects.toThrow(MissingReferenceError);
    await expect(reference.calendar('9999', 'office')).rejects.toThrow('city 9999 does not exist');
    await expect(reference.calendar('1501', 'moon')).rejects.toThrow("city 1501 has no calendar 'moon'");
    await expect(reference.matrix('9999')).rejects.toThrow(MissingReferenceError);
    expect(await reference.cityTimeZone('1501')).toBe('Asia/Shanghai');

    await database.db.execute(sql`update cities set time_zone = 'Mars/Olympus' where code = '1502'`);
    const fresh = createReferenceData({ db: database.db });
    await expect(fresh.cityTimeZone('1501')).rejects.toThrow(
      "city 1502 has no valid time zone ('Mars/Olympus')",
    );
    await database.db.execute(sql`update cities set time_zone = 'Asia/Shanghai' where code = '1502'`);
  });

  test("a city's own days win over the public ones, and a refresh brings them in", async ({ database }) => {
    const reference = createReferenceData({ db: database.db });
    const office = () => reference.calendar('1502', 'office');
    // Wednesday 30 September 17:00 + 120 office minutes: the National Day holiday runs to 7 October.
    const due = async () => addWorkingMinutes(await office(), shanghai('2026-09-30T17:00'), 120);
    expect(await due()).toEqual(shanghai('2026-10-08T09:00'));
    // Baotou works on 5 October; the public row stays under the local one.
    await setLocalCalendarDay(database.db, '1502', {
      day: '2026-10-05',
      kind: 'workday',
      name: '本市调休上班',
    });
    expect(await due()).toEqual(shanghai('2026-10-08T09:00'));
    expect(await reference.refresh(['calendars'])).toEqual([]);
    expect(await due()).toEqual(shanghai('2026-10-05T09:00'));
    expect((await office()).holidays).not.toContain('2026-10-05');
    // A patrol calendar keeps its weekly periods: the city's days are not its days.
    expect((await reference.calendar('1502', 'patrol')).makeUpWorkdays).toEqual([]);

    expect(await deleteLocalCalendarDay(database.db, '1502', '2026-10-05')).toBe(true);
    await reference.refresh(['calendars']);
    expect(await due()).toEqual(shanghai('2026-10-08T09:00'));
  });

  test('a calendar is known up to the end of the last unbroken loaded year', async ({ database }) => {
    const reference = createReferenceData({ db: database.db });
    expect((await reference.calendar('1501', 'office')).knownUntil).toBe('2026-12-31');
    expect((await reference.calendar('1501', 'patrol')).knownUntil).toBeUndefined();
    await database.db.transaction((tx) =>
      replacePublicYear(tx, '1501', 2027, [{ day: '2027-01-01', kind: 'holiday', name: '元旦' }], 'test'),
    );
    await reference.refresh();
    expect((await reference.calendar('1501', 'office')).knownUntil).toBe('2027-12-31');
    expect((await reference.calendar('1501', 'office')).holidays).toContain('2027-01-01');
  });

  test('an expired table is served at once and reloaded in the background', async ({ database }) => {
    const reference = createReferenceData({ db: database.db, ttlMs: 50 });
    expect((await reference.category('E0102'))?.active).toBe(true);
    await database.db.execute(sql`update categories set active = false where code = 'E0102'`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    // Expired: the old value answers without waiting, the reload starts.
    expect((await reference.category('E0102'))?.active).toBe(true);
    await expect.poll(async () => (await reference.category('E0102'))?.active).toBe(false);
  });
});
