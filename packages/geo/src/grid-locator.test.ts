import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type GeoJsonPolygon, polygonSchema } from './geojson.js';
import { createGridLocator, type GridShape, InvalidGridLayerError } from './grid-locator.js';
import { syntheticGridLayer } from './synthetic-grid.js';

// 23 × 12 cells: three communities wide, so codes do not grow monotonically west to east and the
// lowest-code rule is not the same as "the western/northern grid wins".
const layer = syntheticGridLayer({ columns: 23, rows: 12, west: 111.62, north: 40.86 });
const { meridians, parallels } = layer;
const [west, south, east, north] = layer.bbox;

/** Oracle: every grid whose closed polygon contains the point, by brute force. */
function containingCodes(grids: readonly GridShape[], lat: number, lng: number): string[] {
  return grids
    .filter((grid) => booleanPointInPolygon([lng, lat], polygonSchema.parse(grid.polygon)))
    .map((grid) => grid.code)
    .sort();
}

function at(values: readonly number[], index: number): number {
  const value = values[index];
  if (value === undefined) throw new RangeError(`no value at ${index}`);
  return value;
}

/** Points on interior edges and corners, where two or four grids touch. */
function boundaryPoints(): Array<{ lat: number; lng: number }> {
  const points: Array<{ lat: number; lng: number }> = [];
  for (let i = 1; i < meridians.length - 1; i++) {
    for (let j = 1; j < parallels.length - 1; j++) {
      const lng = at(meridians, i);
      const lat = at(parallels, j);
      points.push({ lat, lng }); // corner of four grids
      points.push({ lat: (lat + at(parallels, j + 1)) / 2, lng }); // west/east edge
      points.push({ lat, lng: (lng + at(meridians, i + 1)) / 2 }); // north/south edge
    }
  }
  return points;
}

describe('createGridLocator', () => {
  const locator = createGridLocator(layer.grids);

  it('finds the grid of a point strictly inside it', () => {
    for (const grid of layer.grids) {
      const lng = (at(meridians, grid.column) + at(meridians, grid.column + 1)) / 2;
      const lat = (at(parallels, grid.row) + at(parallels, grid.row + 1)) / 2;
      expect(locator.locate(lat, lng)).toBe(grid.code);
    }
  });

  it('gives a point on a shared edge or corner to the lowest code among the grids that touch it', () => {
    for (const { lat, lng } of boundaryPoints()) {
      const touching = containingCodes(layer.grids, lat, lng);
      expect(touching.length).toBeGreaterThanOrEqual(2);
      expect(locator.locate(lat, lng)).toBe(touching[0]);
    }
  });

  it('answers the same for every insertion order', () => {
    const points = boundaryPoints();
    const expected = points.map(({ lat, lng }) => locator.locate(lat, lng));
    fc.assert(
      fc.property(
        fc.shuffledSubarray(layer.grids, { minLength: layer.grids.length, maxLength: layer.grids.length }),
        (shuffled) => {
          const other = createGridLocator(shuffled);
          expect(points.map(({ lat, lng }) => other.locate(lat, lng))).toEqual(expected);
        },
      ),
      { numRuns: 20 },
    );
  });

  it('counts the outer boundary of the layer as inside (polygons are closed)', () => {
    expect(locator.locate(north, west)).toBe('150102001001001');
    expect(locator.locate(south, (west + at(meridians, 1)) / 2)).not.toBeNull();
    expect(locator.locate((north + south) / 2, east)).not.toBeNull();
  });

  it('answers null outside every grid and for impossible coordinates', () => {
    const step = at(parallels, 0) - at(parallels, 1);
    expect(locator.locate(north + step / 100, (west + east) / 2)).toBeNull();
    expect(locator.locate((north + south) / 2, west - step / 100)).toBeNull();
    expect(locator.locate(0, 0)).toBeNull();
    expect(locator.locate(Number.NaN, west)).toBeNull();
    expect(locator.locate(north, Number.POSITIVE_INFINITY)).toBeNull();
    expect(locator.locate(91, 111.62)).toBeNull();
  });

  it('locates every random point inside the covered box in a grid whose polygon contains it', () => {
    fc.assert(
      fc.property(
        fc.double({ min: south, max: north, noNaN: true }),
        fc.double({ min: west, max: east, noNaN: true }),
        (lat, lng) => {
          const code = locator.locate(lat, lng);
          expect(code).not.toBeNull();
          const polygon = code === null ? undefined : locator.polygonOf(code);
          expect(polygon).toBeDefined();
          if (polygon === undefined) return;
          expect(booleanPointInPolygon([lng, lat], polygonSchema.parse(polygon))).toBe(true);
          expect(code).toBe(containingCodes(layer.grids, lat, lng)[0]);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('hands back a grid and its polygon by code', () => {
    const grid = layer.grids[30];
    if (grid === undefined) throw new Error('fixture too small');
    expect(locator.polygonOf(grid.code)).toEqual(grid.polygon);
    expect(locator.gridOf(grid.code)).toBe(grid);
    expect(locator.polygonOf('999999999999999')).toBeUndefined();
    expect(locator.gridOf('999999999999999')).toBeUndefined();
    expect(locator.size).toBe(layer.grids.length);
  });

  it('is not affected by later changes to the grids it was built from', () => {
    const grids = syntheticGridLayer({ columns: 2, rows: 1, west: 111.62, north: 40.86 }).grids.map(
      (grid) => ({
        code: grid.code,
        polygon: structuredClone(grid.polygon),
      }),
    );
    const own = createGridLocator(grids);
    const first = grids[0]?.polygon.coordinates[0]?.[0];
    const before = own.polygonOf(grids[0]?.code ?? '');
    if (first !== undefined) first[0] = 0;
    expect(own.polygonOf(grids[0]?.code ?? '')).toEqual(before);
    expect(before?.coordinates[0]?.[0]?.[0]).toBe(111.62);
  });
});

describe('createGridLocator with irregular grids', () => {
  const ring = (...positions: Array<[number, number]>): GeoJsonPolygon => ({
    type: 'Polygon',
    coordinates: [[...positions, positions[0] ?? [0, 0]]],
  });

  it('splits a square along its diagonal: a point on the diagonal goes to the lower code', () => {
    const locator = createGridLocator([
      { code: '150102001001002', polygon: ring([0, 0], [1, 0], [1, 1]) },
      { code: '150102001001001', polygon: ring([0, 0], [1, 1], [0, 1]) },
    ]);
    expect(locator.locate(0.5, 0.5)).toBe('150102001001001');
    expect(locator.locate(0.25, 0.75)).toBe('150102001001002');
    expect(locator.locate(0.75, 0.25)).toBe('150102001001001');
  });

  it('locates a point in a hole in the grid that fills the hole', () => {
    const outer: GeoJsonPolygon = {
      type: 'Polygon',
      coordinates: [
        ring([0, 0], [3, 0], [3, 3], [0, 3]).coordinates[0] ?? [],
        ring([1, 1], [1, 2], [2, 2], [2, 1]).coordinates[0] ?? [],
      ],
    };
    const locator = createGridLocator([
      { code: '150102001001001', polygon: outer },
      { code: '150102001001002', polygon: ring([1, 1], [2, 1], [2, 2], [1, 2]) },
    ]);
    expect(locator.locate(1.5, 1.5)).toBe('150102001001002');
    expect(locator.locate(0.5, 0.5)).toBe('150102001001001');
    expect(locator.locate(1, 1.5)).toBe('150102001001001'); // on the hole's edge: both touch
  });

  it('answers null everywhere for an empty layer', () => {
    expect(createGridLocator([]).locate(40.83, 111.67)).toBeNull();
  });

  it('refuses duplicate codes and invalid polygons, naming them', () => {
    const polygon = ring([0, 0], [1, 0], [1, 1], [0, 1]);
    expect(() =>
      createGridLocator([
        { code: 'A', polygon },
        { code: 'A', polygon },
      ]),
    ).toThrow(/duplicate grid code A/);
    const open = { type: 'Polygon', coordinates: [polygon.coordinates[0]?.slice(0, 4) ?? []] } as const;
    expect(() => createGridLocator([{ code: 'B', polygon: open }])).toThrow(InvalidGridLayerError);
    expect(() => createGridLocator([{ code: 'B', polygon: open }])).toThrow(/grid B/);
  });
});
