/**
 * 我的上报: the cases the signed-in officer reported (`GET /api/cases?mine=true`), newest first, a
 * page at a time (the next page after the cursor the last one gave). A live change of a listed case
 * reloads that case, so its state and light stay current while the list is open.
 */
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { fetchCase, listCases } from '../api/cases-api';
import type { CaseRecord } from '../api/contract';
import { ApiError, isApiError } from '../api/http';
import type { LiveEvent } from './live';

export const myReportsPageSize = 20;

export const useMyReportsStore = defineStore('myReports', () => {
  const items = ref<CaseRecord[]>([]);
  const total = ref(0);
  const totalExact = ref(true);
  const next = ref<string | null>(null);
  const loading = ref(false);
  const error = ref<ApiError | null>(null);
  const hasMore = computed(() => next.value !== null);

  async function read(after: string | null): Promise<void> {
    loading.value = true;
    error.value = null;
    try {
      const page = await listCases({
        mine: 'true',
        pageSize: myReportsPageSize,
        ...(after === null ? {} : { cursor: after }),
      });
      // A case reported between two pages appears once: pages follow the cursor, not positions.
      const known = new Set(after === null ? [] : items.value.map((item) => item.id));
      items.value = [
        ...(after === null ? [] : items.value),
        ...page.items.filter((item) => !known.has(item.id)),
      ];
      total.value = page.total;
      totalExact.value = page.totalExact;
      next.value = page.nextCursor;
    } catch (e) {
      error.value = isApiError(e) ? e : new ApiError(0, 'UNKNOWN', String(e));
    } finally {
      loading.value = false;
    }
  }

  /** The first page (again). */
  const load = () => read(null);
  /** The page after the last one shown. */
  const more = () => (next.value === null || loading.value ? Promise.resolve() : read(next.value));

  async function onLive(event: LiveEvent): Promise<void> {
    if (event.type === 'resync') return load();
    if (!items.value.some((item) => item.id === event.caseId)) return;
    const fresh = await fetchCase(event.caseId).catch(() => null);
    if (fresh) items.value = items.value.map((item) => (item.id === fresh.id ? fresh : item));
  }

  return { items, total, totalExact, hasMore, loading, error, load, more, onLive };
});
