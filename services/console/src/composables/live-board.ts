/** Loads a board's queue and keeps it live for as long as the screen is open. */
import { onBeforeUnmount, onMounted } from 'vue';
import type { CaseState } from '../api/contract';
import { type BoardFilter, useCaseBoardStore } from '../stores/case-board';
import { useLiveStore } from '../stores/live';
import { useReferenceStore } from '../stores/reference';

export function useLiveBoard(states: readonly CaseState[], filter: () => BoardFilter = () => ({})) {
  const board = useCaseBoardStore();
  const live = useLiveStore();
  const reference = useReferenceStore();
  let unsubscribe: (() => void) | undefined;

  onMounted(() => {
    void reference.load().catch(() => undefined);
    void board.load(states, filter());
    unsubscribe = live.subscribe((event) => void board.onLive(event));
  });
  onBeforeUnmount(() => {
    unsubscribe?.();
    board.clear();
  });

  return board;
}
