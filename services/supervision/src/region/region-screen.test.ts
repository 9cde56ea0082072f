/**
 * The region's map and wall over HTTP (issue 19.7, 16.3 at region level): every city is placed
 * where its grids are and sized by them; a report in one city raises that city's counter of today,
 * not the other's, the region's totals and trend follow, and the latest events name the city.
 */
import { grids } from '@urbangrid/db';
import { userActor } from '@urbangrid/domain';
import { createEngineContext, type EngineContext, reportCase } from '@urbangrid/engine';
import type { App } from '@urbangrid/platform';
import { bearer, buildTestApp, expectProblem, loginAs } from '@urbangrid/platform/test-support';
import { redisTest } from '@urbangrid/test-support';
import { eq } from 'drizzle-orm';
import { describe, expect } from 'vitest';
import { supervisionService } from '../index.js';
import type { RegionCity, RegionScreen } from './region-screen.js';

const clock = { now: new Date('2026-03-02T09:00:00+08:00') };

describe('the region map and wall', () => {
  let app: App;
  let engine: EngineContext;
  let tokens: Record<string, string>;
  let report: (city: string) => Promise<{ id: string; caseNo: string }>;

  redisTest.beforeAll(async ({ database, redis }) => {
    engine = createEngineContext({ db: database.db, now: () => clock.now });
    app = await buildTestApp({ database, redis }, { services: [supervisionService({ engine })] });
    tokens = {};
    for (const user of ['region1', 'supervisor1']) tokens[user] = (await loginAs(app, user)).token;
    report = async (city) => {
      const [grid] = await database.db.select().from(grids).where(eq(grids.city, city)).limit(1);
      if (grid === undefined) throw new Error(`demo data missing: no grid in ${city}`);
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
    await app?.close();
  });

  const read = async <T>(url: string, user = 'region1'): Promise<T> => {
    const response = await app.inject({ method: 'GET', url, headers: bearer(tokens[user] ?? '') });
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as T;
  };

  redisTest('places every city in the middle of its grids, sized by how many', async ({ database }) => {
    const cities = await read<RegionCity[]>('/api/region/cities');
    const hohhot = cities.find((city) => city.code === '1501');
    const hohhotGrids = await database.db.select().from(grids).where(eq(grids.city, '1501'));
    expect(hohhot?.grids).toBe(hohhotGrids.length);
    const minLat = Math.min(...hohhotGrids.map((g) => g.minLat));
    const maxLat = Math.max(...hohhotGrids.map((g) => g.maxLat));
    const minLng = Math.min(...hohhotGrids.map((g) => g.minLng));
    const maxLng = Math.max(...hohhotGrids.map((g) => g.maxLng));
    expect(hohhot?.lat).toBeCloseTo((minLat + maxLat) / 2, 6);
    expect(hohhot?.lng).toBeCloseTo((minLng + maxLng) / 2, 6);
    // Hohhot lies near 40.8° N 111.7° E.
    expect(Math.abs((hohhot?.lat ?? 0) - 40.8)).toBeLessThan(0.5);
    expect(Math.abs((hohhot?.lng ?? 0) - 111.7)).toBeLessThan(0.5);
    expect(cities.map((city) => city.code)).toContain('1502');
  });

  redisTest("a report raises its city's counter of today and names the city in the events", async () => {
    const before = await read<RegionScreen>('/api/region/screen');
    expect(before.today).toBe('2026-03-02');
    expect(before.trend).toHaveLength(30);
    const counter = (screen: RegionScreen, city: string) =>
      screen.cities.find((c) => c.code === city)?.counters.received ?? -1;

    const created = await report('1502');
    const after = await read<RegionScreen>('/api/region/screen');
    expect(counter(after, '1502') - counter(before, '1502')).toBe(1);
    expect(counter(after, '1501')).toBe(counter(before, '1501'));
    expect(after.totals.received - before.totals.received).toBe(1);
    expect(after.trend.at(-1)).toMatchObject({ day: '2026-03-02', received: after.totals.received });
    expect(after.events[0]).toMatchObject({ city: '1502', caseNo: created.caseNo, command: 'report' });
    // Nothing personal on a wall.
    expect(JSON.stringify(after)).not.toMatch(/operator1|manhole/);

    await report('1501');
    const both = await read<RegionScreen>('/api/region/screen');
    expect(counter(both, '1501') - counter(after, '1501')).toBe(1);
    expect(both.events.slice(0, 2).map((e) => e.city)).toEqual(['1501', '1502']);
  });

  redisTest("a city's supervisor reads neither", async () => {
    for (const url of ['/api/region/screen', '/api/region/cities']) {
      const response = await app.inject({ method: 'GET', url, headers: bearer(tokens.supervisor1 ?? '') });
      expectProblem(response, 403, 'FORBIDDEN');
    }
  });
});
