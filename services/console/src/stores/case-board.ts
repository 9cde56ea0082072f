/**
 * The cases a board shows: loaded for the states it watches, kept current by `/api/live`. A
 * `case.changed` for a watched state or a row on screen re-reads that one case (messages carry no
 * case body) and puts it in, moves it or drops it; a stale message (version not newer) is ignored.
 */
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { fetchCase, listCasesInStates } from '../api/cases-api';
import type { CaseRecord, CaseState } from '../api/contract';
import { ApiError, isApiError } from '../api/http';
import { sortQueue } from '../domain/queue-order';
import { useClockStore } from './clock';
import type { LiveEvent } from './live';

export interface BoardFilter {
  departmentId?: string;
  gridCode?: string;
}

export const useCaseBoardStore = defineStore('caseBoard', () => {
  const cases = ref<Record<string, CaseRecord>>({});
  const watched = ref<CaseState[]>([]);
  const filter = ref<BoardFilter>({});
  const loading = ref(false);
  const error = ref<ApiError | null>(null);
  const inFlight = new Map<string, Promise<void>>();
  let generation = 0;

  const clock = useClockStore();
  const rows = computed(() => sortQueue(Object.values(cases.value), clock.now));

  const isWatched = (state: CaseState) => watched.value.includes(state);

  async function load(states: readonly CaseState[], nextFilter: BoardFilter = {}): Promise<void> {
    watched.value = [...states];
    filter.value = nextFilter;
    await reload();
  }

  async function reload(): Promise<void> {
    const mine = ++generation;
    loading.value = true;
    error.value = null;
    try {
      const items = await listCasesInStates(watched.value, filter.value);
      if (mine !== generation) return;
      cases.value = Object.fromEntries(items.map((c) => [c.id, c]));
    } catch (e) {
      if (mine === generation) error.value = isApiError(e) ? e : new ApiError(0, 'UNKNOWN', String(e));
    } finally {
      if (mine === generation) loading.value = false;
    }
  }

  /** Puts a case the server returned (a command's answer or a re-read) where it belongs. */
  function upsert(item: CaseRecord): void {
    const current = cases.value[item.id];
    if (current && current.version > item.version) return;
    const { [item.id]: _dropped, ...rest } = cases.value;
    cases.value = isWatched(item.state) ? { ...rest, [item.id]: item } : rest;
  }

  function refreshCase(id: string): Promise<void> {
    const pending = inFlight.get(id);
    if (pending) return pending;
    const task = fetchCase(id)
      .then((item) => upsert(item))
      .catch((e: unknown) => {
        // A case that left the caller's sight is no longer theirs to show.
        if (isApiError(e) && (e.status === 404 || e.status === 403)) {
          const { [id]: _gone, ...rest } = cases.value;
          cases.value = rest;
        }
      })
      .finally(() => inFlight.delete(id));
    inFlight.set(id, task);
    return task;
  }

  function onLive(event: LiveEvent): Promise<void> {
    if (event.type === 'resync') return reload();
    const current = cases.value[event.caseId];
    if (current && current.version >= event.version) return Promise.resolve();
    if (!current && !isWatched(event.state)) return Promise.resolve();
    return refreshCase(event.caseId);
  }

  function clear(): void {
    generation++;
    cases.value = {};
    watched.value = [];
    error.value = null;
    loading.value = false;
  }

  return { cases, rows, watched, loading, error, load, reload, upsert, refreshCase, onLive, clear };
});
