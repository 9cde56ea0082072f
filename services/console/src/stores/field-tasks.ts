/**
 * An officer's field tasks (核实 verify, 核查 check), nearest first when the device knows where it
 * is, otherwise most urgent first. A live message about a task, or about a case entering a task
 * state, reloads the list (messages carry no assignee, so the server says whose it is).
 */
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { listFieldTasks } from '../api/cases-api';
import type { CaseRecord, LatLng } from '../api/contract';
import { ApiError, isApiError } from '../api/http';
import { distanceMeters } from '../domain/distance';
import { sortQueue } from '../domain/queue-order';
import { useClockStore } from './clock';
import type { LiveEvent } from './live';

export interface FieldTask {
  item: CaseRecord;
  kind: 'verify' | 'check';
  /** Metres from the officer, when the position is known. */
  distance: number | null;
}

export const useFieldTasksStore = defineStore('fieldTasks', () => {
  const items = ref<CaseRecord[]>([]);
  const position = ref<LatLng | null>(null);
  const loading = ref(false);
  const error = ref<ApiError | null>(null);
  let username = '';
  const clock = useClockStore();

  const tasks = computed<FieldTask[]>(() => {
    const here = position.value;
    const rows = sortQueue(items.value, clock.now).map((item) => ({
      item,
      kind: item.state === 'reviewing' ? ('check' as const) : ('verify' as const),
      distance: here ? distanceMeters(here, item.location) : null,
    }));
    // A stable sort keeps the urgency order among equally distant tasks.
    return here ? rows.sort((a, b) => (a.distance ?? 0) - (b.distance ?? 0)) : rows;
  });

  async function load(forUser: string): Promise<void> {
    username = forUser;
    loading.value = true;
    error.value = null;
    try {
      items.value = await listFieldTasks(forUser);
    } catch (e) {
      error.value = isApiError(e) ? e : new ApiError(0, 'UNKNOWN', String(e));
    } finally {
      loading.value = false;
    }
  }

  function onLive(event: LiveEvent): Promise<void> {
    if (!username) return Promise.resolve();
    const known = event.type === 'case.changed' && items.value.some((item) => item.id === event.caseId);
    const entersTask =
      event.type === 'case.changed' && (event.state === 'verifying' || event.state === 'reviewing');
    if (event.type === 'resync' || known || entersTask) return load(username);
    return Promise.resolve();
  }

  function setPosition(at: LatLng | null): void {
    position.value = at;
  }

  return { items, tasks, position, loading, error, load, onLive, setPosition };
});
