/**
 * One table of reference rows kept in memory with lru-cache: a first read waits for the load, a
 * value older than `ttl` is served at once while one background load replaces it (stale while
 * revalidate), a failed load keeps the old value (the next read tries again), and `refresh` loads
 * now and swaps the new value in — what an announced admin change asks for.
 */
import { LRUCache } from 'lru-cache';

export interface ReferenceTable<V extends {}> {
  get(key: string): Promise<V>;
  /**
   * Loads the keys held now again and swaps each in when it loads; a failed one keeps its value
   * and its error is returned (the caller logs it).
   */
  refresh(): Promise<unknown[]>;
  /** The keys held now (loaded at least once). */
  keys(): string[];
}

/** Loads one key; `previous` is the value held now, for a loader that can update it in place. */
export type TableLoader<V> = (key: string, previous: V | undefined) => Promise<V>;

export function referenceTable<V extends {}>(
  name: string,
  load: TableLoader<V>,
  options: { ttlMs: number },
): ReferenceTable<V> {
  const cache = new LRUCache<string, V>({
    max: 10_000,
    ttl: options.ttlMs,
    allowStale: true,
    noDeleteOnFetchRejection: true,
    fetchMethod: (key, previous) => load(key, previous),
  });
  return {
    async get(key) {
      const value = await cache.fetch(key);
      // fetch resolves to undefined only when the loader does, which none of ours may.
      if (value === undefined) throw new Error(`reference ${name} '${key}' did not load`);
      return value;
    },
    async refresh() {
      const outcomes = await Promise.allSettled(
        [...cache.keys()].map(async (key) => {
          cache.set(key, await load(key, cache.peek(key, { allowStale: true })));
        }),
      );
      return outcomes.flatMap((outcome) => (outcome.status === 'rejected' ? [outcome.reason] : []));
    },
    keys: () => [...cache.keys()],
  };
}
