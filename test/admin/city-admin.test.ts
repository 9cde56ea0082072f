/**
 * Cities and areas through HTTP, with two API processes over one database: a region admin adds a
 * city (its calendars and public holidays come with it) and the other process knows it within
 * seconds, without a restart; a city's admin adds its districts, streets and communities, renames
 * (If-Match, 409 when stale) and retires them from a date. Every change is in the audit log.
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
let region: Record<string, string>;

const post = (url: string, payload: object, headers = admin, app = first) =>
  app.inject({ method: 'POST', url, headers, payload });
const put = (url: string, payload: object, headers: Record<string, string>) =>
  first.inject({ method: 'PUT', url, headers, payload });

const wuhai = { code: '1503', name: '乌海市', nameEn: 'Wuhai', timeZone: 'Asia/Shanghai' };

describe('city and area administration', () => {
  test.beforeAll(async () => {
    ({ first, second } = processes);
    admin = bearer((await loginAs(first, 'admin')).token);
    // region-admin is a demo user (seeds/demo-region).
    region = bearer((await loginAs(first, 'region-admin')).token);
  });

  test('a region admin adds a city; the other process knows it within seconds', async () => {
    // Unknown to the second process first (and cached so).
    expectProblem(
      await second.inject({ url: '/api/admin/cities/1503/areas', headers: region }),
      404,
      'NOT_FOUND',
    );

    const created = await post('/api/admin/cities', wuhai, region);
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toEqual({ ...wuhai, baseMap: null, retiredOn: null, version: 1 });
    expect(created.headers.etag).toBe('"1"');

    await expect
      .poll(
        async () =>
          (await second.inject({ url: '/api/admin/cities/1503/areas', headers: region })).statusCode,
        {
          timeout: 5_000,
        },
      )
      .toBe(200);
    // Its calendars came with it, public holidays loaded.
    const calendar = await second.inject({ url: '/api/admin/calendars/1503?year=2026', headers: region });
    expect(calendar.statusCode, calendar.body).toBe(200);
    expect(
      calendar
        .json()
        .calendars.map((c: { code: string }) => c.code)
        .sort(),
    ).toEqual(['office', 'patrol']);
    expect(calendar.json().days.length).toBeGreaterThan(20);

    expectProblem(await post('/api/admin/cities', wuhai, region), 409, 'CONFLICT');
    // A city's admin may not add cities.
    expectProblem(await post('/api/admin/cities', { ...wuhai, code: '1504' }), 403, 'FORBIDDEN');
  });

  test('districts, streets and communities go under the area their code extends', async () => {
    const areas = '/api/admin/cities/1503/areas';
    const district = await post(
      areas,
      { level: 'district', code: '150302', name: '海勃湾区', nameEn: 'Haibowan' },
      region,
    );
    expect(district.statusCode, district.body).toBe(201);
    expect(district.json()).toMatchObject({
      code: '150302',
      parentCode: null,
      level: 'district',
      version: 1,
    });
    const street = await post(
      areas,
      { level: 'street', code: '150302001', name: '新华街道', nameEn: 'Xinhua' },
      region,
    );
    expect(street.statusCode, street.body).toBe(201);
    expect(street.json()).toMatchObject({ parentCode: '150302' });
    const community = await post(
      areas,
      {
        level: 'community',
        code: '150302001001',
        name: '新华社区',
        nameEn: 'Xinhua Community',
        population: 9000,
      },
      region,
    );
    expect(community.statusCode, community.body).toBe(201);
    expect(community.json()).toMatchObject({ parentCode: '150302001', population: 9000 });

    // A street whose district does not exist, a code of the wrong length or city: 400 naming the code.
    for (const bad of [
      { level: 'street', code: '150399001', name: '甲', nameEn: 'A' },
      { level: 'street', code: '150302', name: '甲', nameEn: 'A' },
      { level: 'district', code: '150202', name: '甲', nameEn: 'A' },
      { level: 'county', code: '150303', name: '甲', nameEn: 'A' },
      { level: 'district', code: '150303', name: '', nameEn: 'A' },
    ]) {
      const response = await post(areas, bad, region);
      expect(expectProblem(response, 400, 'VALIDATION_FAILED').errors, JSON.stringify(bad)).toBeTruthy();
    }
    expectProblem(
      await post(areas, { level: 'district', code: '150302', name: '又', nameEn: 'Again' }, region),
      409,
      'CONFLICT',
    );
    // Hohhot's admin does not manage Wuhai.
    expectProblem(
      await post(areas, { level: 'district', code: '150303', name: '乌达区', nameEn: 'Wuda' }),
      403,
      'FORBIDDEN',
    );

    const listed = await second.inject({ url: areas, headers: region });
    expect(listed.json().items.map((a: { code: string }) => a.code)).toEqual([
      '150302',
      '150302001',
      '150302001001',
    ]);
  });

  test('renames are version-checked: the second of two edits on one version gets 409', async () => {
    const rename = (name: string, version: string) =>
      put('/api/admin/areas/150102001', { name, nameEn: 'Renamed' }, { ...admin, 'if-match': version });
    const answers = await Promise.all([rename('甲街道', '"1"'), rename('乙街道', '"1"')]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409]);
    const loser = answers.find((a) => a.statusCode === 409);
    expect(expectProblem(loser as never, 409, 'VERSION_CONFLICT')).toMatchObject({ currentVersion: 2 });

    const city = await put(
      '/api/admin/cities/1501',
      { name: '呼和浩特', nameEn: 'Hohhot City' },
      { ...admin, 'if-match': '"1"' },
    );
    expect(city.statusCode, city.body).toBe(200);
    expect(city.json()).toMatchObject({ name: '呼和浩特', nameEn: 'Hohhot City', version: 2 });
    expectProblem(
      await put(
        '/api/admin/cities/1501',
        { name: '呼市', nameEn: 'Huhhot' },
        { ...admin, 'if-match': '"1"' },
      ),
      409,
      'VERSION_CONFLICT',
    );
    expectProblem(
      await put('/api/admin/cities/1502', { name: '包头', nameEn: 'Baotou' }, admin),
      403,
      'FORBIDDEN',
    );
    expectProblem(
      await put('/api/admin/areas/150202001', { name: '甲', nameEn: 'A' }, admin),
      403,
      'FORBIDDEN',
    );
  });

  test('an area is retired from a date once nothing lives under it', async () => {
    // A Hohhot street still has communities and grids.
    expectProblem(
      await post('/api/admin/areas/150102001/retire', { retiredOn: '2027-01-01' }),
      409,
      'CONFLICT',
    );
    expectProblem(
      await post('/api/admin/areas/150302001/retire', { retiredOn: 'soon' }, region),
      400,
      'VALIDATION_FAILED',
    );
    const community = await post('/api/admin/areas/150302001001/retire', { retiredOn: '2027-01-01' }, region);
    expect(community.statusCode, community.body).toBe(200);
    expect(community.json()).toMatchObject({ retiredOn: '2027-01-01', version: 2 });
    const street = await post('/api/admin/areas/150302001/retire', { retiredOn: '2027-01-01' }, region);
    expect(street.statusCode, street.body).toBe(200);
    expectProblem(
      await post('/api/admin/areas/150302001/retire', { retiredOn: '2027-02-01' }, region),
      409,
      'CONFLICT',
    );
    // Nothing new goes under a retired street.
    expectProblem(
      await post(
        '/api/admin/cities/1503/areas',
        { level: 'community', code: '150302001002', name: '乙', nameEn: 'B' },
        region,
      ),
      400,
      'VALIDATION_FAILED',
    );

    expectProblem(await post('/api/admin/cities/1503/retire', { retiredOn: '2030-01-01' }), 403, 'FORBIDDEN');
    const retired = await post('/api/admin/cities/1503/retire', { retiredOn: '2030-01-01' }, region);
    expect(retired.statusCode, retired.body).toBe(200);
    expect(retired.json()).toMatchObject({ code: '1503', retiredOn: '2030-01-01' });
    const cities = await second.inject({ url: '/api/admin/cities', headers: region });
    expect(cities.json().items).toContainEqual(
      expect.objectContaining({ code: '1503', retiredOn: '2030-01-01' }),
    );
  });

  test('every change is audited with before and after', async () => {
    const log = await first.inject({ url: '/api/admin/audit?pageSize=200', headers: region });
    const entries = log.json<{ items: Array<Record<string, unknown>> }>().items;
    expect(entries).toContainEqual(
      expect.objectContaining({
        actor: 'region-admin',
        entity: 'city',
        entityKey: '1503',
        action: 'create',
        before: null,
      }),
    );
    expect(entries).toContainEqual(
      expect.objectContaining({
        actor: 'admin',
        entity: 'city',
        entityKey: '1501',
        action: 'rename',
        before: expect.objectContaining({ name: '呼和浩特市', version: 1 }),
        after: expect.objectContaining({ name: '呼和浩特', version: 2 }),
      }),
    );
    expect(entries).toContainEqual(
      expect.objectContaining({
        entity: 'area',
        entityKey: '150302001',
        action: 'retire',
        after: expect.objectContaining({ retiredOn: '2027-01-01' }),
      }),
    );
    // The refused rename left no entry.
    expect(entries.filter((e) => e.entityKey === '150102001' && e.action === 'rename')).toHaveLength(1);
  });
});
