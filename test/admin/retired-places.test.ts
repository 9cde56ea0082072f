/**
 * Retired places take no new reports: a community whose grids were re-cut away by a grid import
 * and which the admin then retired from today answers AREA_RETIRED (before its retirement, the same
 * point was OUTSIDE_GRID); a city retired from today answers CITY_RETIRED to its own staff. Both
 * through the admin API and the intake route every source reports through.
 */

import { localDay } from '@urbangrid/domain';
import { createEngineContext } from '@urbangrid/engine';
import { intakeService } from '@urbangrid/intake';
import type { App } from '@urbangrid/platform';
import {
  bearer,
  buildTestApp,
  expectProblem,
  loginAs,
  signInFirstTime,
} from '@urbangrid/platform/test-support';
import { redisTest as test } from '@urbangrid/test-support';
import { describe, expect } from 'vitest';

interface GridFeature {
  type: 'Feature';
  geometry: { type: 'Polygon'; coordinates: number[][][] };
  properties: { code: string; communityCode: string };
}

let app: App;
let admin: Record<string, string>;
let region: Record<string, string>;
const today = () => localDay(new Date(), 'Asia/Shanghai');

const report = (headers: Record<string, string>, location: { lat: number; lng: number }) =>
  app.inject({
    method: 'POST',
    url: '/api/intake/reports',
    headers,
    payload: { source: 'hotline', categoryCode: 'E0101', description: '路边垃圾堆积', location },
  });

const centre = (grid: GridFeature) => {
  const ring = grid.geometry.coordinates[0] ?? [];
  const lngs = ring.map(([lng]) => lng ?? 0);
  const lats = ring.map(([, lat]) => lat ?? 0);
  return {
    lat: (Math.min(...lats) + Math.max(...lats)) / 2,
    lng: (Math.min(...lngs) + Math.max(...lngs)) / 2,
  };
};

describe('retired places refuse new reports', () => {
  test.beforeAll(async ({ database, redis }) => {
    const engine = createEngineContext({ db: database.db });
    app = await buildTestApp({ database, redis }, { live: false, services: [intakeService({ engine })] });
    await app.ready();
    admin = bearer((await loginAs(app, 'admin')).token);
    region = bearer((await loginAs(app, 'region-admin')).token);
  });
  test.afterAll(async () => {
    await app?.close();
  });

  test('a community re-cut away and retired answers AREA_RETIRED', async () => {
    const operator = bearer((await loginAs(app, 'operator1')).token);
    const exported = (await app.inject({ url: '/api/admin/grids/export?city=1501', headers: admin })).json<{
      features: GridFeature[];
    }>();
    // The last community of the city, all of whose grids the import drops.
    const community =
      exported.features
        .map((f) => f.properties.communityCode)
        .sort()
        .at(-1) ?? '';
    const dropped = exported.features.filter((f) => f.properties.communityCode === community);
    expect(dropped.length).toBeGreaterThan(0);
    const point = centre(dropped[0] as GridFeature);
    expect((await report(operator, point)).statusCode).toBe(201);

    const applied = await app.inject({
      method: 'POST',
      url: '/api/admin/grids/import?city=1501&apply=true',
      headers: admin,
      payload: {
        type: 'FeatureCollection',
        features: exported.features.filter((f) => f.properties.communityCode !== community),
      },
    });
    expect(applied.statusCode, applied.body).toBe(200);
    expect(applied.json()).toMatchObject({ applied: true, retired: dropped.length });
    // Re-cut away but not retired: simply outside every grid.
    expectProblem(await report(operator, point), 404, 'OUTSIDE_GRID');

    const retired = await app.inject({
      method: 'POST',
      url: `/api/admin/areas/${community}/retire`,
      headers: admin,
      payload: { retiredOn: today() },
    });
    expect(retired.statusCode, retired.body).toBe(200);
    const refused = expectProblem(await report(operator, point), 409, 'AREA_RETIRED');
    expect(String(refused.detail)).toContain(community);
  });

  test('a retired city answers CITY_RETIRED to its staff', async () => {
    const city = await app.inject({
      method: 'POST',
      url: '/api/admin/cities',
      headers: region,
      payload: { code: '1503', name: '乌海市', nameEn: 'Wuhai', timeZone: 'Asia/Shanghai' },
    });
    expect(city.statusCode, city.body).toBe(201);
    const account = await app.inject({
      method: 'POST',
      url: '/api/admin/users',
      headers: region,
      payload: {
        username: 'operator-wuhai',
        displayName: '乌海接线员',
        roles: ['intake_operator'],
        city: '1503',
        password: 'copper lantern meadow 73',
      },
    });
    expect(account.statusCode, account.body).toBe(201);
    const operator = bearer(
      (await signInFirstTime(app, 'operator-wuhai', 'copper lantern meadow 73', 'tidal quarry ember 81'))
        .token,
    );
    // Before: it has no grids yet.
    expectProblem(await report(operator, { lat: 39.65, lng: 106.8 }), 404, 'OUTSIDE_GRID');

    const retired = await app.inject({
      method: 'POST',
      url: '/api/admin/cities/1503/retire',
      headers: region,
      payload: { retiredOn: today() },
    });
    expect(retired.statusCode, retired.body).toBe(200);
    expectProblem(await report(operator, { lat: 39.65, lng: 106.8 }), 409, 'CITY_RETIRED');
  });
});
