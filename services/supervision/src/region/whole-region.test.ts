/**
 * The whole region of the action plan as `npm start` loads it: the 19 further cities seeded through
 * the admin's functions over the template's Hohhot and Baotou, each a tenant with its GB/T 2260
 * code, areas, grids sized to it, departments, staff and a full matrix; the region report lists
 * every city.
 */
import { departments, grids, listMatrixCells, regionCityProfiles, users } from '@urbangrid/db';
import { createEngineContext } from '@urbangrid/engine';
import type { App } from '@urbangrid/platform';
import { bearer, buildTestApp, loginAs } from '@urbangrid/platform/test-support';
import { seedWholeRegion } from '@urbangrid/seeds';
import { redisTest } from '@urbangrid/test-support';
import { count, eq } from 'drizzle-orm';
import { describe, expect } from 'vitest';
import { supervisionService } from '../index.js';

const planCities = {
  '1501': '呼和浩特市',
  '1502': '包头市',
  '1503': '乌海市',
  '1504': '赤峰市',
  '1505': '通辽市',
  '1506': '鄂尔多斯市',
  '1507': '呼伦贝尔市',
  '1508': '巴彦淖尔市',
  '1509': '乌兰察布市',
  '150781': '满洲里市',
  '152501': '二连浩特市',
  '150782': '牙克石市',
  '150785': '根河市',
  '150784': '额尔古纳市',
  '150783': '扎兰屯市',
  '152201': '乌兰浩特市',
  '152202': '阿尔山市',
  '150581': '霍林郭勒市',
  '152502': '锡林浩特市',
  '150981': '丰镇市',
  '152921': '阿拉善左旗',
};

describe('the whole region of the action plan', () => {
  let app: App;

  redisTest.beforeAll(async ({ database, redis }) => {
    const summary = await seedWholeRegion(database.db, { demoPassword: 'urbangrid' });
    // Hohhot and Baotou were in the template; the other 19 come now, and a second run adds nothing.
    expect(summary.inserted.cities).toBe(19);
    expect((await seedWholeRegion(database.db, { demoPassword: 'urbangrid' })).inserted.cities).toBe(0);
    const engine = createEngineContext({ db: database.db });
    app = await buildTestApp({ database, redis }, { services: [supervisionService({ engine })] });
  });
  redisTest.afterAll(async () => {
    await app?.close();
  });

  redisTest('the region report lists all 21 cities by their GB/T 2260 codes', async () => {
    const region = bearer((await loginAs(app, 'region1')).token);
    const response = await app.inject({
      url: '/api/supervision/reports/region?from=2026-11-01&to=2026-11-30',
      headers: region,
    });
    expect(response.statusCode, response.body).toBe(200);
    const rows = response.json().rows as { key: string; name: string }[];
    expect(Object.fromEntries(rows.map((row) => [row.key, row.name]))).toEqual(planCities);
  });

  redisTest(
    'each city has grids sized to it, departments, staff and a matrix for every district',
    async ({ database }) => {
      const gridsOf = async (city: string) =>
        (await database.db.select({ n: count() }).from(grids).where(eq(grids.city, city)))[0]?.n ?? 0;
      for (const city of Object.keys(planCities)) {
        expect(await gridsOf(city), city).toBeGreaterThan(0);
        const [bureaus] = await database.db
          .select({ n: count() })
          .from(departments)
          .where(eq(departments.city, city));
        expect(bureaus?.n, city).toBeGreaterThanOrEqual(11);
        expect((await listMatrixCells(database.db, city)).length, city).toBeGreaterThan(0);
        const [staff] = await database.db.select({ n: count() }).from(users).where(eq(users.city, city));
        expect(staff?.n, city).toBeGreaterThan(10);
      }
      // Smaller cities have fewer grids.
      expect(await gridsOf('152202')).toBeLessThan(await gridsOf('1504'));
      // A county-level city is its own single district; its staff sign in with the city's prefix.
      expect((await listMatrixCells(database.db, '150781')).every((cell) => cell.areaCode === '150781')).toBe(
        true,
      );
      expect((await loginAs(app, '150781-operator1')).token).toBeTruthy();
      const profiles = await database.db.select().from(regionCityProfiles);
      expect(
        profiles
          .filter((p) => p.cityClass === 'county-level')
          .map((p) => p.city)
          .sort(),
      ).toEqual([
        '150581',
        '150782',
        '150783',
        '150784',
        '150785',
        '150981',
        '152201',
        '152202',
        '152502',
        '152921',
      ]);
    },
  );
});
