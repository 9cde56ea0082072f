import { describe, expect, it } from 'vitest';
import { pointSchema, polygonAreaSquareMetres, polygonBbox, polygonSchema } from './geojson.js';
import { syntheticGridLayer } from './synthetic-grid.js';

const square = {
  type: 'Polygon',
  coordinates: [
    [
      [111.6, 40.8],
      [111.7, 40.8],
      [111.7, 40.9],
      [111.6, 40.9],
      [111.6, 40.8],
    ],
  ],
};

describe('polygonSchema', () => {
  it('accepts a closed ring of [lng, lat] positions', () => {
    expect(polygonSchema.parse(square)).toEqual(square);
  });

  it('rejects an open ring', () => {
    const open = { type: 'Polygon', coordinates: [square.coordinates[0]?.slice(0, 4)] };
    expect(polygonSchema.safeParse(open).success).toBe(false);
  });

  it('rejects a ring of fewer than 4 positions', () => {
    const triangleWithoutClosure = {
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [1, 0],
          [0, 0],
        ],
      ],
    };
    expect(polygonSchema.safeParse(triangleWithoutClosure).success).toBe(false);
  });

  it('rejects coordinates out of range, which is what swapped [lat, lng] usually looks like', () => {
    const swapped = {
      type: 'Polygon',
      coordinates: [
        [
          [40.8, 111.6],
          [40.8, 111.7],
          [40.9, 111.7],
          [40.8, 111.6],
        ],
      ],
    };
    expect(polygonSchema.safeParse(swapped).success).toBe(false);
  });

  it('rejects a polygon without rings and other geometry types', () => {
    expect(polygonSchema.safeParse({ type: 'Polygon', coordinates: [] }).success).toBe(false);
    expect(polygonSchema.safeParse({ ...square, type: 'MultiPolygon' }).success).toBe(false);
  });
});

describe('pointSchema', () => {
  it('accepts [lng, lat] in range and rejects anything else', () => {
    expect(pointSchema.safeParse({ type: 'Point', coordinates: [111.67, 40.83] }).success).toBe(true);
    expect(pointSchema.safeParse({ type: 'Point', coordinates: [181, 40] }).success).toBe(false);
    expect(pointSchema.safeParse({ type: 'Point', coordinates: [111, -91] }).success).toBe(false);
    expect(pointSchema.safeParse({ type: 'Point', coordinates: [Number.NaN, 0] }).success).toBe(false);
    expect(pointSchema.safeParse({ type: 'Point', coordinates: [111] }).success).toBe(false);
  });
});

describe('polygonBbox', () => {
  it('is [minLng, minLat, maxLng, maxLat] of the exterior ring', () => {
    expect(polygonBbox(polygonSchema.parse(square))).toEqual([111.6, 40.8, 111.7, 40.9]);
  });
});

describe('polygonAreaSquareMetres', () => {
  it('measures a synthetic 100 m cell as about 10,000 m²', () => {
    const [cell] = syntheticGridLayer({ columns: 1, rows: 1, west: 111.62, north: 40.86 }).grids;
    expect(cell).toBeDefined();
    if (cell === undefined) return;
    expect(polygonAreaSquareMetres(cell.polygon)).toBeGreaterThan(9_900);
    expect(polygonAreaSquareMetres(cell.polygon)).toBeLessThan(10_100);
  });
});
