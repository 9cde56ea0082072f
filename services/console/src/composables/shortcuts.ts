/**
 * Single-key shortcuts for operators who work the keyboard all day. Keys typed into a field never
 * trigger one, nor do keys with Ctrl, Alt or Meta (the browser's own shortcuts stay intact).
 */
import { onBeforeUnmount, onMounted } from 'vue';

export interface Shortcut {
  /** `KeyboardEvent.key`, compared case-insensitively ("f", "Enter", "ArrowDown"). */
  key: string;
  run: () => void;
}

export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  const tag = target.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || target.isContentEditable;
}

export function matchShortcut(event: KeyboardEvent, shortcuts: readonly Shortcut[]): Shortcut | undefined {
  if (event.ctrlKey || event.altKey || event.metaKey || isTypingTarget(event.target)) return undefined;
  const key = event.key.toLowerCase();
  return shortcuts.find((s) => s.key.toLowerCase() === key);
}

/** Binds shortcuts while the component is mounted; `active` lets a dialog switch them off. */
export function useShortcuts(shortcuts: () => readonly Shortcut[], active: () => boolean = () => true): void {
  const onKey = (event: KeyboardEvent) => {
    if (!active()) return;
    const hit = matchShortcut(event, shortcuts());
    if (!hit) return;
    event.preventDefault();
    hit.run();
  };
  onMounted(() => window.addEventListener('keydown', onKey));
  onBeforeUnmount(() => window.removeEventListener('keydown', onKey));
}
