import { describe, expect, it } from 'vitest';
import { northOf } from '../test/intake-test-app.js';
import { photoCheckFlags, photoFlags } from './photo-checks.js';

const point = { lat: 40.83, lng: 111.67 };
const at = new Date('2026-11-25T02:00:00Z');
const rules = { maxDistanceMetres: 200, maxAgeMinutes: 24 * 60 };
const photo = (fields: Partial<{ takenAt: Date | null; gpsLat: number | null; gpsLng: number | null }>) => ({
  takenAt: null,
  gpsLat: null,
  gpsLng: null,
  ...fields,
});

describe('photoCheckFlags', () => {
  it('flags a photo taken over 200 m away, not one within', () => {
    const near = northOf(point, 195);
    const far = northOf(point, 205);
    expect(
      photoCheckFlags([photo({ gpsLat: near.lat, gpsLng: near.lng })], { location: point, at }, rules),
    ).toEqual([]);
    expect(
      photoCheckFlags([photo({ gpsLat: far.lat, gpsLng: far.lng })], { location: point, at }, rules),
    ).toEqual([photoFlags.farFromLocation]);
  });

  it('flags a photo taken more than a day before the report', () => {
    const dayAndMinute = new Date(at.getTime() - (24 * 60 + 1) * 60_000);
    const hourBefore = new Date(at.getTime() - 3_600_000);
    expect(photoCheckFlags([photo({ takenAt: hourBefore })], { location: point, at }, rules)).toEqual([]);
    expect(photoCheckFlags([photo({ takenAt: dayAndMinute })], { location: point, at }, rules)).toEqual([
      photoFlags.takenLongBefore,
    ]);
  });

  it('a photo without EXIF proves nothing and flags nothing; several photos flag each thing once', () => {
    const far = northOf(point, 1000);
    const old = new Date('2026-01-01T00:00:00Z');
    expect(photoCheckFlags([photo({})], { location: point, at }, rules)).toEqual([]);
    expect(
      photoCheckFlags(
        [
          photo({ gpsLat: far.lat, gpsLng: far.lng, takenAt: old }),
          photo({ gpsLat: far.lat, gpsLng: far.lng }),
        ],
        { location: point, at },
        rules,
      ),
    ).toEqual([photoFlags.farFromLocation, photoFlags.takenLongBefore]);
  });
});
