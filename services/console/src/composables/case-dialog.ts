/**
 * A command dialog bound to the case it was opened for, never to the board's selection: it shows
 * and sends that case, whatever row is selected meanwhile. When the case moves on before it is sent
 * (someone else acted, as the live channel tells the board: it left the board, changed state, or no
 * longer allows the dialog's command), the dialog closes and says so, instead of showing the next
 * case with the choices made for the first one.
 */
import { computed, ref, watch } from 'vue';
import { useI18n } from 'vue-i18n';
import type { CaseRecord, CaseState } from '../api/contract';
import { allows, type CaseCommandName } from './case-actions';

interface Opened<K> {
  kind: K;
  id: string;
  caseNo: string;
  state: CaseState;
}

/** `K`: the commands whose dialogs the board opens (a dialog is named by the command it sends). */
export function useCaseDialog<K extends CaseCommandName>(cases: () => Readonly<Record<string, CaseRecord>>) {
  const { t } = useI18n();
  const opened = ref<Opened<K> | null>(null) as { value: Opened<K> | null };
  /** Why the dialog closed by itself (the case moved on), until another opens. */
  const movedOn = ref('');
  let sending = false;

  const kind = computed(() => opened.value?.kind ?? null);
  /** The case the dialog is for, as the board has it now. */
  const item = computed(() => (opened.value ? (cases()[opened.value.id] ?? null) : null));

  function open(next: K, target: CaseRecord): void {
    movedOn.value = '';
    opened.value = { kind: next, id: target.id, caseNo: target.caseNo, state: target.state };
  }

  function close(): void {
    opened.value = null;
  }

  /** Closes the dialog with a message when its case moved on; a change of our own send is not that. */
  function check(): void {
    const bound = opened.value;
    if (!bound || sending) return;
    const current = cases()[bound.id];
    if (current && current.state === bound.state && allows(current, bound.kind)) return;
    opened.value = null;
    movedOn.value = current
      ? t('board.movedOn', { caseNo: bound.caseNo, state: t(`states.${current.state}`) })
      : t('board.movedAway', { caseNo: bound.caseNo });
  }
  watch(item, check);

  /** Sends the dialog's command for its own case; closes it when the command succeeded. */
  async function send(action: (target: CaseRecord) => Promise<boolean>): Promise<void> {
    const target = item.value;
    if (!target || sending) return;
    sending = true;
    let ok = false;
    try {
      ok = await action(target);
    } finally {
      sending = false;
    }
    if (ok) opened.value = null;
    else check();
  }

  return { kind, item, movedOn, open, close, send };
}
