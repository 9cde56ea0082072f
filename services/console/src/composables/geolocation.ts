/**
 * The device's position (定位), taken when asked: the fix (where, how precise, when) or why there
 * is none (denied, unavailable, timeout, unsupported). Only the latest request counts: an older one
 * that answers late, or one `cancel`led (the user picked a place on the map meanwhile), changes
 * nothing.
 */
import { computed, ref } from 'vue';
import type { LatLng } from '../api/contract';
import { failureOf, type LocateFailure, type PositionFix } from '../domain/position-fix';

/** How long the device may search before the request is said to have timed out. */
export const locateTimeoutMs = 15_000;

export function useGeolocation() {
  const fix = ref<PositionFix | null>(null);
  const failure = ref<LocateFailure | null>(null);
  const locating = ref(false);
  const position = computed<LatLng | null>(() =>
    fix.value ? { lat: fix.value.lat, lng: fix.value.lng } : null,
  );
  const failed = computed(() => failure.value !== null);
  let latest = 0;

  function settle(attempt: number, found: PositionFix | null, why: LocateFailure | null): boolean {
    if (attempt !== latest) return false;
    locating.value = false;
    failure.value = why;
    if (found) fix.value = found;
    return true;
  }

  /** The position now, or null with `failure` saying why (also null when a later request or a cancel overtook it). */
  function locate(): Promise<PositionFix | null> {
    const attempt = ++latest;
    locating.value = true;
    failure.value = null;
    return new Promise((resolve) => {
      if (!globalThis.navigator?.geolocation) {
        settle(attempt, null, 'unsupported');
        resolve(null);
        return;
      }
      navigator.geolocation.getCurrentPosition(
        (p) => {
          const found: PositionFix = {
            lat: p.coords.latitude,
            lng: p.coords.longitude,
            accuracy: p.coords.accuracy,
            takenAt: p.timestamp || Date.now(),
          };
          resolve(settle(attempt, found, null) ? found : null);
        },
        (error) => {
          settle(attempt, null, failureOf(error.code));
          resolve(null);
        },
        // A position cached up to 30 s is as good as a new one; its age is kept (takenAt).
        { enableHighAccuracy: true, timeout: locateTimeoutMs, maximumAge: 30_000 },
      );
    });
  }

  /** Forgets a request under way: what it answers later is dropped. */
  function cancel(): void {
    latest++;
    locating.value = false;
  }

  return { fix, position, failure, failed, locating, locate, cancel };
}
