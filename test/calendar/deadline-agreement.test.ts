/**
 * The engine arms a case's deadline and `POST /api/calendar/deadline` answers one; both read the
 * same calendar through @urbangrid/reference, so they agree across make-up working days (调休) and
 * holidays. They once read an empty `makeUpPeriods` differently (the API made a make-up Saturday a
 * day off), so this file's office calendar has exactly that.
 */

import { caseInHandling, startTestEngine, type TestEngine } from '@urbangrid/engine/test-support';
import type { App } from '@urbangrid/platform';
import { bearer, buildTestApp, loginAs } from '@urbangrid/platform/test-support';
import { redisTest as test } from '@urbangrid/test-support';
import { sql } from 'drizzle-orm';
import { describe, expect } from 'vitest';

let clock = new Date();
let engine: TestEngine;
let app: App;
let headers: Record<string, string>;

/** A case whose handling clock (E0101: 240 office minutes) starts at `local` Hohhot time. */
async function handlingFrom(local: string) {
  clock = new Date(`${local}+08:00`);
  const { id } = await caseInHandling(engine.context);
  const view = await app.inject({ url: `/api/cases/${id}`, headers });
  expect(view.statusCode, view.body).toBe(200);
  return view.json<{ deadline: { stage: string; due: string; beyondCalendar: boolean } }>().deadline;
}

async function apiDeadline(local: string, workMinutes: number) {
  const response = await app.inject({
    method: 'POST',
    url: '/api/calendar/deadline',
    headers,
    payload: { start: `${local}+08:00`, workMinutes, calendar: 'office' },
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<{ due: string; beyondCalendar: boolean }>();
}

describe('the engine and POST /api/calendar/deadline count the same working time', () => {
  test.beforeAll(async ({ database, redis }) => {
    await database.db.execute(sql`update calendars set make_up_periods = '[]'::jsonb where code = 'office'`);
    engine = await startTestEngine({ database, redis, now: () => clock });
    app = await buildTestApp({ database, redis }, { live: false });
    await app.ready();
    headers = bearer((await loginAs(app, 'supervisor1')).token);
  });
  test.afterAll(async () => {
    await app.close();
    await engine.stop();
  });

  test.for([
    // Friday 17:00: one hour, then the make-up Saturday 14 February works Monday's hours.
    ['a make-up working day', '2026-02-13T17:00:00', '2026-02-14T03:00:00.000Z'],
    // Wednesday 17:00: one hour, the National Day holiday 1–7 October, then Thursday the 8th.
    ['the National Day holiday', '2026-09-30T17:00:00', '2026-10-08T03:00:00.000Z'],
    // Friday 17:00 before the Qingming break (4–6 April, a Saturday to Monday).
    ['a holiday over a weekend', '2026-04-03T17:00:00', '2026-04-07T03:00:00.000Z'],
  ] as const)('across %s', async ([, local, due]) => {
    const armed = await handlingFrom(local);
    const answered = await apiDeadline(local, 240);
    expect(armed).toMatchObject({ stage: 'handle', due, beyondCalendar: false });
    expect(answered).toEqual({ due, beyondCalendar: false });
  });

  test('past the last loaded year both say the deadline is a guess', async () => {
    const armed = await handlingFrom('2026-12-31T17:00:00');
    const answered = await apiDeadline('2026-12-31T17:00:00', 240);
    expect(armed.due).toBe(answered.due);
    expect(armed.beyondCalendar).toBe(true);
    expect(answered.beyondCalendar).toBe(true);
  });
});
