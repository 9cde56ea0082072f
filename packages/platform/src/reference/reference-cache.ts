import { type Db, type GridRecord, listValidGrids, loadWorkingCalendar } from '@urbangrid/db';
import type { WorkingCalendar } from '@urbangrid/domain';
import { createGridLayer, type GridLayer } from '@urbangrid/geo';

/**
 * The reference data every request reads: the grid layer (point → grid, in memory) and the working
 * calendars. Loaded once, swapped atomically by `reload()` when an admin changes grids or calendars.
 */
export interface ReferenceCache {
  grids(): Promise<GridLayer<GridRecord>>;
  calendar(city: string, code: string): Promise<WorkingCalendar | undefined>;
  reload(): Promise<void>;
}

export function createReferenceCache(db: Db): ReferenceCache {
  let layer: Promise<GridLayer<GridRecord>> | undefined;
  let calendars = new Map<string, Promise<WorkingCalendar | undefined>>();
  const loadLayer = async () => createGridLayer(await listValidGrids(db));
  return {
    grids() {
      layer ??= loadLayer().catch((error: unknown) => {
        layer = undefined; // a failed load is retried by the next caller, not cached
        throw error;
      });
      return layer;
    },
    calendar(city, code) {
      const key = `${city}:${code}`;
      let found = calendars.get(key);
      if (!found) {
        found = loadWorkingCalendar(db, city, code);
        found.catch(() => calendars.delete(key));
        calendars.set(key, found);
      }
      return found;
    },
    async reload() {
      const current = await (layer ?? loadLayer());
      current.reload(await listValidGrids(db));
      layer = Promise.resolve(current);
      calendars = new Map();
    },
  };
}
