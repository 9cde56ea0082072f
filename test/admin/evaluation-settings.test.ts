/**
 * Evaluation settings through HTTP, with two API processes over one database: an admin sets new
 * indicator weights and grade bands from a date on one; the other's evaluation report uses them for
 * days not yet published, while a day already published keeps the settings it was published with
 * (today's recount under the new ones is shown beside it). Saves are version-checked and audited.
 */

import { publishRollupDay, reportRollups } from '@urbangrid/db';
import { createEngineContext } from '@urbangrid/engine';
import type { App } from '@urbangrid/platform';
import { bearer, expectProblem, loginAs } from '@urbangrid/platform/test-support';
import { supervisionService } from '@urbangrid/supervision';
import { redisTest as test } from '@urbangrid/test-support';
import { twoProcesses } from '@urbangrid/test-support/two-processes';
import { describe, expect } from 'vitest';

const processes = twoProcesses((_, { database }) => {
  const engine = createEngineContext({ db: database.db });
  return { live: false, services: [supervisionService({ engine })] };
});
let first: App;
let second: App;
let admin: Record<string, string>;
let supervisor: Record<string, string>;
const department = 'dept-1501-sanitation';

interface Settings {
  version: number;
  effectiveFrom: string;
  config: {
    weights: Record<string, Record<string, number>>;
    grades: { bands: Array<{ grade: string; min: number }>; below: string };
  };
}

const settingsUrl = '/api/admin/cities/1501/evaluation-settings';

async function current(): Promise<{
  latestVersion: number;
  current: Settings;
  indicators: Array<Record<string, unknown>>;
}> {
  const response = await first.inject({ url: settingsUrl, headers: admin });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

/** The sanitation bureau's row of the department evaluation of one day, from the second process. */
async function evaluated(day: string) {
  const response = await second.inject({
    url: `/api/supervision/reports/evaluation?from=${day}&to=${day}&subject=department`,
    headers: supervisor,
  });
  expect(response.statusCode, response.body).toBe(200);
  return response
    .json<{
      rows: Array<{
        key: string;
        score: number;
        grade: string;
        recount: { score: number; grade: string } | null;
      }>;
    }>()
    .rows.find((row) => row.key === department);
}

describe('evaluation settings', () => {
  test.beforeAll(async ({ database }) => {
    ({ first, second } = processes);
    admin = bearer((await loginAs(first, 'admin')).token);
    supervisor = bearer((await loginAs(second, 'supervisor1')).token);
    // The same work on two days: four cases handled, two of them on time.
    for (const day of ['2026-03-01', '2026-03-02']) {
      await database.db.insert(reportRollups).values({
        city: '1501',
        day,
        dimension: 'department',
        key: department,
        dispatched: 4,
        handled: 4,
        handledOnTime: 2,
      });
    }
  });

  test('a published day keeps the settings it was published with; other days take the new ones', async ({
    database,
  }) => {
    const before = await current();
    expect(before.latestVersion).toBe(0);
    expect(before.indicators).toContainEqual(
      expect.objectContaining({
        subject: 'department',
        key: 'onTimeHandlingRate',
        label: { 'zh-CN': '按时处置率', en: 'Handled on time' },
        defaultWeight: 20,
      }),
    );
    // 30·1 + 20·0.5 + 20·1 + 20·1 + 10·1 = 90: grade A under domain.md's bands.
    expect(await evaluated('2026-03-01')).toMatchObject({ score: 90, grade: 'A', recount: null });
    expect(
      await publishRollupDay(database.db, { city: '1501', day: '2026-03-01', publishedAt: new Date() }),
    ).not.toBeNull();

    // On-time handling now weighs 60 and an A needs 95, from a date before both days.
    const { weights, grades } = before.current.config;
    const saved = await first.inject({
      method: 'PUT',
      url: settingsUrl,
      headers: { ...admin, 'if-match': '"0"' },
      payload: {
        effectiveFrom: '2026-01-01',
        weights: { ...weights, department: { ...weights.department, onTimeHandlingRate: 60 } },
        grades: { ...grades, bands: [{ grade: 'A', min: 95 }, ...grades.bands.slice(1)] },
      },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ version: 1, effectiveFrom: '2026-01-01', createdBy: 'admin' });
    expect(saved.headers.etag).toBe('"1"');

    // (30 + 60·0.5 + 20 + 20 + 10) / 140 = 78.57…: a B.
    const published = await evaluated('2026-03-01');
    expect(published).toMatchObject({ score: 90, grade: 'A' });
    expect(published?.recount).toMatchObject({ grade: 'B' });
    expect(published?.recount?.score).toBeCloseTo(78.57, 1);
    const unpublished = await evaluated('2026-03-02');
    expect(unpublished).toMatchObject({ grade: 'B', recount: null });
    expect(unpublished?.score).toBeCloseTo(78.57, 1);
  });

  test('two saves on one version: the second gets 409; both audited once', async () => {
    const { current: settings, latestVersion } = await current();
    const save = (app: App, effectiveFrom: string) =>
      app.inject({
        method: 'PUT',
        url: settingsUrl,
        headers: { ...admin, 'if-match': `"${latestVersion}"` },
        payload: { effectiveFrom, weights: settings.config.weights, grades: settings.config.grades },
      });
    const answers = await Promise.all([save(first, '2026-07-01'), save(second, '2026-08-01')]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409]);
    expectProblem(answers.find((a) => a.statusCode === 409) as never, 409, 'VERSION_CONFLICT');

    const log = await first.inject({ url: '/api/admin/audit?entity=evaluation_settings', headers: admin });
    const entries = log.json<{ items: Array<Record<string, unknown>> }>().items;
    expect(entries).toHaveLength(2);
    expect(entries).toContainEqual(
      expect.objectContaining({
        actor: 'admin',
        entityKey: '1501:v1',
        before: null,
        after: expect.objectContaining({ version: 1, effectiveFrom: '2026-01-01' }),
      }),
    );
    expect(entries).toContainEqual(
      expect.objectContaining({ entityKey: '1501:v2', before: expect.objectContaining({ version: 1 }) }),
    );
  });

  test('bad settings answer 400 problem+json and change nothing', async () => {
    const { current: settings, latestVersion } = await current();
    const { weights, grades } = settings.config;
    const put = (payload: object, headers = admin, city = '1501') =>
      first.inject({ method: 'PUT', url: `/api/admin/cities/${city}/evaluation-settings`, headers, payload });
    const zero = Object.fromEntries(Object.keys(weights.department ?? {}).map((key) => [key, 0]));
    for (const bad of [
      { effectiveFrom: '2026-13-01', weights, grades },
      {
        effectiveFrom: '2026-09-01',
        weights: { ...weights, department: { ...weights.department, reworkRate: -1 } },
        grades,
      },
      { effectiveFrom: '2026-09-01', weights: { ...weights, department: zero }, grades },
      { effectiveFrom: '2026-09-01', weights, grades: { ...grades, bands: [...grades.bands].reverse() } },
      { effectiveFrom: '2026-09-01', weights: { ...weights, department: undefined }, grades },
    ]) {
      expectProblem(await put(bad), 400, 'VALIDATION_FAILED');
    }
    expectProblem(
      await put({ effectiveFrom: '2026-09-01', weights, grades }, admin, '1502'),
      403,
      'FORBIDDEN',
    );
    expectProblem(await put({ effectiveFrom: '2026-09-01', weights, grades }, supervisor), 403, 'FORBIDDEN');
    expect((await current()).latestVersion).toBe(latestVersion);
  });
});
