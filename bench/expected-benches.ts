/**
 * The figures issues 10 and 20 ask for, by bench file, so a full run says which are still missing. The
 * timeliness report's slot is filled by any `bench/report*.bench.ts` (another engineer's).
 */
export interface ExpectedBench {
  /** File name prefix under bench/ (`<prefix>….bench.ts`). */
  readonly prefix: string;
  readonly figure: string;
}

export const expectedBenches: readonly ExpectedBench[] = [
  {
    prefix: 'intake',
    figure: 'intake reports/s at 32 clients, p50/p99; peak memory of the all-in-one process',
  },
  {
    prefix: 'lifecycle',
    figure: 'whole cases/s from report to close; the same on 1 API + 3 worker processes',
  },
  { prefix: 'grid-lookup', figure: 'grid lookups/s over 40,000 grids' },
  {
    prefix: 'report',
    figure: "a year's timeliness report on 1,000,000 cases against a plain GROUP BY (goal ≤ 100 ms median)",
  },
  { prefix: 'fanout', figure: 'live fan-out p99 to 1,000 WebSocket clients' },
  {
    prefix: 'scale',
    figure: 'every console read per role at 500,000 and 1,000,000 cases: p95 ≤ 50 ms, full/half ≤ 1.2×',
  },
];

/** Expected benches no file provides yet. */
export function missingBenches(files: readonly string[]): ExpectedBench[] {
  return expectedBenches.filter((bench) => !files.some((file) => file.startsWith(bench.prefix)));
}
