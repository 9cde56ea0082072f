/**
 * The big screen's summary over HTTP (大屏, issue 16.3): today's counters follow the commands,
 * the open case is a light on the map and its grid is hot, the trend has 30 days with today's
 * counts at the end, the latest events name the case, and each role sees its own jurisdiction.
 */
import { departments, grids } from '@urbangrid/db';
import { systemActor, userActor } from '@urbangrid/domain';
import { applyCommand, createEngineContext, type EngineContext, reportCase } from '@urbangrid/engine';
import type { App } from '@urbangrid/platform';
import { bearer, buildTestApp, expectProblem, loginAs } from '@urbangrid/platform/test-support';
import { redisTest } from '@urbangrid/test-support';
import { and, eq, like } from 'drizzle-orm';
import { describe, expect } from 'vitest';
import { supervisionService } from '../index.js';
import type { ScreenSummary } from './screen-summary.js';

const clock = { now: new Date('2026-03-02T09:00:00+08:00') };
const worker = systemActor('test');

describe('big screen', () => {
  let app: App;
  let engine: EngineContext;
  let tokens: Record<string, string>;
  let report: () => Promise<{ id: string; caseNo: string }>;
  let gridCode: string;

  redisTest.beforeAll(async ({ database, redis }) => {
    engine = createEngineContext({ db: database.db, now: () => clock.now });
    app = await buildTestApp({ database, redis }, { services: [supervisionService({ engine })] });
    tokens = {};
    for (const user of ['shiftlead1', 'supervisor1', 'supervisor-150102', 'region1', 'dispatcher1']) {
      tokens[user] = (await loginAs(app, user)).token;
    }
    // A grid of district 150102, so the district supervisor sees it too.
    const [grid] = await database.db
      .select()
      .from(grids)
      .where(and(eq(grids.city, '1501'), like(grids.code, '150102%')))
      .limit(1);
    if (grid === undefined) throw new Error('demo data missing');
    gridCode = grid.code;
    report = async () => {
      const created = await reportCase(engine, {
        actor: userActor('operator1', ['intake_operator']),
        source: 'hotline',
        categoryCode: 'C0101',
        description: 'manhole cover missing',
        location: { lat: (grid.minLat + grid.maxLat) / 2, lng: (grid.minLng + grid.maxLng) / 2 },
        gridCode: grid.code,
      });
      return { id: created.case.id, caseNo: created.case.caseNo };
    };
  });
  redisTest.afterAll(async () => {
    await app.close();
  });

  const screen = async (user: string, query = ''): Promise<ScreenSummary> => {
    const response = await app.inject({
      method: 'GET',
      url: `/api/supervision/screen${query}`,
      headers: bearer(tokens[user] ?? ''),
    });
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as ScreenSummary;
  };

  redisTest(
    'counts today, lights the open case, heats its grid and lists its events',
    async ({ database }) => {
      const before = await screen('shiftlead1');
      expect(before.today).toBe('2026-03-02');
      expect(before.from).toBe('2026-02-01');
      expect(before.trend).toHaveLength(30);

      const created = await report();
      const [department] = await database.db
        .select()
        .from(departments)
        .where(eq(departments.city, '1501'))
        .limit(1);
      if (department === undefined) throw new Error('demo data missing');
      for (const step of [
        { command: { type: 'assignVerification', assignee: 'officer2' }, actor: worker },
        { command: { type: 'verify', found: true }, actor: userActor('officer2', ['grid_officer']) },
        { command: { type: 'file' }, actor: userActor('shiftlead1', ['shift_lead']) },
        {
          command: { type: 'dispatch', departmentId: department.id },
          actor: userActor('dispatcher1', ['dispatcher']),
        },
      ] as const) {
        await applyCommand(engine, { caseId: created.id, command: step.command, actor: step.actor });
      }

      const after = await screen('shiftlead1');
      expect(after.cities).toEqual([{ code: '1501', name: after.cityName }]);
      expect(after.counters.received - before.counters.received).toBe(1);
      expect(after.counters.filed - before.counters.filed).toBe(1);
      expect(after.counters.dispatched - before.counters.dispatched).toBe(1);
      expect(after.trend.at(-1)).toMatchObject({ day: '2026-03-02', received: after.counters.received });
      expect(after.open.total - before.open.total).toBe(1);
      expect(after.points.find((p) => p.id === created.id)).toMatchObject({
        caseNo: created.caseNo,
        light: 'green',
      });
      expect(after.heat.find((h) => h.code === gridCode)?.received).toBeGreaterThanOrEqual(1);
      expect(after.topCategories.find((c) => c.key === 'C0101')?.received).toBeGreaterThanOrEqual(1);
      expect(after.topDepartments.find((d) => d.key === department.id)?.dispatched).toBeGreaterThanOrEqual(1);
      expect(after.events.filter((e) => e.caseNo === created.caseNo).map((e) => e.command)).toEqual([
        'dispatch',
        'file',
        'verify',
        'assignVerification',
        'report',
      ]);
      // Nothing personal on a wall.
      expect(JSON.stringify(after)).not.toMatch(/operator1|officer2|manhole/);

      // The same day tomorrow is yesterday: the trend moves on, today starts at zero.
      clock.now = new Date(clock.now.getTime() + 24 * 3_600_000);
      const tomorrow = await screen('shiftlead1');
      expect(tomorrow.today).toBe('2026-03-03');
      expect(tomorrow.counters.received).toBe(0);
      expect(tomorrow.trend.at(-2)).toMatchObject({ day: '2026-03-02', received: after.counters.received });
      clock.now = new Date('2026-03-02T09:00:00+08:00');
    },
  );

  redisTest('each role sees its jurisdiction; other roles are refused', async () => {
    const created = await report();
    const district = await screen('supervisor-150102');
    expect(district.districtCode).toBe('150102');
    expect(district.points.some((p) => p.id === created.id)).toBe(true);
    // Category and department rollups are city-wide: not a district's.
    expect(district.topCategories).toEqual([]);
    expect(district.heat.every((h) => h.code.startsWith('150102'))).toBe(true);

    const region = await screen('region1');
    expect(region.city).toBe(region.cities[0]?.code);
    expect(region.cities.length).toBeGreaterThan(1);
    const named = await screen('region1', '?city=1501');
    expect(named.points.some((p) => p.id === created.id)).toBe(true);

    const city = await screen('supervisor1');
    expect(city.counters.received).toBe(named.counters.received);

    const other = await app.inject({
      method: 'GET',
      url: '/api/supervision/screen?city=1502',
      headers: bearer(tokens.supervisor1 ?? ''),
    });
    expectProblem(other, 403, 'FORBIDDEN');
    const dispatcher = await app.inject({
      method: 'GET',
      url: '/api/supervision/screen',
      headers: bearer(tokens.dispatcher1 ?? ''),
    });
    expectProblem(dispatcher, 403, 'FORBIDDEN');
  });
});
