import { createGridLocator, type PolygonLike } from '@urbangrid/geo';
import { describe, expect, it } from 'vitest';
import { buildDemoRegion } from '../demo-region/index.js';
import { buildGazetteer } from './index.js';

const rows = buildGazetteer();
const region = buildDemoRegion();

describe('demo gazetteer (pure)', () => {
  it('is the same on every call', () => {
    expect(buildGazetteer()).toEqual(rows);
  });

  it('names roads, building numbers, landmarks, subdistricts and communities with unique ids', () => {
    const kinds = new Set(rows.map((r) => r.kind));
    expect([...kinds].sort()).toEqual(['building', 'community', 'landmark', 'road', 'subdistrict']);
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
    expect(rows.some((r) => r.label === '海拉尔东路15号')).toBe(true);
    expect(rows.some((r) => r.label === '大召寺' && r.kind === 'landmark')).toBe(true);
  });

  it('puts Hohhot entries inside the seeded grids’ box 40.79–40.87 N, 111.60–111.74 E', () => {
    for (const row of rows.filter((r) => r.city === '1501')) {
      expect(row.lat, row.label).toBeGreaterThan(40.79);
      expect(row.lat, row.label).toBeLessThan(40.87);
      expect(row.lng, row.label).toBeGreaterThan(111.6);
      expect(row.lng, row.label).toBeLessThan(111.74);
    }
  });

  it('labels every point with the grid a locator finds there, of its own city', () => {
    const locator = createGridLocator(
      region.grids.map((g) => ({ code: g.code, polygon: g.geometry as PolygonLike, city: g.city })),
    );
    for (const row of rows) {
      const code = locator.locate(row.lat, row.lng);
      expect(code, `${row.label} ${row.lat},${row.lng}`).toBe(row.gridCode);
      expect(locator.gridOf(row.gridCode)?.city).toBe(row.city);
    }
  });
});
