/**
 * A calendar's working hours set by the admin on one process are what the other process's
 * deadlines count on within seconds (POST /api/calendar/deadline, the engine's own calendar);
 * version-checked (If-Match) and validated. The deadline preview of a category's stage under proposed
 * hours says what the hours do once they are set.
 */
import type { App } from '@urbangrid/platform';
import { bearer, expectProblem, loginAs } from '@urbangrid/platform/test-support';
import { redisTest as test } from '@urbangrid/test-support';
import { twoProcesses } from '@urbangrid/test-support/two-processes';
import { describe, expect } from 'vitest';

const processes = twoProcesses(() => ({ live: false }));
let first: App;
let second: App;
let admin: Record<string, string>;
let dispatcher: Record<string, string>;

const day = [
  { start: '08:30', end: '12:00' },
  { start: '13:30', end: '17:30' },
];
const hours = { weekly: { '1': day, '2': day, '3': day, '4': day, '5': day }, makeUpPeriods: [] };

/** Monday 9 March 2026 08:30 + 240 office minutes, asked of the second process. */
async function deadline(): Promise<string> {
  const response = await second.inject({
    method: 'POST',
    url: '/api/calendar/deadline',
    headers: dispatcher,
    payload: { start: '2026-03-09T08:30:00+08:00', workMinutes: 240, calendar: 'office' },
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<{ due: string }>().due;
}

describe('working hours of a calendar', () => {
  test.beforeAll(async () => {
    ({ first, second } = processes);
    admin = bearer((await loginAs(first, 'admin')).token);
    dispatcher = bearer((await loginAs(second, 'dispatcher1')).token);
  });

  test('hours set on one process count in the other within seconds', async () => {
    const listed = await first.inject({ url: '/api/admin/calendars/1501', headers: admin });
    const office = listed.json().calendars.find((c: { code: string }) => c.code === 'office');
    expect(office).toMatchObject({ version: 1 });
    const before = await deadline();
    expect(before).not.toBe('2026-03-09T06:00:00.000Z');

    const set = await first.inject({
      method: 'PUT',
      url: '/api/admin/calendars/1501/hours/office',
      headers: { ...admin, 'if-match': '"1"' },
      payload: hours,
    });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toMatchObject({ ...hours, version: 2 });
    // 08:30–12:00 is 210 minutes; the other 30 end at 14:00 (06:00 UTC).
    await expect.poll(deadline, { timeout: 5_000 }).toBe('2026-03-09T06:00:00.000Z');

    expectProblem(
      await first.inject({
        method: 'PUT',
        url: '/api/admin/calendars/1501/hours/office',
        headers: { ...admin, 'if-match': '"1"' },
        payload: hours,
      }),
      409,
      'VERSION_CONFLICT',
    );
  });

  test('bad hours are refused', async () => {
    const put = (payload: object, code = 'office') =>
      first.inject({
        method: 'PUT',
        url: `/api/admin/calendars/1501/hours/${code}`,
        headers: admin,
        payload,
      });
    expectProblem(
      await put({ weekly: { '1': [{ start: '12:00', end: '08:00' }] } }),
      400,
      'VALIDATION_FAILED',
    );
    expectProblem(
      await put({
        weekly: {
          '1': [
            { start: '08:00', end: '12:00' },
            { start: '11:00', end: '13:00' },
          ],
        },
      }),
      400,
      'VALIDATION_FAILED',
    );
    expectProblem(await put({ weekly: {} }), 400, 'VALIDATION_FAILED');
    expectProblem(await put(hours, 'nope'), 404, 'NOT_FOUND');
    const audit = await first.inject({ url: '/api/admin/audit?entity=calendar_hours', headers: admin });
    expect(audit.json().items).toHaveLength(1);
  });

  test('says when a category’s stage would end under proposed hours, as it does once they are set', async () => {
    const categories = await second.inject({ url: '/api/categories', headers: dispatcher });
    const category = categories.json<Array<{ code: string; handlingLimitMinutes: number }>>()[0];
    if (!category) throw new Error('the demo catalogue has categories');
    const start = '2026-03-10T09:00:00+08:00';
    // Summer hours: the afternoon starts later and ends later.
    const summer = [
      { start: '08:00', end: '12:00' },
      { start: '15:00', end: '18:30' },
    ];
    const proposed = { weekly: { '1': summer, '2': summer, '3': summer, '4': summer, '5': summer } };
    const preview = await first.inject({
      method: 'POST',
      url: '/api/admin/calendars/1501/deadlines/preview',
      headers: admin,
      payload: {
        start,
        stage: { categoryCode: category.code, stage: 'handle', urgency: 'normal' },
        hours: { calendar: 'office', ...proposed },
      },
    });
    expect(preview.statusCode, preview.body).toBe(200);
    const { calendar, rows } = preview.json<{
      calendar: string;
      rows: Array<{ workMinutes: number; due: string; proposed: { due: string } }>;
    }>();
    expect(calendar).toBe('office');
    const [row] = rows;
    expect(row?.workMinutes).toBe(category.handlingLimitMinutes);
    const now = async () => {
      const answer = await second.inject({
        method: 'POST',
        url: '/api/calendar/deadline',
        headers: dispatcher,
        payload: { start, workMinutes: category.handlingLimitMinutes, calendar: 'office' },
      });
      return answer.json<{ due: string }>().due;
    };
    expect(row?.due).toBe(await now());
    expect(row?.proposed.due).not.toBe(row?.due);
    // Hours proposed for another calendar do not move this stage.
    const patrol = await first.inject({
      method: 'POST',
      url: '/api/admin/calendars/1501/deadlines/preview',
      headers: admin,
      payload: {
        start,
        stage: { categoryCode: category.code, stage: 'handle', urgency: 'normal' },
        hours: { calendar: 'patrol', ...proposed },
      },
    });
    expect(patrol.json().rows[0].proposed).toBeUndefined();

    const listed = await first.inject({ url: '/api/admin/calendars/1501', headers: admin });
    const office = listed.json().calendars.find((c: { code: string }) => c.code === 'office');
    const set = await first.inject({
      method: 'PUT',
      url: '/api/admin/calendars/1501/hours/office',
      headers: { ...admin, 'if-match': `"${office.version}"` },
      payload: proposed,
    });
    expect(set.statusCode, set.body).toBe(200);
    await expect.poll(now, { timeout: 5_000 }).toBe(row?.proposed.due);
  });

  test('asks for either minutes on a calendar or a stage, and knows the category', async () => {
    const preview = (payload: object) =>
      first.inject({
        method: 'POST',
        url: '/api/admin/calendars/1501/deadlines/preview',
        headers: admin,
        payload: { start: '2026-03-10T09:00:00+08:00', ...payload },
      });
    expectProblem(await preview({ calendar: 'office' }), 400, 'VALIDATION_FAILED');
    expectProblem(await preview({ workMinutes: [60] }), 400, 'VALIDATION_FAILED');
    expectProblem(await preview({ stage: { categoryCode: 'X99999', stage: 'handle' } }), 404, 'NOT_FOUND');
    expectProblem(
      await preview({
        calendar: 'office',
        workMinutes: [60],
        hours: { calendar: 'office', weekly: { '1': [{ start: '09:00', end: '08:00' }] } },
      }),
      400,
      'VALIDATION_FAILED',
    );
  });
});
