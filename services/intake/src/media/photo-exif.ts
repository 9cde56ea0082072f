/**
 * What a photo says about itself (EXIF, read with exifr): when it was taken and where. Camera
 * clocks carry no zone unless OffsetTimeOriginal is set, so a bare time is read in the city's zone.
 */
import exifr from 'exifr';
import { DateTime } from 'luxon';

export interface PhotoFacts {
  takenAt: Date | null;
  gpsLat: number | null;
  gpsLng: number | null;
}

const none: PhotoFacts = { takenAt: null, gpsLat: null, gpsLng: null };

const exifTime = /^(\d{4}):(\d{2}):(\d{2})[ T](\d{2}):(\d{2}):(\d{2})/;
const offset = /^[+-]\d{2}:\d{2}$/;

/** '2026:11:25 09:30:00' (+ optional '+08:00') as an instant; null when it is not a real time. */
export function exifInstant(value: unknown, offsetValue: unknown, timeZone: string): Date | null {
  if (typeof value !== 'string') return null;
  const match = exifTime.exec(value);
  if (!match) return null;
  const [, y, mo, d, h, mi, s] = match;
  const zone = typeof offsetValue === 'string' && offset.test(offsetValue) ? `UTC${offsetValue}` : timeZone;
  const time = DateTime.fromObject(
    {
      year: Number(y),
      month: Number(mo),
      day: Number(d),
      hour: Number(h),
      minute: Number(mi),
      second: Number(s),
    },
    { zone },
  );
  return time.isValid ? time.toJSDate() : null;
}

const finite = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) ? value : null;

export async function readPhotoFacts(bytes: Buffer, timeZone: string): Promise<PhotoFacts> {
  try {
    const tags: unknown = await exifr.parse(bytes, {
      tiff: true,
      exif: true,
      gps: true,
      reviveValues: false,
    });
    if (typeof tags !== 'object' || tags === null) return none;
    const record = tags as Record<string, unknown>;
    // exifr adds decimal `latitude`/`longitude` from the GPS IFD's degrees, minutes and refs.
    const lat = finite(record.latitude);
    const lng = finite(record.longitude);
    const valid = lat !== null && lng !== null && Math.abs(lat) <= 90 && Math.abs(lng) <= 180;
    return {
      takenAt: exifInstant(record.DateTimeOriginal ?? record.CreateDate, record.OffsetTimeOriginal, timeZone),
      gpsLat: valid ? lat : null,
      gpsLng: valid ? lng : null,
    };
  } catch {
    // A photo with broken or no metadata is still a photo; it just proves less.
    return none;
  }
}
