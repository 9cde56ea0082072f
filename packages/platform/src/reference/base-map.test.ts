/**
 * The base map (issue 16.2): by default drawn from the demo gazetteer — each road a line through
 * its building numbers in order, the named places as points; with BASE_MAP_TILES, the deployment's
 * tile server, its attribution and coordinate system, and its origin allowed by the CSP (a tile
 * server the CSP would block is refused at start-up).
 */
import { redisTest } from '@urbangrid/test-support';
import { describe, expect } from 'vitest';
import { ConfigError, loadConfig } from '../config.js';
import { bearer, buildTestApp, loginAs } from '../test-support/index.js';
import type { BaseMap } from './base-map.js';

const tiles = 'https://{s}.tiles.example.gov.cn/gcj/{z}/{x}/{y}.png';

describe('base map', () => {
  redisTest(
    'drawn from the gazetteer: roads as lines through their numbers, named places',
    async ({ database, redis }) => {
      const app = await buildTestApp({ database, redis }, { live: false });
      try {
        const headers = bearer((await loginAs(app, 'operator1')).token);
        const answer = await app.inject({ url: '/api/basemap', headers });
        expect(answer.statusCode, answer.body).toBe(200);
        const base = answer.json<BaseMap>();
        expect(base).toMatchObject({ tiles: null, coordinates: 'wgs84' });
        const xinhua = base.roads.features.find((road) => road.properties.name === '新华大街');
        const line = xinhua?.geometry.coordinates ?? [];
        // Along one lattice row, west to east, No. 1 to No. 233.
        expect(line.length).toBe(117);
        expect(new Set(line.map(([, lat]) => lat)).size).toBe(1);
        expect(line.every(([lng], i) => i === 0 || lng > (line[i - 1]?.[0] ?? 0))).toBe(true);
        expect(base.places.features.map((p) => p.properties.name)).toEqual(
          expect.arrayContaining(['新华大街', '海拉尔东路']),
        );
        expect(base.places.features.some((p) => p.properties.kind === 'landmark')).toBe(true);
      } finally {
        await app.close();
      }
    },
  );

  redisTest(
    'a tile server: its template, attribution and GCJ-02, allowed by the CSP',
    async ({ database, redis }) => {
      const app = await buildTestApp(
        { database, redis },
        {
          live: false,
          env: {
            BASE_MAP_TILES: tiles,
            BASE_MAP_ATTRIBUTION: '© 天地图',
            BASE_MAP_COORDINATES: 'gcj02',
            CSP_IMG_SOURCES: 'https://*.tiles.example.gov.cn',
          },
        },
      );
      try {
        const headers = bearer((await loginAs(app, 'operator1')).token);
        const answer = await app.inject({ url: '/api/basemap', headers });
        expect(answer.json()).toMatchObject({
          tiles,
          attribution: '© 天地图',
          coordinates: 'gcj02',
          roads: { features: [] },
        });
        expect(answer.headers['content-security-policy']).toContain('img-src');
        expect(answer.headers['content-security-policy']).toContain('https://*.tiles.example.gov.cn');
      } finally {
        await app.close();
      }
    },
  );

  redisTest('a tile server the CSP would block is refused at start-up', () => {
    expect(() => loadConfig({ NODE_ENV: 'test', BASE_MAP_TILES: tiles })).toThrow(ConfigError);
    expect(() => loadConfig({ NODE_ENV: 'test', BASE_MAP_TILES: tiles })).toThrow(
      /add https:\/\/\*\.tiles\.example\.gov\.cn there/,
    );
    expect(() =>
      loadConfig({ NODE_ENV: 'test', BASE_MAP_TILES: tiles, CSP_IMG_SOURCES: 'https://other.example.com' }),
    ).toThrow(ConfigError);
    expect(
      loadConfig({ NODE_ENV: 'test', BASE_MAP_TILES: tiles, CSP_IMG_SOURCES: 'https:' }).BASE_MAP_TILES,
    ).toBe(tiles);
    expect(() => loadConfig({ NODE_ENV: 'test', BASE_MAP_TILES: 'https://x.example.com/tile.png' })).toThrow(
      /BASE_MAP_TILES/,
    );
  });
});
