import { describe, expect, it } from 'vitest';
import { jpegPhoto, pngPhoto } from '../test/photos.js';
import { exifInstant, readPhotoFacts } from './photo-exif.js';

describe('photo EXIF', () => {
  it('reads a camera time in the city’s zone unless the photo names its offset', () => {
    expect(exifInstant('2026:11:25 09:30:00', undefined, 'Asia/Shanghai')?.toISOString()).toBe(
      '2026-11-25T01:30:00.000Z',
    );
    expect(exifInstant('2026:11:25 09:30:00', '+02:00', 'Asia/Shanghai')?.toISOString()).toBe(
      '2026-11-25T07:30:00.000Z',
    );
    expect(exifInstant('2026:02:30 09:30:00', undefined, 'Asia/Shanghai')).toBeNull();
    expect(exifInstant('0000:00:00 00:00:00', undefined, 'Asia/Shanghai')).toBeNull();
    expect(exifInstant(42, undefined, 'Asia/Shanghai')).toBeNull();
  });

  it('reads GPS and time from a JPEG, nothing from a photo without EXIF or from garbage', async () => {
    const facts = await readPhotoFacts(
      await jpegPhoto({ takenAt: '2026:11:25 09:30:00', gps: { lat: 40.8, lng: 111.7 } }),
      'Asia/Shanghai',
    );
    expect(facts.takenAt?.toISOString()).toBe('2026-11-25T01:30:00.000Z');
    expect(facts.gpsLat).toBeCloseTo(40.8, 5);
    expect(facts.gpsLng).toBeCloseTo(111.7, 5);
    expect(await readPhotoFacts(await pngPhoto(), 'Asia/Shanghai')).toEqual({
      takenAt: null,
      gpsLat: null,
      gpsLng: null,
    });
    expect(await readPhotoFacts(Buffer.from('not an image'), 'Asia/Shanghai')).toEqual({
      takenAt: null,
      gpsLat: null,
      gpsLng: null,
    });
  });
});
