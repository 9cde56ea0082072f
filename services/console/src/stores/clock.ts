/**
 * One shared "now" for every countdown, ticking every 15 s (countdowns show minutes), so a board
 * of hundreds of rows re-renders once per tick instead of once per row.
 */
import { defineStore } from 'pinia';
import { ref } from 'vue';

export const tickMs = 15_000;

export const useClockStore = defineStore('clock', () => {
  const now = ref(Date.now());
  let timer: ReturnType<typeof setInterval> | undefined;

  function start(): void {
    if (timer) return;
    now.value = Date.now();
    timer = setInterval(() => {
      now.value = Date.now();
    }, tickMs);
  }

  function stop(): void {
    clearInterval(timer);
    timer = undefined;
  }

  return { now, start, stop };
});
