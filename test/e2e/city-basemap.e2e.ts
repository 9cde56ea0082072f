/**
 * A city's own base map (issue 16.2) in the browser: Hohhot's admin names a tile server that draws
 * in GCJ-02 — this test serves its tiles from a tiny HTTP server of its own — and a Hohhot user's
 * map asks it for the tiles where our WGS-84 case lies once shifted into GCJ-02 (not where it lies
 * unshifted). A region supervisor who switches the wall from Hohhot to Baotou sees Baotou's
 * outlines, base map and (zoomed in) unit grids, not Hohhot's.
 */
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { apiAs, officerReport } from './api.js';
import { roleSessions, tinyPng } from './browser.js';
import { artifacts } from './server.js';

// gcoord (the console's own GCJ-02 library) is CommonJS: required as it is, typed as its default.
const gcoord = createRequire(import.meta.url)('gcoord') as typeof import('gcoord').default;

const baseUrl = inject('consoleUrl');
const tilePort = inject('tilePort');
const sessions = roleSessions(baseUrl, `${artifacts}browser-city-basemap.log`);
const tileTemplate = `http://127.0.0.1:${tilePort}/gcj/{z}/{x}/{y}.png`;

/** The tiles the browser asked for, as `z/x/y`. */
const requested: string[] = [];
let tiles: Server;

/** The slippy-map tile holding a point at zoom `z`. */
function tileOf(lat: number, lng: number, z: number): string {
  const n = 2 ** z;
  const x = Math.floor(((lng + 180) / 360) * n);
  const rad = (lat * Math.PI) / 180;
  const y = Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n);
  return `${z}/${x}/${y}`;
}

interface Areas {
  features: Array<{ properties: { code: string; name: string } }>;
}

describe("a city's base map", () => {
  beforeAll(async () => {
    tiles = createServer((request, response) => {
      const match = /^\/gcj\/(\d+)\/(\d+)\/(\d+)\.png$/.exec(request.url ?? '');
      if (match) requested.push(`${match[1]}/${match[2]}/${match[3]}`);
      response.writeHead(match ? 200 : 404, { 'content-type': 'image/png' }).end(match ? tinyPng : undefined);
    });
    await new Promise<void>((resolve) => tiles.listen(tilePort, '127.0.0.1', resolve));
    await sessions.start();
  });
  afterEach(() => sessions.closeAll());
  afterAll(async () => {
    // The walk's other files see Hohhot's maps as before: the deployment's base map.
    await apiAs(baseUrl, 'admin', '/api/admin/cities/1501/base-map', { baseMap: null }, 'PUT');
    await sessions.stop();
    await new Promise((resolve) => tiles.close(resolve));
  });

  it("the city's admin names a GCJ-02 tile server; the city's maps draw on it, shifted", async () => {
    const admin = await sessions.asRole('admin');
    await admin.goto(`${baseUrl}/admin`);
    await admin.locator('[data-tab="cities"]').click();
    const form = admin.locator('[data-test="city-base-map"]');
    await form.locator('select[name="base-map-kind"]').selectOption('tiles');
    await form.locator('input[name="base-map-tiles"]').fill(tileTemplate);
    await form.locator('input[name="base-map-attribution"]').fill('© 测试瓦片');
    await form.locator('select[name="base-map-coordinates"]').selectOption('gcj02');
    await form.locator('input[name="base-map-max-zoom"]').fill('18');
    await admin.screenshot({ path: `${artifacts}city-basemap-admin.png`, fullPage: true });
    await form.locator('button[type="submit"]').click();
    // Saved: the list read again shows the city's tile server.
    await expect
      .poll(
        async () =>
          (
            await apiAs<{ items: Array<{ code: string; baseMap: unknown }> }>(
              baseUrl,
              'admin',
              '/api/admin/cities',
            )
          ).items.find((c) => c.code === '1501')?.baseMap,
      )
      .toMatchObject({ kind: 'tiles', tiles: tileTemplate, coordinates: 'gcj02' });

    // A Hohhot supervisor opens a case: the map asks our tile server for the tiles around it.
    const found = await officerReport(baseUrl, 'Base map: a case to find on the tiles');
    const at = await apiAs<{ location: { lat: number; lng: number } }>(
      baseUrl,
      'supervisor1',
      `/api/cases/${found.id}`,
    );
    const page = await sessions.asRole('supervisor1');
    await page.goto(`${baseUrl}/cases/${found.id}`);
    const map = page.locator('.map[data-base="tiles"]');
    await map.waitFor();
    await expect
      .poll(() => page.locator('.leaflet-control-attribution').textContent())
      .toContain('© 测试瓦片');
    // Zoomed in to 18, the GCJ-02 shift (some 600 m here) is several tiles wide.
    requested.length = 0;
    // One step at a time: a click while the map still zooms is dropped, so click until the
    // map asks for zoom 18 (its deepest, as the city set it).
    for (let step = 0; step < 8 && !requested.some((tile) => tile.startsWith('18/')); step++) {
      await page.locator('.leaflet-control-zoom-in').click();
      await page.waitForTimeout(800);
    }
    const [gcjLng, gcjLat] = gcoord.transform(
      [at.location.lng, at.location.lat],
      gcoord.WGS84,
      gcoord.GCJ02,
    ) as [number, number];
    const shifted = tileOf(gcjLat, gcjLng, 18);
    const unshifted = tileOf(at.location.lat, at.location.lng, 18);
    expect(shifted).not.toBe(unshifted);
    await expect.poll(() => requested, { timeout: 15_000 }).toContain(shifted);
    expect(requested).not.toContain(unshifted);
    await page.screenshot({ path: `${artifacts}city-basemap-case.png`, fullPage: true });
  });

  it("a region supervisor switching the wall to another city sees that city's outlines and base map", async () => {
    // A city's districts and streets: the map names districts zoomed out, streets zoomed in.
    const namesOf = async (city: string) =>
      (
        await Promise.all(
          ['district', 'street'].map((level) =>
            apiAs<Areas>(baseUrl, 'region1', `/api/areas?level=${level}&city=${city}`),
          ),
        )
      ).flatMap((areas) => areas.features.map((f) => f.properties.name));
    const baotouNames = await namesOf('1502');
    const hohhotNames = await namesOf('1501');
    expect(baotouNames.length).toBeGreaterThan(0);
    const page = await sessions.asRole('region1');
    await page.setViewportSize({ width: 1920, height: 1080 });
    // The region's own wall first; a city's wall is one click (or its address) away.
    await page.goto(`${baseUrl}/screen?city=1501`);
    const labels = () => page.locator('.map .area-label').allTextContents();
    const city = page.locator('select[name="city"]');
    await city.waitFor();
    if ((await city.inputValue()) !== '1501') await city.selectOption('1501');
    await page.locator('.map[data-city="1501"][data-areas="ready"]').waitFor();
    await expect.poll(async () => (await labels()).length).toBeGreaterThan(0);
    for (const name of await labels()) expect(hohhotNames).toContain(name);

    await city.selectOption('1502');
    await page.locator('.map[data-city="1502"][data-areas="ready"]').waitFor();
    await page.screenshot({ path: `${artifacts}city-basemap-region-switch.png` });
    // Baotou's outlines named (those with room for a name), none of Hohhot's.
    await expect.poll(async () => (await labels()).length).toBeGreaterThan(0);
    for (const name of await labels()) expect(baotouNames).toContain(name);
    expect(await page.locator('.map').getAttribute('data-base')).toBe('own');
    // Zoomed in to the grids: Baotou's unit grids, asked for as Baotou's.
    const grids = page.waitForResponse(
      (response) => response.url().includes('/api/grids?') && response.url().includes('city=1502'),
    );
    // (The wall shows no zoom buttons: the wheel, as at a desk.)
    const box = await page.locator('.map').boundingBox();
    await page.mouse.move((box?.x ?? 0) + (box?.width ?? 0) / 2, (box?.y ?? 0) + (box?.height ?? 0) / 2);
    for (let step = 0; step < 3; step++) {
      await page.mouse.wheel(0, -300);
      await page.waitForTimeout(500);
    }
    expect(((await (await grids).json()) as { features: unknown[] }).features.length).toBeGreaterThan(0);
  });
});
