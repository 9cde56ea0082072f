/**
 * A board's command buttons and shortcuts, drawn from the case's `allowedCommands`: the server
 * computes them from the lifecycle table for the caller (who, which state, which case), so the
 * console keeps no copy of those rules. A board lists the actions it knows how to carry out, each
 * under the command it issues; the buttons shown, and the shortcuts that act, are those the case
 * allows now.
 */
import type { CaseRecord } from '../api/contract';
import { useShortcuts } from './shortcuts';

/** A command a person can issue on a case (the case view's `allowedCommands`). */
export type CaseCommandName = CaseRecord['allowedCommands'][number];

export interface CaseAction {
  /** Unique on the board (one command may have two actions: approve and deny). */
  key: string;
  command: CaseCommandName;
  /** Default: the command's own label (`commands.<command>`). */
  label?: string;
  shortcut?: string;
  variant?: 'primary' | 'danger';
  /** Acts on the case the button or the shortcut was for. */
  run: (item: CaseRecord) => void;
}

export function allows(item: CaseRecord | null | undefined, command: CaseCommandName): boolean {
  return item?.allowedCommands.includes(command) ?? false;
}

/** The actions `item` allows now, in the board's order. */
export function allowedActions(
  item: CaseRecord | null | undefined,
  actions: readonly CaseAction[],
): CaseAction[] {
  return item ? actions.filter((action) => allows(item, action.command)) : [];
}

/**
 * Binds the actions' shortcuts to the selected case: a key acts only when that case allows its
 * command, and only on that case; `active` switches them off (a dialog is open, a command is busy).
 */
export function useActionShortcuts(
  selected: () => CaseRecord | null,
  actions: () => readonly CaseAction[],
  active: () => boolean = () => true,
): void {
  useShortcuts(() => {
    const item = selected();
    if (!item) return [];
    return allowedActions(item, actions()).flatMap((action) =>
      action.shortcut ? [{ key: action.shortcut, run: () => action.run(item) }] : [],
    );
  }, active);
}
