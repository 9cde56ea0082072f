/**
 * A GPS position (定位) behind a report: where the device said it was, how precise, and when. A
 * report never goes out on a position that has grown old (the officer may have walked on), and a
 * coarse one is said so the officer checks it on the map.
 */
import type { LatLng } from '../api/contract';

export interface PositionFix extends LatLng {
  /** Metres: the radius the device puts the position in. */
  accuracy: number;
  /** When the device took it (ms since the epoch). */
  takenAt: number;
}

/** Why the device gave no position: the user or the phone said no, it found none, or it took too long. */
export type LocateFailure = 'denied' | 'unavailable' | 'timeout' | 'unsupported';

/** A fix older than this is taken again before a report goes out. */
export const staleAfterMs = 5 * 60_000;
/** A fix less precise than this is shown as coarse: check it on the map. */
export const coarseOverMetres = 100;

export type FixWarning = { kind: 'stale'; minutes: number } | { kind: 'coarse'; metres: number } | null;

export const isStale = (fix: PositionFix, now: number): boolean => now - fix.takenAt > staleAfterMs;

/** What the officer should be told about the fix now: stale first (it is taken again), then coarse. */
export function fixWarning(fix: PositionFix | null, now: number): FixWarning {
  if (fix === null) return null;
  if (isStale(fix, now)) return { kind: 'stale', minutes: Math.floor((now - fix.takenAt) / 60_000) };
  if (fix.accuracy > coarseOverMetres) return { kind: 'coarse', metres: Math.round(fix.accuracy) };
  return null;
}

/** The browser's GeolocationPositionError code as a reason said to the user. */
export function failureOf(code: number): LocateFailure {
  if (code === 1) return 'denied';
  if (code === 3) return 'timeout';
  return 'unavailable';
}

/** Whether `at` is the fix's own point (a model hands back copies, so compared by value). */
export const isAtFix = (fix: PositionFix | null, at: LatLng | null): boolean =>
  fix !== null && at !== null && fix.lat === at.lat && fix.lng === at.lng;
