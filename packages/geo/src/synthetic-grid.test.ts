import { describe, expect, it } from 'vitest';
import { polygonSchema } from './geojson.js';
import { distanceMetres } from './proximity.js';
import { syntheticGridLayer } from './synthetic-grid.js';

describe('syntheticGridLayer', () => {
  const layer = syntheticGridLayer({ columns: 23, rows: 12, west: 111.62, north: 40.86 });

  it('makes columns × rows valid polygons with unique 15-digit codes', () => {
    expect(layer.grids).toHaveLength(23 * 12);
    for (const grid of layer.grids) {
      expect(grid.code).toMatch(/^150102\d{9}$/);
      expect(polygonSchema.safeParse(grid.polygon).success).toBe(true);
    }
    expect(new Set(layer.grids.map((grid) => grid.code)).size).toBe(layer.grids.length);
  });

  it('numbers communities and grids west to east, north to south', () => {
    const codeAt = (column: number, row: number): string | undefined =>
      layer.grids.find((grid) => grid.column === column && grid.row === row)?.code;
    expect(codeAt(0, 0)).toBe('150102001001001');
    expect(codeAt(1, 0)).toBe('150102001001002');
    expect(codeAt(0, 1)).toBe('150102001001011');
    expect(codeAt(9, 9)).toBe('150102001001100');
    expect(codeAt(10, 0)).toBe('150102001002001');
    expect(codeAt(22, 11)).toBe('150102001006013');
  });

  it('makes cells of about 100 m whose neighbours share edges exactly', () => {
    const { meridians, parallels } = layer;
    const [west, east] = [meridians[0] ?? 0, meridians[1] ?? 0];
    const [north, south] = [parallels[0] ?? 0, parallels[1] ?? 0];
    expect(distanceMetres(north, west, north, east)).toBeCloseTo(100, 0);
    expect(distanceMetres(north, west, south, west)).toBeCloseTo(100, 0);
    const first = layer.grids[0]?.polygon.coordinates[0];
    const right = layer.grids[1]?.polygon.coordinates[0];
    expect(first?.[1]).toEqual(right?.[0]);
    expect(first?.[2]).toEqual(right?.[3]);
  });

  it('rejects a bad admin code or size', () => {
    expect(() => syntheticGridLayer({ columns: 1, rows: 1, west: 0, north: 0, adminCode: '1501' })).toThrow(
      RangeError,
    );
    expect(() => syntheticGridLayer({ columns: 0, rows: 1, west: 0, north: 0 })).toThrow(RangeError);
  });
});
