import fc from 'fast-check';
import { getResolution, isValidCell } from 'h3-js';
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
      // and anywhere outside the polar caps, where H3 cells are the most distorted
      fc.record({
        lat: fc.double({ min: -70, max: 70, noNaN: true }),
        lng: fc.double({ min: -180, max: 180, noNaN: true }),
      }),
    );
    // Bias towards the rim of the disk, where a too-small k would show.
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
});
