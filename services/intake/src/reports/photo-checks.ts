/**
 * Checks of a report's photos against the report (domain.md §7: staged and recycled photos): a
 * photo whose EXIF GPS is far from the reported point, or whose EXIF time is long before the
 * report, flags the case for the shift lead. A photo without EXIF proves nothing either way and
 * raises nothing; the shift lead still sees the photo.
 */
import { distanceMetres } from '@urbangrid/geo';

export const photoFlags = {
  /** 照片位置与上报位置不符 */
  farFromLocation: 'photo_far_from_location',
  /** 照片拍摄时间早于上报时间过久 */
  takenLongBefore: 'photo_taken_long_before',
} as const;

export interface PhotoEvidence {
  takenAt: Date | null;
  gpsLat: number | null;
  gpsLng: number | null;
}

export interface PhotoCheckRules {
  maxDistanceMetres: number;
  maxAgeMinutes: number;
}

export function photoCheckFlags(
  photos: readonly PhotoEvidence[],
  report: { location: { lat: number; lng: number }; at: Date },
  rules: PhotoCheckRules,
): string[] {
  const flags = new Set<string>();
  for (const photo of photos) {
    if (photo.gpsLat !== null && photo.gpsLng !== null) {
      const distance = distanceMetres(photo.gpsLat, photo.gpsLng, report.location.lat, report.location.lng);
      if (distance > rules.maxDistanceMetres) flags.add(photoFlags.farFromLocation);
    }
    if (photo.takenAt !== null) {
      const ageMinutes = (report.at.getTime() - photo.takenAt.getTime()) / 60_000;
      if (ageMinutes > rules.maxAgeMinutes) flags.add(photoFlags.takenLongBefore);
    }
  }
  return [...flags].sort();
}
