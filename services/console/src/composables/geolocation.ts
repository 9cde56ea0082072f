/** The browser's position, once; null when the user or the device says no. */
import { ref } from 'vue';
import type { LatLng } from '../api/contract';

export function useGeolocation() {
  const position = ref<LatLng | null>(null);
  const failed = ref(false);

  function locate(): Promise<LatLng | null> {
    return new Promise((resolve) => {
      if (!globalThis.navigator?.geolocation) {
        failed.value = true;
        resolve(null);
        return;
      }
      navigator.geolocation.getCurrentPosition(
        (p) => {
          position.value = { lat: p.coords.latitude, lng: p.coords.longitude };
          failed.value = false;
          resolve(position.value);
        },
        () => {
          failed.value = true;
          resolve(null);
        },
        { enableHighAccuracy: true, timeout: 10_000, maximumAge: 60_000 },
      );
    });
  }

  return { position, failed, locate };
}
