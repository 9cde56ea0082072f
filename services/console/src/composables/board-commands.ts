/**
 * A board's commands: one runner (busy, problem, notice, the case put back on the board), one
 * dialog bound to its case, and the board's actions made whole. A board names only what it shows
 * differently (a shortcut, a variant, its own dialog); every other command the case allows gets a
 * plain action from the contract — sent at once when its body needs nothing, after the reason
 * dialog when it needs a reason — with its label `commands.<name>`. So a new command with such a
 * body needs nothing on a board to be offered there to whoever the lifecycle table lets issue it.
 */
import { useI18n } from 'vue-i18n';
import {
  type CommandInput,
  type CommandName,
  commandNames,
  requiredFields,
  sendCommand,
} from '../api/commands-api';
import type { CaseRecord } from '../api/contract';
import type { CaseAction } from './case-actions';
import { useCaseCommand } from './case-command';
import { useCaseDialog } from './case-dialog';

/** An action as a board declares it: what it shows; `run` only when it is not the plain one. */
export type BoardAction = Omit<CaseAction, 'key' | 'run' | 'command'> &
  Partial<Pick<CaseAction, 'key' | 'run'>> & { command: CommandName };

export function useBoardCommands(board: {
  cases: Readonly<Record<string, CaseRecord>>;
  upsert: (updated: CaseRecord) => void;
}) {
  const { t } = useI18n();
  const command = useCaseCommand((updated) => board.upsert(updated));
  // Each dialog holds its own case: the selection may move, the dialog does not.
  const dialog = useCaseDialog<CommandName>(() => board.cases);

  function done(name: CommandName, caseNo: string): string {
    return t('board.done', { action: t(`commands.${name}`), caseNo });
  }

  /** Sends `name` for `item`; true when it succeeded. */
  function send<C extends CommandName>(item: CaseRecord, name: C, input: CommandInput<C>): Promise<boolean> {
    return command.run(() => sendCommand(item, name, input), done(name, item.caseNo));
  }

  /** The plain action of `name`, or null when its body needs more than a reason. */
  function plainRun(name: CommandName): ((item: CaseRecord) => void) | null {
    const required = requiredFields(name);
    if (required.length === 0) return (item) => void send(item, name, {} as CommandInput<typeof name>);
    if (required.length === 1 && required[0] === 'reason') return (item) => dialog.open(name, item);
    return null;
  }

  /** The reason dialog's answer: its own case's command, with the reason. */
  function sendReason(text: string): Promise<void> {
    const name = dialog.kind.value;
    if (name === null) return Promise.resolve();
    return dialog.send((item) => send(item, name, { reason: text } as CommandInput<typeof name>));
  }

  /** The board's actions, each able to run, then a plain action for every command they leave out. */
  function actionsOf(own: readonly BoardAction[]): CaseAction[] {
    const named = new Set(own.map((action) => action.command));
    const plain = commandNames
      .filter((name) => !named.has(name))
      .map((name): BoardAction => ({ command: name }));
    return [...own, ...plain].flatMap((action): CaseAction[] => {
      const run = action.run ?? plainRun(action.command);
      return run ? [{ ...action, key: action.key ?? action.command, run }] : [];
    });
  }

  return { command, dialog, send, sendReason, actionsOf };
}
