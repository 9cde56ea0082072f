/**
 * Runs one case command from a screen: busy flag, the problem to show when it fails, a short
 * notice when it succeeds, and the returned case put on the board at once (the live message that
 * follows is then recognised as not newer and ignored).
 */
import { ref } from 'vue';
import type { CaseRecord } from '../api/contract';
import { ApiError, isApiError } from '../api/http';

export function useCaseCommand(onDone: (updated: CaseRecord) => void) {
  const busy = ref(false);
  const error = ref<ApiError | null>(null);
  const notice = ref('');

  async function run(action: () => Promise<CaseRecord>, successText: string): Promise<boolean> {
    if (busy.value) return false;
    busy.value = true;
    error.value = null;
    notice.value = '';
    try {
      const updated = await action();
      onDone(updated);
      notice.value = successText;
      return true;
    } catch (e) {
      error.value = isApiError(e)
        ? e
        : new ApiError(0, 'UNKNOWN', e instanceof Error ? e.message : String(e));
      return false;
    } finally {
      busy.value = false;
    }
  }

  /** A command a dialog sent itself (showing its own problem) succeeded: the same as run's success. */
  function succeeded(updated: CaseRecord, successText: string): void {
    error.value = null;
    onDone(updated);
    notice.value = successText;
  }

  return { busy, error, notice, run, succeeded };
}
