/**
 * Calendar administration through HTTP, with two API processes over one database: a day an admin
 * sets with `PUT /api/admin/calendars/:city/days/:date` on one counts in the other's
 * `POST /api/calendar/deadline` within seconds, without a restart; removing it undoes that. Edits
 * are version-checked (If-Match), audited and kept to the admin's city.
 */

import type { App } from '@urbangrid/platform';
import { bearer, expectProblem, loginAs } from '@urbangrid/platform/test-support';
import { redisTest as test } from '@urbangrid/test-support';
import { twoProcesses } from '@urbangrid/test-support/two-processes';
import { sql } from 'drizzle-orm';
import { describe, expect } from 'vitest';

const processes = twoProcesses(() => ({ live: false }));
let first: App;
let second: App;
let admin: Record<string, string>;
let dispatcher: Record<string, string>;

/** Friday 6 March 2026 17:00 + 120 office minutes, asked of the second process. */
async function deadline(): Promise<string> {
  const response = await second.inject({
    method: 'POST',
    url: '/api/calendar/deadline',
    headers: dispatcher,
    payload: { start: '2026-03-06T17:00:00+08:00', workMinutes: 120, calendar: 'office' },
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<{ due: string }>().due;
}

const putDay = (date: string, payload: object, headers: Record<string, string> = admin, city = '1501') =>
  first.inject({ method: 'PUT', url: `/api/admin/calendars/${city}/days/${date}`, headers, payload });

describe('calendar administration', () => {
  test.beforeAll(async () => {
    ({ first, second } = processes);
    admin = bearer((await loginAs(first, 'admin')).token);
    dispatcher = bearer((await loginAs(second, 'dispatcher1')).token);
  });

  test('a working day set by the admin counts in the other process, and removing it undoes that', async () => {
    // An hour on Friday, an hour on Monday the 9th.
    expect(await deadline()).toBe('2026-03-09T01:00:00.000Z');

    const set = await putDay('2026-03-07', { kind: 'workday', name: '本市调休上班' });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toEqual({
      date: '2026-03-07',
      kind: 'workday',
      name: '本市调休上班',
      source: 'local',
      version: 1,
    });
    expect(set.headers.etag).toBe('"1"');
    // Saturday the 7th works Monday's hours: the second hour falls on it.
    await expect.poll(deadline, { timeout: 5_000 }).toBe('2026-03-07T01:00:00.000Z');

    const removed = await first.inject({
      method: 'DELETE',
      url: '/api/admin/calendars/1501/days/2026-03-07',
      headers: { ...admin, 'if-match': '"1"' },
    });
    expect(removed.statusCode, removed.body).toBe(200);
    await expect.poll(deadline, { timeout: 5_000 }).toBe('2026-03-09T01:00:00.000Z');
  });

  test('a holiday set by the admin is skipped', async () => {
    const set = await putDay('2026-03-09', { kind: 'holiday' });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toMatchObject({ kind: 'holiday', name: '本市节假日' });
    // Monday the 9th rests: the second hour falls on Tuesday the 10th.
    await expect.poll(deadline, { timeout: 5_000 }).toBe('2026-03-10T01:00:00.000Z');
  });

  test('an edit made on a stale version answers 409 and changes nothing', async () => {
    const created = await putDay('2026-05-20', { kind: 'holiday', name: '甲' });
    expect(created.json()).toMatchObject({ version: 1 });
    // Two admins both saw version 1; the first to save wins.
    const winner = await putDay(
      '2026-05-20',
      { kind: 'holiday', name: '乙' },
      { ...admin, 'if-match': '"1"' },
    );
    expect(winner.statusCode, winner.body).toBe(200);
    expect(winner.json()).toMatchObject({ name: '乙', version: 2 });
    const loser = await putDay(
      '2026-05-20',
      { kind: 'workday', name: '丙' },
      { ...admin, 'if-match': '"1"' },
    );
    expect(expectProblem(loser, 409, 'VERSION_CONFLICT')).toMatchObject({ currentVersion: 2 });
    const stale = await first.inject({
      method: 'DELETE',
      url: '/api/admin/calendars/1501/days/2026-05-20',
      headers: { ...admin, 'if-match': '1' },
    });
    expectProblem(stale, 409, 'VERSION_CONFLICT');

    const calendar = await first.inject({ url: '/api/admin/calendars/1501?year=2026', headers: admin });
    expect(calendar.statusCode, calendar.body).toBe(200);
    expect(calendar.json().days).toContainEqual({
      date: '2026-05-20',
      kind: 'holiday',
      name: '乙',
      source: 'local',
      version: 2,
    });
  });

  test('bad input answers problem+json', async () => {
    expectProblem(await putDay('2026-02-30', { kind: 'holiday' }), 400, 'VALIDATION_FAILED');
    expectProblem(await putDay('2026-03-01', { kind: 'weekend' }), 400, 'VALIDATION_FAILED');
    expectProblem(
      await putDay('2026-03-01', { kind: 'holiday' }, { ...admin, 'if-match': 'abc' }),
      400,
      'VALIDATION_FAILED',
    );
    const missing = await first.inject({
      method: 'DELETE',
      url: '/api/admin/calendars/1501/days/2026-08-08',
      headers: admin,
    });
    expectProblem(missing, 404, 'NOT_FOUND');
  });

  test('a city admin manages only their city; a region admin every city; nobody else', async () => {
    expectProblem(await putDay('2026-03-02', { kind: 'holiday' }, admin, '1502'), 403, 'FORBIDDEN');
    expectProblem(await putDay('2026-03-02', { kind: 'holiday' }, dispatcher), 403, 'FORBIDDEN');
    const supervisor = bearer((await loginAs(first, 'supervisor1')).token);
    expectProblem(await putDay('2026-03-02', { kind: 'holiday' }, supervisor), 403, 'FORBIDDEN');

    // region-admin is a demo user (seeds/demo-region).
    const regionAdmin = bearer((await loginAs(first, 'region-admin')).token);
    const baotou = await putDay('2026-03-02', { kind: 'holiday' }, regionAdmin, '1502');
    expect(baotou.statusCode, baotou.body).toBe(200);
    expectProblem(await putDay('2026-03-02', { kind: 'holiday' }, regionAdmin, '9999'), 404, 'NOT_FOUND');
  });

  test('a year of public holidays loads from chinese-days, and only once', async ({ database }) => {
    await database.db.execute(
      sql`delete from city_calendar_days where city = '1501' and source = 'public' and day >= '2025-01-01' and day < '2026-01-01'`,
    );
    const load = () =>
      first.inject({ method: 'POST', url: '/api/admin/calendars/1501/years/2025/load', headers: admin });
    const loaded = await load();
    expect(loaded.statusCode, loaded.body).toBe(200);
    expect(loaded.json()).toMatchObject({ year: 2025, written: true });
    expect(loaded.json().days).toBeGreaterThan(20);
    expect((await load()).json()).toMatchObject({ written: false });
    expectProblem(
      await first.inject({
        method: 'POST',
        url: '/api/admin/calendars/1501/years/2099/load',
        headers: admin,
      }),
      400,
      'VALIDATION_FAILED',
    );
  });

  test('the deadline preview shows what proposed days would change', async () => {
    const response = await first.inject({
      method: 'POST',
      url: '/api/admin/calendars/1501/deadlines/preview',
      headers: admin,
      payload: {
        calendar: 'office',
        start: '2026-03-12T17:00:00+08:00',
        workMinutes: [60, 120],
        days: [{ date: '2026-03-13', kind: 'holiday' }],
      },
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().rows).toEqual([
      {
        workMinutes: 60,
        due: '2026-03-12T10:00:00.000Z',
        beyondCalendar: false,
        proposed: { due: '2026-03-12T10:00:00.000Z', beyondCalendar: false },
      },
      {
        workMinutes: 120,
        // Friday the 13th at 09:00, or, were it a holiday, Monday the 16th.
        due: '2026-03-13T01:00:00.000Z',
        beyondCalendar: false,
        proposed: { due: '2026-03-16T01:00:00.000Z', beyondCalendar: false },
      },
    ]);
  });

  test('every change is in the audit log with who, what, before and after', async () => {
    const log = await first.inject({
      url: '/api/admin/audit?entity=calendar_day&pageSize=200',
      headers: admin,
    });
    expect(log.statusCode, log.body).toBe(200);
    const entries = log.json<{ items: Array<Record<string, unknown>> }>().items;
    expect(entries).toContainEqual(
      expect.objectContaining({
        actor: 'admin',
        city: '1501',
        entityKey: '1501:2026-05-20',
        action: 'update',
        before: { kind: 'holiday', name: '甲', version: 1 },
        after: { kind: 'holiday', name: '乙', version: 2 },
      }),
    );
    expect(entries).toContainEqual(
      expect.objectContaining({ entityKey: '1501:2026-03-07', action: 'delete', after: null }),
    );
    // The refused edits left no entry; Baotou's change is not Hohhot's to read.
    expect(entries.filter((e) => e.entityKey === '1501:2026-05-20')).toHaveLength(2);
    expect(entries.some((e) => e.city === '1502')).toBe(false);
  });

  test('supervisors read and export the audit log; other roles may not', async () => {
    const supervisor = bearer((await loginAs(first, 'supervisor1')).token);
    const csv = await first.inject({
      url: '/api/admin/audit?format=csv&entity=calendar_day',
      headers: supervisor,
    });
    expect(csv.statusCode, csv.body).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(lines[0]).toContain('操作人 actor');
    expect(lines.some((line) => line.includes('1501:2026-05-20') && line.includes('update'))).toBe(true);
    expectProblem(
      await first.inject({ url: '/api/admin/audit?city=1502', headers: supervisor }),
      403,
      'FORBIDDEN',
    );
    expectProblem(await first.inject({ url: '/api/admin/audit', headers: dispatcher }), 403, 'FORBIDDEN');
  });
});
