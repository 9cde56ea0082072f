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
 * Runs `round` once to warm up, then `rounds` more times, each doing `operations` operations, and
 * reports their rates. The median resists the odd round slowed by another process or a GC pause.
 */
export function measureRate(operations: number, rounds: number, round: () => number): Rate {
  let result = round();
  const rates: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const started = process.hrtime.bigint();
    result = round();
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    rates.push(operations / seconds);
  }
  rates.sort((a, b) => a - b);
  return {
    median: rates[Math.floor(rates.length / 2)] ?? 0,
    slowest: rates[0] ?? 0,
    fastest: rates[rates.length - 1] ?? 0,
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
