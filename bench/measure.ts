/**
 * Timing helpers for benchmark modules. A measured function returns a number derived from its work
 * (a count, a checksum) so the JIT cannot drop the work as dead code.
 */

export interface Rate {
  /** Operations per second of the median round. */
  readonly median: number;
  readonly slowest: number;
  readonly fastest: number;
  /** Whatever the last round returned, for the caller to check. */
  readonly result: number;
}

/**
 * Warms every subject up with one round, then runs `rounds` rounds of each, alternating between
 * subjects, each round doing `operations` operations. Alternating keeps a change in the machine's
 * load (other processes on a shared machine) from landing on one subject only; the median resists
 * the odd round slowed by another process or a GC pause.
 */
export function measureRates<K extends string>(
  operations: number,
  rounds: number,
  subjects: Readonly<Record<K, () => number>>,
): Record<K, Rate> {
  const names = Object.keys(subjects) as K[];
  const rates = new Map<K, number[]>(names.map((name) => [name, []]));
  const results = new Map<K, number>();
  for (const name of names) results.set(name, subjects[name]());
  for (let i = 0; i < rounds; i++) {
    for (const name of names) {
      const started = process.hrtime.bigint();
      results.set(name, subjects[name]());
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      rates.get(name)?.push(operations / seconds);
    }
  }
  return Object.fromEntries(
    names.map((name) => [name, summarise(rates.get(name) ?? [], results.get(name) ?? Number.NaN)]),
  ) as Record<K, Rate>;
}

function summarise(rates: number[], result: number): Rate {
  const sorted = [...rates].sort((a, b) => a - b);
  return {
    median: sorted[Math.floor(sorted.length / 2)] ?? 0,
    slowest: sorted[0] ?? 0,
    fastest: sorted[sorted.length - 1] ?? 0,
    result,
  };
}

/** Milliseconds taken by `work`, and what it returned. */
export function timeMilliseconds<T>(work: () => T): { value: T; milliseconds: number } {
  const started = process.hrtime.bigint();
  const value = work();
  return { value, milliseconds: Number(process.hrtime.bigint() - started) / 1e6 };
}

/** A small seeded generator (mulberry32) so every run looks up the same points. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
