/**
 * Grid import through HTTP, with two API processes over one database: the city's grids exported,
 * one grid split in two and one renamed, previewed (nothing written), then applied as the next
 * version by one process; the other process's locator finds the new grids within seconds, without
 * a restart. The split grid is retired, not deleted: the cases filed in it still find it.
 */
import type { App } from '@urbangrid/platform';
import { bearer, expectProblem, loginAs } from '@urbangrid/platform/test-support';
import { redisTest as test } from '@urbangrid/test-support';
import { twoProcesses } from '@urbangrid/test-support/two-processes';
import { describe, expect } from 'vitest';

interface GridFeature {
  type: 'Feature';
  geometry: { type: 'Polygon'; coordinates: number[][][] };
  properties: { code: string; communityCode: string; name?: string };
}
interface GridFile {
  type: 'FeatureCollection';
  features: GridFeature[];
}
interface Report {
  version: number;
  applied: boolean;
  added: number;
  changed: number;
  retired: number;
  codes: { added: string[]; changed: string[]; retired: string[] };
  problems: Array<{ severity: string; kind: string; code?: string; otherCode?: string }>;
}

const processes = twoProcesses(() => ({ live: false }));
let first: App;
let second: App;
let admin: Record<string, string>;

const importGrids = (file: unknown, query: string, headers: Record<string, string> = admin) =>
  first.inject({ method: 'POST', url: `/api/admin/grids/import?${query}`, headers, payload: file as object });

/** The west and east halves of a rectangle grid, under new codes of its community. */
function split(grid: GridFeature): GridFeature[] {
  const ring = grid.geometry.coordinates[0] ?? [];
  const lngs = ring.map(([lng]) => lng ?? 0);
  const lats = ring.map(([, lat]) => lat ?? 0);
  const [west, east, south, north] = [
    Math.min(...lngs),
    Math.max(...lngs),
    Math.min(...lats),
    Math.max(...lats),
  ];
  const middle = (west + east) / 2;
  const box = (w: number, e: number) => [
    [
      [w, south],
      [e, south],
      [e, north],
      [w, north],
      [w, south],
    ],
  ];
  const { communityCode } = grid.properties;
  return [
    {
      ...grid,
      geometry: { type: 'Polygon', coordinates: box(west, middle) },
      properties: { code: `${communityCode}998`, communityCode },
    },
    {
      ...grid,
      geometry: { type: 'Polygon', coordinates: box(middle, east) },
      properties: { code: `${communityCode}999`, communityCode },
    },
  ];
}

const centre = (grid: GridFeature, share = 0.5) => {
  const ring = grid.geometry.coordinates[0] ?? [];
  const lngs = ring.map(([lng]) => lng ?? 0);
  const lats = ring.map(([, lat]) => lat ?? 0);
  const lng = Math.min(...lngs) + (Math.max(...lngs) - Math.min(...lngs)) * share;
  return { lat: (Math.min(...lats) + Math.max(...lats)) / 2, lng };
};

describe('grid import', () => {
  let exported: GridFile;
  let target: GridFeature;
  let renamed: GridFeature;
  let file: GridFile;
  let dispatcher: Record<string, string>;

  const locate = async (point: { lat: number; lng: number }) => {
    const response = await second.inject({
      url: `/api/grids/locate?lat=${point.lat}&lng=${point.lng}`,
      headers: dispatcher,
    });
    expect(response.statusCode, response.body).toBe(200);
    return response.json<{ code: string }>().code;
  };

  test.beforeAll(async () => {
    ({ first, second } = processes);
    admin = bearer((await loginAs(first, 'admin')).token);
    dispatcher = bearer((await loginAs(second, 'dispatcher1')).token);

    const response = await first.inject({ url: '/api/admin/grids/export', headers: admin });
    expect(response.statusCode, response.body).toBe(200);
    exported = response.json<GridFile>();
    expect(exported.features.length).toBeGreaterThan(1_000);
    [target, renamed] = exported.features.slice(100, 102) as [GridFeature, GridFeature];
    file = {
      type: 'FeatureCollection',
      features: exported.features.flatMap((grid) => {
        if (grid === target) return split(grid);
        if (grid === renamed) return [{ ...grid, properties: { ...grid.properties, name: '改名后的网格' } }];
        return [grid];
      }),
    };
  });

  test('the exported grids import as they are: nothing to add, change or retire', async () => {
    const response = await importGrids(exported, 'apply=false');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ version: 0, applied: false, added: 0, changed: 0, retired: 0 });
    expect(response.json<Report>().problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  test('a preview says what would change and writes nothing', async () => {
    const before = await locate(centre(target, 0.25));
    expect(before).toBe(target.properties.code);
    const response = await importGrids(file, 'city=1501');
    expect(response.statusCode, response.body).toBe(200);
    const report = response.json<Report>();
    expect(report).toMatchObject({ version: 0, applied: false, added: 2, changed: 1, retired: 1 });
    expect(report.codes).toEqual({
      added: split(target).map((grid) => grid.properties.code),
      changed: [renamed.properties.code],
      retired: [target.properties.code],
    });
    expect(await locate(centre(target, 0.25))).toBe(target.properties.code);
  });

  test('applied, the new grids are located by the other process within seconds', async () => {
    const response = await importGrids(file, 'apply=true', { ...admin, 'if-match': '"0"' });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ version: 1, applied: true, added: 2, changed: 1, retired: 1 });
    expect(response.headers.etag).toBe('"1"');
    const [west, east] = split(target).map((grid) => grid.properties.code);
    await expect.poll(() => locate(centre(target, 0.25)), { timeout: 5_000 }).toBe(west);
    expect(await locate(centre(target, 0.75))).toBe(east);

    // The retired grid is still there for the cases filed in it.
    const retired = await second.inject({ url: `/api/grids/${target.properties.code}`, headers: dispatcher });
    expect(retired.statusCode, retired.body).toBe(200);
    // The export is the layer as it is now.
    const now = (
      await first.inject({ url: '/api/admin/grids/export?city=1501', headers: admin })
    ).json<GridFile>();
    const codes = new Set(now.features.map((grid) => grid.properties.code));
    expect(codes.has(target.properties.code)).toBe(false);
    expect(codes.has(west ?? '')).toBe(true);
    expect(
      now.features.find((grid) => grid.properties.code === renamed.properties.code)?.properties.name,
    ).toBe('改名后的网格');
  });

  test('applying on a stale preview answers 409; applying a file with problems 400, and nothing changes', async () => {
    expectProblem(
      await importGrids(file, 'apply=true', { ...admin, 'if-match': '"0"' }),
      409,
      'VERSION_CONFLICT',
    );

    const [one, two] = file.features as [GridFeature, GridFeature];
    const overlapping: GridFile = {
      ...file,
      features: [
        ...file.features,
        { ...one, properties: { ...one.properties, code: `${one.properties.communityCode}997` } },
      ],
    };
    const refused = expectProblem(await importGrids(overlapping, 'apply=true'), 400, 'VALIDATION_FAILED');
    expect(refused.problems).toContainEqual(
      expect.objectContaining({
        kind: 'overlap',
        code: one.properties.code,
        otherCode: `${one.properties.communityCode}997`,
      }),
    );
    const misfiled: GridFile = {
      ...file,
      features: [{ ...two, properties: { ...two.properties, communityCode: '150199001001' } }],
    };
    const preview = (await importGrids(misfiled, 'apply=false')).json<Report>();
    expect(preview.problems).toContainEqual(
      expect.objectContaining({ severity: 'error', kind: 'code', code: two.properties.code }),
    );
    expect(preview.version).toBe(1);
  });

  test('bad files and other cities answer problem+json; only admins import', async () => {
    expectProblem(await importGrids({ type: 'Feature' }, 'apply=false'), 400, 'VALIDATION_FAILED');
    expectProblem(await importGrids(exported, 'city=1502'), 403, 'FORBIDDEN');
    expectProblem(await importGrids(exported, 'apply=false', dispatcher), 403, 'FORBIDDEN');
    const geojson = await first.inject({
      method: 'POST',
      url: '/api/admin/grids/import',
      headers: { ...admin, 'content-type': 'application/geo+json' },
      payload: JSON.stringify({ type: 'FeatureCollection', features: [] }),
    });
    expect(geojson.statusCode, geojson.body).toBe(200);
    // An empty layer would retire every grid: shown, not applied.
    expect(geojson.json<Report>().retired).toBeGreaterThan(1_000);
  });

  test('the applied version is in the audit log', async () => {
    const log = await first.inject({ url: '/api/admin/audit?entity=grids', headers: admin });
    expect(log.json().items).toContainEqual(
      expect.objectContaining({
        actor: 'admin',
        entityKey: '1501:v1',
        action: 'apply',
        after: expect.objectContaining({ version: 1, retired: [target.properties.code] }),
      }),
    );
  });
});
