/**
 * The region plan's targets over HTTP on a real database: the 2018–2020 plan as the demo seed loads
 * it, a later plan's years added by the region admin (audited), and the refusals: a city's admin,
 * a value outside its unit, a year already set, another unit for the same indicator.
 */
import { adminAuditLog } from '@urbangrid/db';
import { createEngineContext } from '@urbangrid/engine';
import type { App } from '@urbangrid/platform';
import { bearer, buildTestApp, expectProblem, loginAs } from '@urbangrid/platform/test-support';
import { redisTest } from '@urbangrid/test-support';
import { and, eq } from 'drizzle-orm';
import { describe, expect } from 'vitest';
import { supervisionService } from '../index.js';

interface Indicator {
  code: string;
  name: string;
  unit: string;
  direction: string;
  appliesTo: Record<string, unknown>;
  plan: string;
  targets: { year: number; value: number }[];
}

describe('region plan targets', () => {
  let app: App;
  let tokens: Record<string, Record<string, string>>;

  redisTest.beforeAll(async ({ database, redis }) => {
    const engine = createEngineContext({ db: database.db });
    app = await buildTestApp({ database, redis }, { services: [supervisionService({ engine })] });
    tokens = {};
    for (const user of ['region1', 'region-admin', 'admin', 'supervisor1'])
      tokens[user] = bearer((await loginAs(app, user)).token);
  });
  redisTest.afterAll(async () => {
    await app?.close();
  });

  const targets = async (user = 'region1'): Promise<Indicator[]> => {
    const response = await app.inject({ url: '/api/region/targets', headers: tokens[user] });
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };
  const add = (body: Record<string, unknown>, user = 'region-admin') =>
    app.inject({ method: 'POST', url: '/api/admin/region/targets', headers: tokens[user], payload: body });

  redisTest('lists the 2018–2020 action plan with units, directions, cities and 2020 targets', async () => {
    const list = await targets();
    expect(list.length).toBeGreaterThanOrEqual(20);
    const byCode = new Map(list.map((indicator) => [indicator.code, indicator]));
    expect(byCode.get('GREEN_SPACE_RATE')).toMatchObject({
      name: '建成区绿地率',
      unit: '%',
      direction: 'atLeast',
      appliesTo: {},
      plan: '内政办发〔2018〕60号',
      targets: [{ year: 2020, value: 35 }],
    });
    expect(byCode.get('WATER_LEAKAGE')).toMatchObject({ direction: 'atMost', targets: [{ value: 10 }] });
    expect(byCode.get('MECHANISED_SWEEPING_LARGE')?.appliesTo.cities).toEqual([
      '1501',
      '1502',
      '1506',
      '1504',
      '1503',
    ]);
    expect(byCode.get('SEWAGE_TREATMENT_COUNTY')).toMatchObject({
      appliesTo: { classes: ['county-level'] },
      targets: [{ value: 85 }],
    });
    expect(byCode.get('TRANSIT_SHARE_MEDIUM')?.appliesTo).toEqual({
      minPopulation: 200_000,
      maxPopulation: 1_000_000,
    });
    expect(byCode.get('DUST_CONTROL_MEASURES')).toMatchObject({ unit: 'yes-no', direction: 'yesNo' });
    // A city's staff read them too (they are what the city is measured against).
    expect((await targets('supervisor1')).length).toBe(list.length);
  });

  redisTest(
    "the region admin adds the next plan's years; the audit log keeps before and after",
    async ({ database }) => {
      const next = {
        code: 'GREEN_SPACE_RATE',
        name: '建成区绿地率',
        nameEn: 'Green space ratio of the built-up area',
        unit: '%',
        direction: 'atLeast',
        appliesTo: {},
        plan: '内蒙古自治区城市精细化管理三年行动方案（2024—2026年）',
        targets: [
          { year: 2025, value: 37 },
          { year: 2026, value: 38 },
        ],
      };
      const added = await add(next);
      expect(added.statusCode, added.body).toBe(200);
      expect(added.json()).toMatchObject({ plan: next.plan, version: 2 });
      const green = (await targets()).find((indicator) => indicator.code === 'GREEN_SPACE_RATE');
      expect(green?.targets).toEqual([
        { year: 2020, value: 35, plan: '内政办发〔2018〕60号' },
        { year: 2025, value: 37, plan: next.plan },
        { year: 2026, value: 38, plan: next.plan },
      ]);
      const [entry] = await database.db
        .select()
        .from(adminAuditLog)
        .where(
          and(eq(adminAuditLog.entity, 'region_indicator'), eq(adminAuditLog.actorUsername, 'region-admin')),
        );
      expect(entry).toMatchObject({ city: null, entityKey: 'GREEN_SPACE_RATE', action: 'add_targets' });
      if (entry === undefined) throw new Error('the change is audited');
      expect((entry.before as Indicator).targets).toHaveLength(1);
      expect((entry.after as Indicator).targets).toHaveLength(3);

      // A new indicator of the new plan: 201.
      const created = await add({
        code: 'SNOW_CLEARING',
        name: '主次干道积雪清除率',
        nameEn: 'Main roads cleared of snow within 24 h',
        unit: '%',
        direction: 'atLeast',
        appliesTo: { classes: ['prefecture'] },
        plan: next.plan,
        targets: [{ year: 2026, value: 95 }],
      });
      expect(created.statusCode, created.body).toBe(201);
      expect((await targets()).map((indicator) => indicator.code)).toContain('SNOW_CLEARING');

      // A year once set is kept: 409, and nothing of the request is written.
      const again = await add({
        ...next,
        targets: [
          { year: 2027, value: 39 },
          { year: 2026, value: 40 },
        ],
      });
      expect(expectProblem(again, 409, 'CONFLICT').detail).toMatch(/2026 \(38 %/);
      const after = (await targets()).find((indicator) => indicator.code === 'GREEN_SPACE_RATE');
      expect(after?.targets.map((target) => target.year)).toEqual([2020, 2025, 2026]);
      // Another unit is another indicator.
      expectProblem(
        await add({ ...next, unit: 'm²/人', targets: [{ year: 2028, value: 30 }] }),
        409,
        'CONFLICT',
      );
    },
  );

  redisTest('bad targets answer problem+json naming the field', async () => {
    const base = {
      code: 'BAD_ONE',
      name: '测试',
      nameEn: 'Test',
      unit: '%',
      direction: 'atLeast',
      appliesTo: {},
      plan: 'test plan',
    };
    const over = expectProblem(
      await add({ ...base, targets: [{ year: 2026, value: 120 }] }),
      400,
      'VALIDATION_FAILED',
    );
    expect(JSON.stringify(over.errors)).toMatch(/120 lies outside 0–100 %/);
    const yesNo = expectProblem(
      await add({ ...base, unit: 'yes-no', direction: 'yesNo', targets: [{ year: 2026, value: 0.5 }] }),
      400,
      'VALIDATION_FAILED',
    );
    expect(JSON.stringify(yesNo.errors)).toMatch(/1 \(done\) or 0/);
    expectProblem(
      await add({ ...base, direction: 'yesNo', targets: [{ year: 2026, value: 1 }] }),
      400,
      'VALIDATION_FAILED',
    );
    expectProblem(
      await add({ ...base, appliesTo: { cities: ['Hohhot'] }, targets: [{ year: 2026, value: 1 }] }),
      400,
      'VALIDATION_FAILED',
    );
    // A city's admin may not set the region's targets; a supervisor may not either.
    expectProblem(await add({ ...base, targets: [{ year: 2026, value: 1 }] }, 'admin'), 403, 'FORBIDDEN');
    expectProblem(await add({ ...base, targets: [{ year: 2026, value: 1 }] }, 'region1'), 403, 'FORBIDDEN');
    expect((await targets()).map((indicator) => indicator.code)).not.toContain('BAD_ONE');
  });
});
