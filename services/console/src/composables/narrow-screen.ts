/**
 * Whether the screen is a phone's (at most `phoneMaxWidth` CSS pixels wide, the breakpoint of
 * styles.css): boards show cards instead of their wide table there, and the selected case as a
 * full-screen sheet. Follows the window as it turns or resizes.
 */
import { onBeforeUnmount, ref } from 'vue';

export const phoneMaxWidth = 640;

export function useNarrowScreen() {
  const query = globalThis.matchMedia?.(`(max-width: ${phoneMaxWidth}px)`);
  const narrow = ref(query?.matches ?? false);
  const follow = (event: MediaQueryListEvent) => {
    narrow.value = event.matches;
  };
  query?.addEventListener('change', follow);
  onBeforeUnmount(() => query?.removeEventListener('change', follow));
  return narrow;
}
