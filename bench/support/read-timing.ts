/**
 * Times HTTP reads one at a time: each read of the list once per round, rounds after a few unmeasured
 * ones, so a busy moment of the machine falls on every read alike. A read that does not answer 200
 * fails the run (a 429 of a rate-limited group is waited out and sent again, untimed).
 */
export interface TimedRead {
  /** The figure's name, e.g. `notices (dispatcher1)`. */
  readonly name: string;
  readonly url: string;
  readonly headers: Record<string, string>;
}

export interface ReadTime {
  readonly p50: number;
  readonly p95: number;
}

export type ReadTimes = Map<string, ReadTime>;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

/** Milliseconds of one answered read. */
async function timeOne(read: TimedRead): Promise<number> {
  for (;;) {
    const started = performance.now();
    const response = await fetch(read.url, { headers: read.headers });
    const body = await response.arrayBuffer();
    const ms = performance.now() - started;
    if (response.status === 200) return ms;
    if (response.status === 429) {
      await sleep(1000 * Number(response.headers.get('retry-after') ?? 5));
      continue;
    }
    throw new Error(
      `${read.name}: ${read.url} answered ${response.status} ${Buffer.from(body).toString().slice(0, 300)}`,
    );
  }
}

export async function timeReads(reads: readonly TimedRead[], rounds: number, warmUp = 3): Promise<ReadTimes> {
  const times = new Map<string, number[]>(reads.map((read) => [read.name, []]));
  for (let round = 0; round < warmUp + rounds; round++) {
    for (const read of reads) {
      const ms = await timeOne(read);
      if (round >= warmUp) times.get(read.name)?.push(ms);
    }
  }
  return new Map(
    [...times].map(([name, values]) => {
      const sorted = [...values].sort((a, b) => a - b);
      return [name, { p50: percentile(sorted, 50), p95: percentile(sorted, 95) }];
    }),
  );
}
