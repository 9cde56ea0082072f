/**
 * The offline banner's state: the browser says it is offline, or the last request found no server
 * (`connectionLost`). While so, the server is asked again every few seconds; the first answer ends
 * it, and every notice of a failed connection retries by itself (ProblemNotice).
 */
import { computed, onBeforeUnmount, onMounted, ref, watch } from 'vue';
import { connectionLost } from '../api/http';

export const probeEveryMs = 5_000;

export function useConnection(probe: () => Promise<unknown> = () => fetch('/api/health')) {
  const browserOffline = ref(globalThis.navigator?.onLine === false);
  const offline = computed(() => browserOffline.value || connectionLost.value);
  let timer: ReturnType<typeof setInterval> | undefined;

  async function look(): Promise<void> {
    try {
      await probe();
      connectionLost.value = false;
    } catch {
      connectionLost.value = true;
    }
  }
  const onOnline = () => {
    browserOffline.value = false;
    void look();
  };
  const onOffline = () => {
    browserOffline.value = true;
  };

  watch(
    offline,
    (down) => {
      clearInterval(timer);
      timer = down ? setInterval(() => void look(), probeEveryMs) : undefined;
    },
    { immediate: true },
  );
  onMounted(() => {
    globalThis.addEventListener?.('online', onOnline);
    globalThis.addEventListener?.('offline', onOffline);
  });
  onBeforeUnmount(() => {
    clearInterval(timer);
    globalThis.removeEventListener?.('online', onOnline);
    globalThis.removeEventListener?.('offline', onOffline);
  });
  return { offline };
}
