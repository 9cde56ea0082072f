import { describe, expect, it } from 'vitest';
import { fromMapCoordinates, toMapCoordinates } from './map-coordinates';

describe('map coordinates', () => {
  it('shifts a WGS-84 point onto GCJ-02 where Chinese maps draw it (天安门, a published pair)', () => {
    // WGS-84 39.90923 N 116.397428 E is GCJ-02 39.910634 N 116.403672 E (about 550 m east, 160 m north).
    const shifted = toMapCoordinates({ lat: 39.90923, lng: 116.397428 }, 'gcj02');
    expect(shifted.lat).toBeCloseTo(39.910634, 5);
    expect(shifted.lng).toBeCloseTo(116.403672, 5);
  });

  it('brings a place picked on a GCJ-02 map back to WGS-84 within a metre', () => {
    const hohhot = { lat: 40.83, lng: 111.67 };
    const back = fromMapCoordinates(toMapCoordinates(hohhot, 'gcj02'), 'gcj02');
    expect(Math.abs(back.lat - hohhot.lat)).toBeLessThan(1e-5);
    expect(Math.abs(back.lng - hohhot.lng)).toBeLessThan(1e-5);
    expect(toMapCoordinates(hohhot, 'gcj02').lng - hohhot.lng).toBeGreaterThan(0.005);
  });

  it('leaves WGS-84 maps alone', () => {
    expect(toMapCoordinates({ lat: 40.83, lng: 111.67 }, 'wgs84')).toEqual({ lat: 40.83, lng: 111.67 });
  });
});
