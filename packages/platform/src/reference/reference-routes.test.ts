import { redisTest } from '@urbangrid/test-support';
import { describe, expect } from 'vitest';
import type { App } from '../app.js';
import { bearer, buildTestApp, expectProblem, loginAs } from '../test-support/index.js';

interface Feature {
  geometry: { type: string; coordinates: number[][][] };
  properties: Record<string, string | null>;
}

describe('reference routes of api.md on the demo region', () => {
  let app: App;
  let headers: Record<string, string>;

  redisTest.beforeAll(async ({ database, redis }) => {
    app = await buildTestApp({ database, redis }, { live: false });
    await app.ready();
    headers = bearer((await loginAs(app, 'operator1')).token);
  });
  redisTest.afterAll(async () => {
    await app.close();
  });

  redisTest('a point in Hohhot is placed on the grid whose outline contains it', async () => {
    const located = await app.inject({ url: '/api/grids/locate?lat=40.83&lng=111.66', headers });
    expect(located.statusCode, located.body).toBe(200);
    const grid = located.json<Record<string, string>>();
    expect(grid.code).toMatch(/^1501\d{11}$/);
    expect(grid.districtCode).toBe(grid.code?.slice(0, 6));
    expect(grid.streetCode).toBe(grid.code?.slice(0, 9));
    expect(grid.communityCode).toBe(grid.code?.slice(0, 12));

    const detail = await app.inject({ url: `/api/grids/${grid.code}`, headers });
    const body = detail.json<{ code: string; geometry: { type: string; coordinates: number[][][] } }>();
    expect(body.code).toBe(grid.code);
    expect(body.geometry.type).toBe('Polygon');
    const ring = body.geometry.coordinates[0] ?? [];
    const lngs = ring.map((p) => p[0] ?? Number.NaN);
    const lats = ring.map((p) => p[1] ?? Number.NaN);
    // [lng, lat] order: the point lies inside the outline's box.
    expect(Math.min(...lngs)).toBeLessThanOrEqual(111.66);
    expect(Math.max(...lngs)).toBeGreaterThanOrEqual(111.66);
    expect(Math.min(...lats)).toBeLessThanOrEqual(40.83);
    expect(Math.max(...lats)).toBeGreaterThanOrEqual(40.83);
  });

  redisTest(
    'a point outside every grid is OUTSIDE_GRID; a bad code or point is VALIDATION_FAILED',
    async () => {
      expectProblem(
        await app.inject({ url: '/api/grids/locate?lat=10&lng=10', headers }),
        404,
        'OUTSIDE_GRID',
      );
      expectProblem(
        await app.inject({ url: '/api/grids/locate?lat=95&lng=10', headers }),
        400,
        'VALIDATION_FAILED',
      );
      expectProblem(await app.inject({ url: '/api/grids/12345', headers }), 400, 'VALIDATION_FAILED');
      expectProblem(await app.inject({ url: '/api/grids/150102999999999', headers }), 404, 'NOT_FOUND');
      expectProblem(
        await app.inject({ url: '/api/grids/locate?lat=40.83&lng=111.66' }),
        401,
        'UNAUTHENTICATED',
      );
    },
  );

  redisTest('the catalogue lists components and events with their handling limits', async () => {
    const categories = (await app.inject({ url: '/api/categories', headers })).json<
      Array<{ code: string; kind: string; name: string; handlingLimitMinutes: number }>
    >();
    const manhole = categories.find((c) => c.code === 'C0101');
    expect(manhole).toMatchObject({ kind: 'component' });
    expect(manhole?.handlingLimitMinutes).toBeGreaterThan(0);
    expect(categories.some((c) => c.kind === 'event')).toBe(true);
  });

  redisTest('departments form a tree of the caller’s city', async () => {
    const departments = (await app.inject({ url: '/api/departments', headers })).json<
      Array<{ id: string; code: string; parentId: string | null }>
    >();
    expect(departments.length).toBeGreaterThan(4);
    const ids = new Set(departments.map((d) => d.id));
    const children = departments.filter((d) => d.parentId !== null);
    expect(children.length).toBeGreaterThan(0);
    for (const child of children) expect(ids.has(child.parentId ?? '')).toBe(true);
  });

  redisTest(
    'a deadline skips the lunch break, the night, the weekend and the National Day holiday',
    async () => {
      const deadline = (body: object) =>
        app.inject({ method: 'POST', url: '/api/calendar/deadline', headers, payload: body });
      // Friday 11:00 + 120 office minutes: 11:00–12:00, then 14:00–15:00.
      const friday = await deadline({
        start: '2026-03-06T11:00:00+08:00',
        workMinutes: 120,
        calendar: 'office',
      });
      expect(new Date(friday.json<{ due: string }>().due).toISOString()).toBe('2026-03-06T07:00:00.000Z');
      // Friday 17:30 + 60: 30 minutes on Friday, 30 on Monday morning.
      const weekend = await deadline({
        start: '2026-03-06T17:30:00+08:00',
        workMinutes: 60,
        calendar: 'office',
      });
      expect(new Date(weekend.json<{ due: string }>().due).toISOString()).toBe('2026-03-09T00:30:00.000Z');
      // 30 September 17:00 + 120: one hour that day, then the holiday (1–7 October) is skipped.
      const holiday = await deadline({
        start: '2026-09-30T17:00:00+08:00',
        workMinutes: 120,
        calendar: 'office',
      });
      const due = new Date(holiday.json<{ due: string }>().due);
      expect(due.getTime()).toBeGreaterThan(new Date('2026-10-07T16:00:00Z').getTime());
      expectProblem(
        await deadline({ start: 'yesterday', workMinutes: 1, calendar: 'office' }),
        400,
        'VALIDATION_FAILED',
      );
      expectProblem(
        await deadline({ start: '2026-03-06T11:00:00+08:00', workMinutes: 1, calendar: 'moon' }),
        400,
        'VALIDATION_FAILED',
      );
    },
  );

  redisTest('map outlines: districts of the city, streets under a district, grids inside a box', async () => {
    const districts = (await app.inject({ url: '/api/areas?level=district', headers })).json<{
      type: string;
      features: Feature[];
    }>();
    expect(districts.type).toBe('FeatureCollection');
    expect(districts.features.map((f) => f.properties.code)).toEqual(
      expect.arrayContaining(['150102', '150103', '150104', '150105']),
    );
    const streets = (await app.inject({ url: '/api/areas?level=street&parent=150102', headers })).json<{
      features: Feature[];
    }>();
    expect(streets.features.length).toBeGreaterThan(0);
    for (const street of streets.features) expect(street.properties.parentCode).toBe('150102');

    const box = '111.655,40.825,111.665,40.835';
    const grids = (await app.inject({ url: `/api/grids?bbox=${box}`, headers })).json<{
      features: Feature[];
      truncated: boolean;
    }>();
    // About 1 km × 1 km of ~100 m cells.
    expect(grids.features.length).toBeGreaterThan(50);
    expect(grids.features.length).toBeLessThan(200);
    expect(grids.truncated).toBe(false);
    const located = (await app.inject({ url: '/api/grids/locate?lat=40.83&lng=111.66', headers })).json<{
      code: string;
    }>();
    expect(grids.features.map((f) => f.properties.code)).toContain(located.code);
    // Each outline as GeoJSON; a box touching a grid's corner still meets it (edges count).
    const grid = grids.features.find((f) => f.properties.code === located.code);
    expect(grid?.geometry.type).toBe('Polygon');
    const corner = grid?.geometry.coordinates[0]?.reduce(
      (max, [lng = 0, lat = 0]) => [Math.max(max[0] ?? 0, lng), Math.max(max[1] ?? 0, lat)],
      [-180, -90],
    );
    const touching = (
      await app.inject({
        url: `/api/grids?bbox=${corner?.[0]},${corner?.[1]},${(corner?.[0] ?? 0) + 0.0001},${(corner?.[1] ?? 0) + 0.0001}`,
        headers,
      })
    ).json<{ features: Feature[] }>();
    expect(touching.features.map((f) => f.properties.code)).toContain(located.code);
    expectProblem(await app.inject({ url: '/api/grids?bbox=1,2,3', headers }), 400, 'VALIDATION_FAILED');
    expectProblem(
      await app.inject({ url: '/api/grids?bbox=111.7,40.9,111.6,40.8', headers }),
      400,
      'VALIDATION_FAILED',
    );
  });
});
