/**
 * Two API processes, each with its reference data of its own: a city's day changed by one and
 * announced on the live channel counts in the other's `POST /api/calendar/deadline` within seconds,
 * without a restart. (`PUT /api/admin/calendars/:city/days/:date` is such a change: calendar-admin.test.ts.)
 */
import { setLocalCalendarDay } from '@urbangrid/db';
import type { App } from '@urbangrid/platform';
import { bearer, buildTestApp, loginAs } from '@urbangrid/platform/test-support';
import { announceReferenceChange } from '@urbangrid/reference';
import { redisTest as test } from '@urbangrid/test-support';
import { describe, expect } from 'vitest';

describe('a reference change announced by one process', () => {
  const apps: App[] = [];

  test.afterAll(async () => {
    await Promise.all(apps.map((app) => app.close()));
  });

  test('reaches the calendar another process counts deadlines on', async ({ database, redis }) => {
    for (let i = 0; i < 2; i++) {
      const app = await buildTestApp({ database, redis }, { live: false });
      await app.ready();
      apps.push(app);
    }
    const [first, second] = apps;
    if (first === undefined || second === undefined) throw new Error('two apps expected');
    const headers = bearer((await loginAs(second, 'dispatcher1')).token);
    // Friday 6 March 17:00 + 120 office minutes: an hour on Friday, an hour on Monday the 9th.
    const deadline = async () => {
      const response = await second.inject({
        method: 'POST',
        url: '/api/calendar/deadline',
        headers,
        payload: { start: '2026-03-06T17:00:00+08:00', workMinutes: 120, calendar: 'office' },
      });
      expect(response.statusCode, response.body).toBe(200);
      return response.json<{ due: string }>().due;
    };
    expect(await deadline()).toBe('2026-03-09T01:00:00.000Z');

    // The first process makes Saturday the 7th a working day of Hohhot's own and announces it.
    await setLocalCalendarDay(database.db, '1501', {
      day: '2026-03-07',
      kind: 'workday',
      name: '本市调休上班',
    });
    await announceReferenceChange(first.redis, `${redis.prefix}:live`, {
      parts: ['calendars'],
      city: '1501',
    });
    await expect.poll(deadline, { timeout: 5_000 }).toBe('2026-03-07T01:00:00.000Z');
  });
});
