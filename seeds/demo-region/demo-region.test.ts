import { describe, expect, it } from 'vitest';
import { buildDemoRegion } from './index.js';

const region = buildDemoRegion();
const stages = ['verify', 'file', 'dispatch', 'handle', 'check', 'close'] as const;

type Limits = Record<'normal' | 'urgent', Record<(typeof stages)[number], number>>;

describe('demo region (pure)', () => {
  it('gives every category positive working-minute limits, urgent never longer than normal', () => {
    for (const category of region.categories) {
      const limits = category.timeLimits as Limits;
      for (const stage of stages) {
        expect(Number.isInteger(limits.normal[stage]) && limits.normal[stage] > 0, category.code).toBe(true);
        expect(limits.urgent[stage], `${category.code} ${stage}`).toBeLessThanOrEqual(limits.normal[stage]);
      }
    }
  });

  it('names default departments that exist in every city', () => {
    for (const city of region.cities) {
      const codes = new Set(region.departments.filter((d) => d.city === city.code).map((d) => d.code));
      for (const category of region.categories) {
        expect(codes.has(category.defaultDepartmentCode ?? ''), `${category.code} in ${city.code}`).toBe(
          true,
        );
      }
    }
  });

  it('uses unique ids, codes and usernames', () => {
    const unique = (values: string[]) => new Set(values).size === values.length;
    expect(unique(region.grids.map((g) => g.code))).toBe(true);
    expect(unique(region.areas.map((a) => a.code))).toBe(true);
    expect(unique(region.departments.map((d) => d.id))).toBe(true);
    expect(unique(region.users.map((u) => u.username))).toBe(true);
    expect(unique(region.users.map((u) => u.id))).toBe(true);
    expect(unique(region.officerGrids.map((o) => o.gridCode))).toBe(true);
  });

  it('draws grids as closed counter-clockwise rings whose shared edges match exactly', () => {
    const [grid] = region.grids;
    if (!grid) throw new Error('no grids');
    const ring: [number, number][] =
      (grid.geometry as { coordinates: [number, number][][] }).coordinates[0] ?? [];
    expect(ring).toHaveLength(5);
    expect(ring[4]).toEqual(ring[0]);
    // Shoelace sum > 0 means counter-clockwise in [lng, lat].
    let twiceArea = 0;
    ring.slice(0, 4).forEach(([x1, y1], i) => {
      const [x2, y2] = ring[i + 1] ?? [x1, y1];
      twiceArea += x1 * y2 - x2 * y1;
    });
    expect(twiceArea).toBeGreaterThan(0);
    const east = region.grids.find((g) => g.minLng === grid.maxLng && g.maxLat === grid.maxLat);
    expect(east?.minLat).toBe(grid.minLat);
  });
});
