/**
 * A report read for the panels of the supervision screen: loading, the answer or the problem, and a
 * download of the same report as a file.
 */
import { type Ref, ref } from 'vue';
import { ApiError, isApiError } from '../api/http';
import { saveBlob } from './download';

const asApiError = (e: unknown) => (isApiError(e) ? e : new ApiError(0, 'UNKNOWN', String(e)));

export function useReportLoad<T>(read: () => Promise<T>) {
  const report = ref<T | null>(null) as Ref<T | null>;
  const loading = ref(false);
  const error = ref<ApiError | null>(null);
  const exporting = ref<string | null>(null);
  let seq = 0;

  async function load(): Promise<void> {
    const mine = ++seq;
    loading.value = true;
    error.value = null;
    try {
      const answer = await read();
      if (mine === seq) report.value = answer;
    } catch (e) {
      if (mine !== seq) return;
      error.value = asApiError(e);
      report.value = null;
    } finally {
      if (mine === seq) loading.value = false;
    }
  }

  async function download(
    format: string,
    file: () => Promise<{ blob: Blob; filename: string }>,
  ): Promise<void> {
    exporting.value = format;
    error.value = null;
    try {
      const { blob, filename } = await file();
      saveBlob(blob, filename);
    } catch (e) {
      error.value = asApiError(e);
    } finally {
      exporting.value = null;
    }
  }

  return { report, loading, error, exporting, load, download };
}
