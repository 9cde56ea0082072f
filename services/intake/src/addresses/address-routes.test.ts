import { bearer, expectProblem, loginAs } from '@urbangrid/platform/test-support';
import { redisTest } from '@urbangrid/test-support';
import { describe, expect } from 'vitest';
import { buildIntakeTestApp, type IntakeTestApp } from '../test/intake-test-app.js';

describe('GET /api/intake/addresses', () => {
  let harness: IntakeTestApp;
  let operator: Record<string, string>;

  redisTest.beforeAll(async ({ database, redis }) => {
    harness = await buildIntakeTestApp({ database, redis });
    operator = bearer((await loginAs(harness.app, 'operator1')).token);
  });
  redisTest.afterAll(async () => harness.close());

  const search = (q: string, limit?: number, headers = operator) =>
    harness.app.inject({
      method: 'GET',
      url: '/api/intake/addresses',
      query: { q, ...(limit === undefined ? {} : { limit: String(limit) }) },
      headers,
    });

  redisTest.for(['Hailar Est Road', '海拉尔东陆'])(
    'finds a misspelt street (%s) and places it on a grid of its district',
    async (q) => {
      const response = await search(q, 5);
      expect(response.statusCode, response.body).toBe(200);
      const { items } = response.json();
      expect(items.length).toBeGreaterThan(0);
      expect(items.length).toBeLessThanOrEqual(5);
      expect(items.find((item: { kind: string }) => item.kind === 'road')).toMatchObject({
        label: '海拉尔东路',
        kind: 'road',
        gridCode: expect.stringMatching(/^150102\d{9}$/),
        districtCode: '150102',
        lat: expect.any(Number),
        lng: expect.any(Number),
        score: expect.any(Number),
      });
    },
  );

  redisTest('finds a building number by its Chinese label, best match first', async () => {
    const { items } = (await search('新华大街101号')).json();
    expect(items[0]).toMatchObject({ label: '新华大街101号', kind: 'building', score: 1 });
  });

  redisTest('needs a query and a caller', async () => {
    expectProblem(await search(''), 400, 'VALIDATION_FAILED');
    expectProblem(await search('新华', 500), 400, 'VALIDATION_FAILED');
    expectProblem(await search('新华', 5, {}), 401, 'UNAUTHENTICATED');
  });

  redisTest('wildcards are searched literally', async () => {
    const response = await search('%_%');
    expect(response.statusCode).toBe(200);
  });
});

describe('GET /api/intake/addresses/nearest', () => {
  let harness: IntakeTestApp;
  let operator: Record<string, string>;

  redisTest.beforeAll(async ({ database, redis }) => {
    harness = await buildIntakeTestApp({ database, redis });
    operator = bearer((await loginAs(harness.app, 'operator1')).token);
  });
  redisTest.afterAll(async () => harness.close());

  const nearest = (lat: number, lng: number, headers = operator) =>
    harness.app.inject({
      method: 'GET',
      url: '/api/intake/addresses/nearest',
      query: { lat: String(lat), lng: String(lng) },
      headers,
    });

  redisTest('names the building number a picked point lies beside, with its distance', async () => {
    const [building] = (
      await harness.app.inject({
        method: 'GET',
        url: '/api/intake/addresses',
        query: { q: '新华大街101号', limit: '1' },
        headers: operator,
      })
    ).json().items;
    // About 10 m north-east of the door.
    const response = await nearest(building.lat + 0.00007, building.lng + 0.00007);
    expect(response.statusCode, response.body).toBe(200);
    const { item } = response.json();
    expect(item).toMatchObject({ kind: 'building', districtCode: building.districtCode });
    expect(item.distanceMeters).toBeLessThanOrEqual(15);
    expect(item.label).toBe('新华大街101号');
  });

  redisTest('answers null far from every address, and wants a point and a caller', async () => {
    const far = await nearest(41.5, 110.2);
    expect(far.statusCode, far.body).toBe(200);
    expect(far.json()).toEqual({ item: null });
    expectProblem(await nearest(95, 111), 400, 'VALIDATION_FAILED');
    expectProblem(await nearest(40.83, 111.67, {}), 401, 'UNAUTHENTICATED');
  });
});
