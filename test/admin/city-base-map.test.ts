/**
 * A city's own base map (issue 16.2) through HTTP, with two API processes over one database: a
 * city's admin names a tile server (URL template, attribution, GCJ-02, deepest zoom) with the
 * city's If-Match, and every map of that city — in the other process too — draws on it, while
 * another city keeps its own; a region user looking at a city gets that city's. A template that is
 * no http(s) {z}/{x}/{y} URL, or a server the CSP would block, is refused in English and Chinese;
 * a stale version answers 409. Every change is in the audit log.
 */
import type { App } from '@urbangrid/platform';
import { bearer, expectProblem, loginAs } from '@urbangrid/platform/test-support';
import { redisTest as test } from '@urbangrid/test-support';
import { twoProcesses } from '@urbangrid/test-support/two-processes';
import { describe, expect } from 'vitest';

const tileOrigin = 'https://t0.tiles.example.gov.cn';
const processes = twoProcesses(() => ({ live: false, env: { CSP_IMG_SOURCES: tileOrigin } }));
let first: App;
let second: App;
let admin: Record<string, string>;
let region: Record<string, string>;

const tiles = `${tileOrigin}/gcj/{z}/{x}/{y}.png`;
const setting = { kind: 'tiles', tiles, attribution: '© 呼和浩特天地图', coordinates: 'gcj02', maxZoom: 17 };

const putBaseMap = (city: string, baseMap: unknown, version: number | string, headers = admin) =>
  first.inject({
    method: 'PUT',
    url: `/api/admin/cities/${city}/base-map`,
    headers: { ...headers, 'if-match': `"${version}"` },
    payload: { baseMap },
  });
const cityVersion = async (city: string, headers = admin) => {
  const list = await first.inject({ url: '/api/admin/cities', headers });
  return (list.json().items as Array<{ code: string; version: number }>).find((c) => c.code === city)
    ?.version as number;
};
const baseMapOf = async (app: App, username: string, city?: string) => {
  const headers = bearer((await loginAs(app, username)).token);
  const answer = await app.inject({ url: `/api/basemap${city ? `?city=${city}` : ''}`, headers });
  expect(answer.statusCode, answer.body).toBe(200);
  return answer.json();
};

describe("a city's base map", () => {
  test.beforeAll(async () => {
    ({ first, second } = processes);
    admin = bearer((await loginAs(first, 'admin')).token);
    region = bearer((await loginAs(first, 'region-admin')).token);
  });

  test("the city admin names a tile server; the city's users get it, another city keeps its own", async () => {
    // Before: every city draws the base map made from its gazetteer (the deployment's default).
    expect(await baseMapOf(second, 'operator1')).toMatchObject({ tiles: null, coordinates: 'wgs84' });

    const version = await cityVersion('1501');
    const set = await putBaseMap('1501', setting, version);
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toMatchObject({ code: '1501', baseMap: setting, version: version + 1 });
    expect(set.headers.etag).toBe(`"${version + 1}"`);

    // Read back by the admin's list, and by a user of the city in the other process.
    const listed = await first.inject({ url: '/api/admin/cities', headers: admin });
    expect(listed.json().items.find((c: { code: string }) => c.code === '1501').baseMap).toEqual(setting);
    const seen = await baseMapOf(second, 'operator1');
    expect(seen).toMatchObject({
      tiles,
      attribution: '© 呼和浩特天地图',
      coordinates: 'gcj02',
      maxZoom: 17,
      roads: { features: [] },
    });

    // Baotou's users still have the map drawn from Baotou's gazetteer.
    expect(await baseMapOf(second, 'bt-officer1')).toMatchObject({ tiles: null, coordinates: 'wgs84' });

    // A region user gets the base map of the city they look at.
    expect(await baseMapOf(second, 'region1', '1501')).toMatchObject({ tiles, coordinates: 'gcj02' });
    expect(await baseMapOf(second, 'region1', '1502')).toMatchObject({ tiles: null });

    // The change is audited, before and after.
    const audit = await first.inject({ url: '/api/admin/audit?entity=city', headers: admin });
    expect(audit.statusCode, audit.body).toBe(200);
    const entry = (
      audit.json().items as Array<{ action: string; entityKey: string; before: unknown; after: unknown }>
    ).find((e) => e.action === 'base-map' && e.entityKey === '1501');
    expect(entry).toMatchObject({ before: { baseMap: null }, after: { baseMap: setting } });
  });

  test('own base map, and back to the deployment’s', async () => {
    const own = await putBaseMap('1502', { kind: 'own' }, await cityVersion('1502', region), region);
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json().baseMap).toEqual({ kind: 'own' });
    expect(await baseMapOf(second, 'bt-officer1')).toMatchObject({ tiles: null });

    const cleared = await putBaseMap('1502', null, await cityVersion('1502', region), region);
    expect(cleared.statusCode, cleared.body).toBe(200);
    expect(cleared.json().baseMap).toBeNull();
  });

  test('a template that is no http(s) {z}/{x}/{y} URL is refused in English and Chinese', async () => {
    const version = await cityVersion('1501');
    for (const bad of [
      'ftp://t0.tiles.example.gov.cn/{z}/{x}/{y}.png',
      `${tileOrigin}/tile.png`,
      `${tileOrigin}/{z}/{x}.png`,
      'javascript:alert(1)//{z}/{x}/{y}',
      '{z}/{x}/{y}',
    ]) {
      const body = expectProblem(
        await putBaseMap('1501', { ...setting, tiles: bad }, version),
        400,
        'VALIDATION_FAILED',
      );
      expect(body.titleZh, bad).toBe('输入有误');
      expect(body.detailZh, bad).toContain('{z}、{x}、{y}');
      expect(body.errors, bad).toEqual([expect.objectContaining({ path: 'baseMap.tiles' })]);
    }
    const coordinates = expectProblem(
      await putBaseMap('1501', { ...setting, coordinates: 'bd09' }, version),
      400,
      'VALIDATION_FAILED',
    );
    expect(coordinates.detailZh).toContain('GCJ-02');
    // A tile server the console's CSP does not list: browsers would refuse its tiles.
    const blocked = expectProblem(
      await putBaseMap(
        '1501',
        { ...setting, tiles: 'https://tiles.elsewhere.example.com/{z}/{x}/{y}.png' },
        version,
      ),
      400,
      'VALIDATION_FAILED',
    );
    expect(blocked.detailZh).toContain('CSP_IMG_SOURCES');
    // Nothing changed.
    expect(await cityVersion('1501')).toBe(version);
  });

  test('a stale If-Match answers 409; another city is out of reach', async () => {
    const version = await cityVersion('1501');
    expectProblem(await putBaseMap('1501', { kind: 'own' }, version - 1), 409, 'VERSION_CONFLICT');
    expect((await baseMapOf(first, 'operator1')).tiles).toBe(tiles);
    // The city's admin may not set Baotou's.
    expectProblem(await putBaseMap('1502', { kind: 'own' }, 1), 403, 'FORBIDDEN');
  });
});
