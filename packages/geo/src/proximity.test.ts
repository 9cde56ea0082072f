import fc from 'fast-check';
import { cellToBoundary, cellToLatLng, getResolution, isValidCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import {
  cellsWithinRadius,
  distanceMetres,
  MAX_DISK_RINGS,
  PROXIMITY_RESOLUTION,
  proximityCell,
  ringsForRadius,
} from './proximity.js';

const METRES_PER_DEGREE = 111_195;

describe('proximityCell', () => {
  it('is a valid H3 cell at the proximity resolution by default', () => {
    const cell = proximityCell(40.83, 111.67);
    expect(isValidCell(cell)).toBe(true);
    expect(getResolution(cell)).toBe(PROXIMITY_RESOLUTION);
    expect(getResolution(proximityCell(40.83, 111.67, 8))).toBe(8);
  });
});

describe('distanceMetres', () => {
  it('measures 0.01° of latitude as about 1112 m and is symmetric', () => {
    expect(distanceMetres(40.83, 111.67, 40.84, 111.67)).toBeCloseTo(1111.95, 1);
    expect(distanceMetres(40.84, 111.67, 40.83, 111.67)).toBe(distanceMetres(40.83, 111.67, 40.84, 111.67));
    expect(distanceMetres(40.83, 111.67, 40.83, 111.67)).toBe(0);
  });
});

describe('cellsWithinRadius', () => {
  it('always holds the cell of the centre, first, and grows with the radius', () => {
    const cells = cellsWithinRadius(40.83, 111.67, 0);
    expect(cells[0]).toBe(proximityCell(40.83, 111.67));
    expect(cellsWithinRadius(40.83, 111.67, 500).length).toBeGreaterThan(cells.length);
    const origin = proximityCell(40.83, 111.67);
    expect(ringsForRadius(origin, 1000)).toBeGreaterThan(ringsForRadius(origin, 100));
  });

  it('refuses a negative, non-finite or too large radius', () => {
    const origin = proximityCell(40.83, 111.67);
    expect(() => ringsForRadius(origin, -1)).toThrow(RangeError);
    expect(() => ringsForRadius(origin, Number.NaN)).toThrow(RangeError);
    expect(() => ringsForRadius(origin, Number.POSITIVE_INFINITY)).toThrow(RangeError);
    expect(() => ringsForRadius(origin, 100 * MAX_DISK_RINGS * 100)).toThrow(RangeError);
  });

  it('covers every point within the radius (property)', () => {
    const centre = fc.oneof(
      // around the demo region
      fc.record({
        lat: fc.double({ min: 40.5, max: 41.2, noNaN: true }),
        lng: fc.double({ min: 111, max: 112.5, noNaN: true }),
      }),
      // and anywhere outside the polar caps (in microdegrees, for an even spread)
      fc.record({
        lat: fc.integer({ min: -70_000_000, max: 70_000_000 }).map((micro) => micro / 1e6),
        lng: fc.integer({ min: -180_000_000, max: 180_000_000 }).map((micro) => micro / 1e6),
      }),
    );
    // Bias towards the rim of the disk, where a too-small k would show.
    // fc.double is uniform over representable doubles, so [0, 1] means mostly tiny values: the
    // second arbitrary keeps half the points on the rim.
    const fraction = fc.oneof(
      fc.double({ min: 0, max: 1, noNaN: true }),
      fc.double({ min: 0.97, max: 1, noNaN: true }),
    );
    fc.assert(
      fc.property(
        centre,
        fc.integer({ min: 0, max: 2_000 }),
        fc.double({ min: 0, max: 2 * Math.PI, noNaN: true }),
        fraction,
        fc.constantFrom(9, 10, 11),
        ({ lat, lng }, radius, bearing, share, resolution) => {
          const north = (share * radius * Math.cos(bearing)) / METRES_PER_DEGREE;
          const east =
            (share * radius * Math.sin(bearing)) / (METRES_PER_DEGREE * Math.cos((lat * Math.PI) / 180));
          const pointLat = lat + north;
          const pointLng = lng + east;
          // The planar offset is only an approximation; the library's distance decides.
          fc.pre(
            pointLng >= -180 && pointLng <= 180 && distanceMetres(lat, lng, pointLat, pointLng) <= radius,
          );
          const cells = cellsWithinRadius(lat, lng, radius, resolution);
          expect(cells).toContain(proximityCell(pointLat, pointLng, resolution));
        },
      ),
      { numRuns: 1_000 },
    );
  });

  it('covers the whole rim of the disk even from the corner of a cell, the worst place to start', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 40.5, max: 41.2, noNaN: true }),
        fc.double({ min: 111, max: 112.5, noNaN: true }),
        fc.nat(5),
        // Whole centimetres: fc.double would pick mostly tiny radii (it is uniform over doubles).
        fc.integer({ min: 0, max: 40_000 }).map((centimetres) => centimetres / 100),
        (seedLat, seedLng, corner, radius) => {
          const cell = proximityCell(seedLat, seedLng);
          const [centreLat, centreLng] = cellToLatLng(cell);
          const [vertexLat, vertexLng] = cellToBoundary(cell)[corner] ?? [centreLat, centreLng];
          // Just inside the cell, at one of its corners.
          const lat = centreLat + (vertexLat - centreLat) * 0.999;
          const lng = centreLng + (vertexLng - centreLng) * 0.999;
          const cells = new Set(cellsWithinRadius(lat, lng, radius));
          for (let degrees = 0; degrees < 360; degrees += 3) {
            const bearing = (degrees * Math.PI) / 180;
            const pointLat = lat + (0.9999 * radius * Math.cos(bearing)) / METRES_PER_DEGREE;
            const pointLng =
              lng +
              (0.9999 * radius * Math.sin(bearing)) / (METRES_PER_DEGREE * Math.cos((lat * Math.PI) / 180));
            if (distanceMetres(lat, lng, pointLat, pointLng) > radius) continue;
            expect(cells.has(proximityCell(pointLat, pointLng))).toBe(true);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
