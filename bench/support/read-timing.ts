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

function summarise(times: Map<string, number[]>): ReadTimes {
  return new Map(
    [...times].map(([name, values]) => {
      const sorted = [...values].sort((a, b) => a - b);
      return [name, { p50: percentile(sorted, 50), p95: percentile(sorted, 95) }];
    }),
  );
}

export async function timeReads(reads: readonly TimedRead[], rounds: number, warmUp = 3): Promise<ReadTimes> {
  const [times] = await timeReadsSideBySide([reads], rounds, warmUp);
  return times ?? new Map();
}

/**
 * The same reads on several systems (each side's list names the same reads in the same order), each
 * read sent to every side back to back, the side going first changing every round: a drift of the
 * machine's speed — minutes long on a shared host — lands on every side alike, so their ratios hold
 * where timing one side after the other would compare two different machines.
 */
export async function timeReadsSideBySide(
  sides: readonly (readonly TimedRead[])[],
  rounds: number,
  warmUp = 3,
): Promise<ReadTimes[]> {
  const [first] = sides;
  if (first === undefined) return [];
  for (const side of sides) {
    if (side.map((read) => read.name).join('\n') !== first.map((read) => read.name).join('\n')) {
      throw new Error('side-by-side timing needs the same reads on every side');
    }
  }
  const times = sides.map((side) => new Map<string, number[]>(side.map((read) => [read.name, []])));
  for (let round = 0; round < warmUp + rounds; round++) {
    for (const [n, { name }] of first.entries()) {
      for (let k = 0; k < sides.length; k++) {
        const side = (k + round) % sides.length;
        const read = sides[side]?.[n];
        if (read === undefined) continue;
        const ms = await timeOne(read);
        if (round >= warmUp) times[side]?.get(name)?.push(ms);
      }
    }
  }
  return times.map(summarise);
}
