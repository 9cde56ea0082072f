/**
 * Issue 20 item 2: every read the console and the integrations make, per role, on a city grown to
 * SCALE_CASES cases (default 1,000,000) and at half that size. Goal: each read's p95 ≤ 50 ms at full
 * size, and none more than 1.2× slower at full size than at half (the ratio of the p50s, steadier
 * than the tails on a shared machine, divided by the same ratio of a baseline read — the caller's
 * identity, which no case changes, shown beside it).
 *
 * The history is the simulator's cases (SCALE_SEED_CASES, default 400, reported and worked through
 * the real all-in-one process at pace 0 with its side paths) multiplied in SQL (`support/scale-data.ts`:
 * copies moved back in time over SCALE_YEARS, default 1 — a million cases a year, a large city — with
 * their events, tasks, notices, answered callbacks and day rollups; the copies' hash chains are not
 * valid, see there). The half-size database is kept as a copy while the other grows to full, and
 * the two are timed side by side, one all-in-one process on each: each read is sent SCALE_ROUNDS
 * times (default 30, after 3 unmeasured) over HTTP as its role, to both sizes back to back, reads
 * rotating, so the machine's drift (its speed moves by a half within minutes on a shared host) falls
 * on both sizes alike. SCALE_KEEP=1 keeps both databases afterwards (their names are printed) for
 * EXPLAIN and for SCALE_REUSE=<half>,<full>, which times the reads of the code as it is now on those
 * two (migrated on start-up) without growing anything. Timing waits for a quiet machine
 * (`support/quiet-moment.ts`).
 */

import { cloneDatabase, databaseUrl, dropDatabase } from '@urbangrid/db';
import { startSimulation } from '@urbangrid/simulator';
import pg from 'pg';
import type { BenchFigure } from './bench-figure.js';
import { allInOne, benchEnvironment, signIn, startBenchSystem } from './support/bench-system.js';
import { isQuiet, quietMoment, quietOver } from './support/quiet-moment.js';
import { type ReadTimes, timeReadsSideBySide } from './support/read-timing.js';
import { addCopies, copiesFor, markSeed, reportOpenCases, tableSizes } from './support/scale-data.js';
import { baselineRead, scaleReads } from './support/scale-reads.js';

const CASES = Number(process.env.SCALE_CASES ?? 1_000_000);
const SEED_CASES = Number(process.env.SCALE_SEED_CASES ?? 400);
const YEARS = Number(process.env.SCALE_YEARS ?? 1);
const ROUNDS = Number(process.env.SCALE_ROUNDS ?? 30);
const KEEP = process.env.SCALE_KEEP === '1';
const REUSE = process.env.SCALE_REUSE;
/** Hotline reports left open beside the simulator's (ended) cases: the seed of the open backlog. */
const OPEN_CASES = 40;
const P95_GOAL_MS = 50;
const RATIO_GOAL = 1.2;

const fixed = (value: number, digits = 1) => value.toFixed(digits);

/**
 * Full / half p50 of a read as measured — judged: the two sizes were timed side by side, so the
 * machine's drift fell on both — and divided by the same ratio of the baseline read (whose work the
 * cases do not change), shown for what noise is left.
 */
function growth(half: ReadTimes, full: ReadTimes, name: string): { raw: number; corrected: number } {
  const ratio = (n: string) => (full.get(n)?.p50 ?? Number.NaN) / (half.get(n)?.p50 ?? Number.NaN);
  return { raw: ratio(name), corrected: ratio(name) / ratio(baselineRead) };
}

function printTable(half: ReadTimes, full: ReadTimes, sizes: { half: number; full: number }): void {
  const rows = [...full.keys()].map((name) => {
    const h = half.get(name);
    const f = full.get(name);
    const { raw: ratio, corrected } = growth(half, full, name);
    return [
      name,
      fixed(h?.p50 ?? Number.NaN),
      fixed(h?.p95 ?? Number.NaN),
      fixed(f?.p50 ?? Number.NaN),
      fixed(f?.p95 ?? Number.NaN),
      fixed(ratio, 2),
      fixed(corrected, 2),
      (f?.p95 ?? Number.POSITIVE_INFINITY) <= P95_GOAL_MS && ratio <= RATIO_GOAL ? 'met' : 'NOT MET',
    ];
  });
  const header = [
    'read (role)',
    `p50 @${sizes.half}`,
    `p95 @${sizes.half}`,
    `p50 @${sizes.full}`,
    `p95 @${sizes.full}`,
    'p50 full/half',
    'by the baseline’s',
    `p95 ≤ ${P95_GOAL_MS} ms, ≤ ${RATIO_GOAL}×`,
  ];
  const widths = header.map((h, n) => Math.max(h.length, ...rows.map((row) => String(row[n]).length)));
  const line = (cells: readonly string[]) =>
    `| ${cells.map((c, n) => c.padEnd(widths[n] ?? 0)).join(' | ')} |`;
  console.log(['', line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line), ''].join('\n'));
}

/**
 * A running system on an existing database (a kept one) and a client of it; `name` keeps the queue
 * prefixes of two systems running side by side apart.
 */
async function onDatabase(database: string, name: string) {
  const system = await startBenchSystem(name, allInOne, { existingDatabase: database });
  const client = new pg.Client({ connectionString: system.databaseUrl });
  await client.connect();
  return { system, client };
}

interface Timed {
  size: number;
  times: ReadTimes;
  load: number;
}

/** Both sizes timed side by side (see the module note), one all-in-one process on each. */
async function measureSideBySide(
  halfDatabase: string,
  fullDatabase: string,
): Promise<{ half: Timed; full: Timed }> {
  const opened: Array<Awaited<ReturnType<typeof onDatabase>>> = [];
  try {
    opened.push(await onDatabase(halfDatabase, 'scale_half'), await onDatabase(fullDatabase, 'scale_full'));
    const sides = await Promise.all(
      opened.map(async ({ system, client }) => ({
        size: (await tableSizes(client)).cases ?? 0,
        reads: await scaleReads(system.app.baseUrl, client),
      })),
    );
    const load = await quietMoment('scale: half and full side by side');
    try {
      const [half, full] = await timeReadsSideBySide(
        sides.map((side) => side.reads),
        ROUNDS,
      );
      return {
        half: { size: sides[0]?.size ?? 0, times: half ?? new Map(), load },
        full: { size: sides[1]?.size ?? 0, times: full ?? new Map(), load },
      };
    } finally {
      quietOver();
    }
  } finally {
    for (const { system, client } of opened) {
      await client.end();
      await system.close({ keepDatabase: true });
    }
  }
}

/** The copies a seed needs for CASES, their half, and how far apart in time they lie. */
async function copyPlan(client: pg.ClientBase) {
  const seed = await markSeed(client);
  const copies = copiesFor(seed, CASES);
  const stepSeconds = Math.max(1, Math.floor((YEARS * 365 * 86_400) / Math.max(1, copies)));
  return { seed, copies, halfCopies: Math.floor(copies / 2), stepSeconds };
}

async function grow(client: pg.ClientBase, from: number, to: number, stepSeconds: number) {
  const started = performance.now();
  await addCopies(client, { from, to, stepSeconds });
  const sizes = await tableSizes(client);
  console.log(`scale: grown to ${JSON.stringify(sizes)} in ${fixed((performance.now() - started) / 1000)} s`);
  return sizes.cases ?? 0;
}

/** A database's second half of copies, when it holds only the first (a run stopped after keeping its half). */
async function growToFull(database: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl(benchEnvironment.adminUrl, database) });
  await client.connect();
  try {
    if (((await tableSizes(client)).cases ?? 0) >= CASES * 0.9) return;
    const plan = await copyPlan(client);
    await grow(client, plan.halfCopies + 1, plan.copies, plan.stepSeconds);
  } finally {
    await client.end();
  }
}

/**
 * SCALE_REUSE=half,full: the reads of the code as it is now on the two kept databases. A full-size
 * database left at half size is grown to full first.
 */
async function measureKept(halfDatabase: string, fullDatabase: string) {
  await growToFull(fullDatabase);
  return measureSideBySide(halfDatabase, fullDatabase);
}

/**
 * Works the seed through the system and grows its database to half size, keeps a copy of it, grows
 * the database to full and times the two side by side; both are dropped afterwards unless KEEP.
 */
async function growAndMeasure() {
  const system = await startBenchSystem('scale');
  const database = new URL(system.databaseUrl).pathname.slice(1);
  const halfDatabase = `${database}_half`;
  const client = new pg.Client({ connectionString: system.databaseUrl });
  await client.connect();
  let grown = false;
  try {
    const simulation = await startSimulation({
      baseUrl: system.app.baseUrl,
      pace: 0,
      sidePaths: 1,
      reports: SEED_CASES,
      rate: 1_000_000,
      duration: 3_600,
      concurrency: 32,
      drain: 300,
      stuckAfter: 60,
      retryFor: 30,
      runId: 'scale',
    });
    await simulation.finished;
    await reportOpenCases(
      client,
      system.app.baseUrl,
      await signIn(system.app.baseUrl, 'operator1'),
      OPEN_CASES,
    );
    const { seed, copies, halfCopies, stepSeconds } = await copyPlan(client);
    console.log(
      `scale: ${seed.cases} seed cases (${seed.ended} ended), ${copies} copies ${stepSeconds} s apart`,
    );
    await grow(client, 1, halfCopies, stepSeconds);
    grown = true;
  } finally {
    await client.end();
    // Kept for the timing below (which drops it unless KEEP); a failed run drops it now.
    await system.close({ keepDatabase: grown || KEEP });
  }
  try {
    // Cloning needs the database without sessions: the system is stopped until the timing.
    await cloneDatabase(benchEnvironment.adminUrl, database, halfDatabase);
    await growToFull(database);
    const measured = await measureSideBySide(halfDatabase, database);
    if (KEEP) console.log(`scale: databases kept: SCALE_REUSE=${halfDatabase},${database}`);
    return measured;
  } finally {
    if (!KEEP) {
      await dropDatabase(benchEnvironment.adminUrl, halfDatabase);
      await dropDatabase(benchEnvironment.adminUrl, database);
    }
  }
}

export async function run(): Promise<BenchFigure[]> {
  const [halfDatabase, fullDatabase] = REUSE?.split(',') ?? [];
  const { half: h, full: f } =
    halfDatabase && fullDatabase ? await measureKept(halfDatabase, fullDatabase) : await growAndMeasure();
  const [half, full, halfSize, fullSize] = [h.times, f.times, h.size, f.size];
  printTable(half, full, { half: halfSize, full: fullSize });
  const loads = `side by side, load ${fixed(h.load, 2)} when timing began${isQuiet(h.load) ? ' (quiet)' : ' (busy)'}`;

  const figures: BenchFigure[] = [];
  for (const [name, ft] of full) {
    const ht = half.get(name);
    figures.push({
      name: `${name}: p95 at ${fullSize} cases`,
      value: ft.p95,
      unit: 'ms',
      goal: { op: '<=', value: P95_GOAL_MS },
      baseline: ht && { name: `p95 at ${halfSize} cases`, value: ht.p95, unit: 'ms' },
      notes: `p50 ${fixed(ft.p50)} ms (half: ${fixed(ht?.p50 ?? Number.NaN)} ms), ${ROUNDS} rounds, one request at a time, ${loads}.`,
    });
    if (ht && name !== baselineRead) {
      const { raw, corrected } = growth(half, full, name);
      figures.push({
        name: `${name}: p50 full / half`,
        value: raw,
        unit: '×',
        goal: { op: '<=', value: RATIO_GOAL },
        notes: `as measured, the two sizes ${loads}; divided by the baseline read's ${fixed(raw / corrected, 2)}× it would be ${fixed(corrected, 2)}×.`,
      });
    }
  }
  return figures;
}
