/** What the simulation did, counted as it goes: the progress bar reads it, the summary prints it. */

export interface AcknowledgedReport {
  /** The Idempotency-Key the report was sent with (also written into its description). */
  idempotencyKey: string;
  /** Who reported: the key is scoped to them. */
  reporter: string;
  caseId: string;
  caseNo: string;
  source: string;
}

export interface Tally {
  readonly startedAt: number;
  reportsSent: number;
  readonly acknowledged: AcknowledgedReport[];
  /** Reports answered with something other than 201 (after retries). */
  reportsRefused: number;
  /** Finished cases by final state. */
  readonly finished: Map<string, number>;
  /** Commands answered 200, by command. */
  readonly commands: Map<string, number>;
  /** Side paths taken (return, rework, extension, suspension, …). */
  readonly sidePaths: Map<string, number>;
  /** Refusals and surprises, by `command status code`. */
  readonly refusals: Map<string, number>;
  retries: number;
  /** Journeys given up (the system did not answer for the whole retry budget, or a route is missing). */
  readonly abandoned: Map<string, number>;
  /** Milliseconds of each answered command request. */
  readonly latencies: number[];
  /** Seconds from report to a terminal state. */
  readonly cycleSeconds: number[];
}

export function createTally(): Tally {
  return {
    startedAt: Date.now(),
    reportsSent: 0,
    acknowledged: [],
    reportsRefused: 0,
    finished: new Map(),
    commands: new Map(),
    sidePaths: new Map(),
    refusals: new Map(),
    retries: 0,
    abandoned: new Map(),
    latencies: [],
    cycleSeconds: [],
  };
}

export function count(map: Map<string, number>, key: string, by = 1): void {
  map.set(key, (map.get(key) ?? 0) + by);
}

export function sum(map: Map<string, number>): number {
  let total = 0;
  for (const value of map.values()) total += value;
  return total;
}

/** The q-quantile (0…1) of unsorted values, nearest rank. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? Number.NaN;
}

const listed = (map: Map<string, number>) =>
  [...map.entries()]
    .sort((a, b) => b[1] - a[1])
    .map(([key, value]) => `${key} ${value}`)
    .join(', ') || 'none';

/** The closing summary, a few readable lines. */
export function formatSummary(tally: Tally, open: number): string {
  const seconds = (Date.now() - tally.startedAt) / 1000;
  const commandTotal = sum(tally.commands);
  const fmt = (n: number) => (Number.isFinite(n) ? n.toFixed(0) : '–');
  return [
    `simulated ${seconds.toFixed(0)} s`,
    `reports   ${tally.acknowledged.length} acknowledged of ${tally.reportsSent} sent (${(tally.acknowledged.length / seconds).toFixed(2)}/s), ${tally.reportsRefused} refused`,
    `sources   ${listed(countSources(tally))}`,
    `finished  ${listed(tally.finished)}; still open ${open}`,
    `commands  ${commandTotal} answered 200 (${listed(tally.commands)})`,
    `latency   p50 ${fmt(quantile(tally.latencies, 0.5))} ms, p99 ${fmt(quantile(tally.latencies, 0.99))} ms over ${tally.latencies.length} requests`,
    `cycle     report → end p50 ${fmt(quantile(tally.cycleSeconds, 0.5))} s, p90 ${fmt(quantile(tally.cycleSeconds, 0.9))} s`,
    `side      ${listed(tally.sidePaths)}`,
    `refused   ${listed(tally.refusals)}`,
    `retries   ${tally.retries} requests sent again while the system did not answer`,
    `abandoned ${listed(tally.abandoned)}`,
  ].join('\n');
}

function countSources(tally: Tally): Map<string, number> {
  const sources = new Map<string, number>();
  for (const report of tally.acknowledged) count(sources, report.source);
  return sources;
}
