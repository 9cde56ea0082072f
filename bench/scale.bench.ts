/**
 * Issue 20 item 2: every read the console and the integrations make, per role, on a city grown to
 * SCALE_CASES cases (default 1,000,000) and at half that size. Goal: each read's p95 ≤ 50 ms at full
 * size, and none more than 1.2× slower at full size than at half (the ratio of the p50s, steadier
 * than the tails on a shared machine, divided by the same ratio of a baseline read — the caller's
 * identity, which no case changes — so the machine's drift between the two runs is taken out).
 *
 * The history is the simulator's cases (SCALE_SEED_CASES, default 400, reported and worked through
 * the real all-in-one process at pace 0 with its side paths) multiplied in SQL (`support/scale-data.ts`:
 * copies moved back in time over SCALE_YEARS, default 1 — a million cases a year, a large city — with
 * their events, tasks, notices, answered callbacks and day rollups; the copies' hash chains are not
 * valid, see there). Each read is sent SCALE_ROUNDS times (default 30, after 3 unmeasured) one
 * after another over HTTP as its role, reads rotating so a busy moment of the machine falls on
 * each. SCALE_KEEP=1 keeps the full-size database afterwards and a copy of the half-size one (their
 * names are printed) for EXPLAIN and for SCALE_REUSE=<half>,<full>, which times the reads of the code
 * as it is now on those two (migrated on start-up) without growing anything. Timing waits for a
 * quiet machine (`support/quiet-moment.ts`).
 */

import { cloneDatabase } from '@urbangrid/db';
import { startSimulation } from '@urbangrid/simulator';
import pg from 'pg';
import type { BenchFigure } from './bench-figure.js';
import {
  allInOne,
  type BenchSystem,
  benchEnvironment,
  signIn,
  startBenchSystem,
} from './support/bench-system.js';
import { isQuiet, quietMoment, quietOver } from './support/quiet-moment.js';
import { type ReadTimes, timeReads } from './support/read-timing.js';
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
 * Full / half p50 of a read as measured, and divided by the same ratio of the baseline read (whose
 * work the cases do not change): the machine's drift between the two runs taken out. The goal is
 * judged on the corrected ratio when the machine was busy; when both timings began on a quiet
 * machine there is no drift to take out, and the baseline's own noise (a read of 2 ms moving by half
 * a millisecond) would only distort every ratio, so the measured one is judged.
 */
function growth(
  half: ReadTimes,
  full: ReadTimes,
  name: string,
  quiet: boolean,
): { raw: number; corrected: number; judged: number } {
  const ratio = (n: string) => (full.get(n)?.p50 ?? Number.NaN) / (half.get(n)?.p50 ?? Number.NaN);
  const corrected = ratio(name) / ratio(baselineRead);
  return { raw: ratio(name), corrected, judged: quiet ? ratio(name) : corrected };
}

function printTable(
  half: ReadTimes,
  full: ReadTimes,
  sizes: { half: number; full: number },
  quiet: boolean,
): void {
  const rows = [...full.keys()].map((name) => {
    const h = half.get(name);
    const f = full.get(name);
    const { raw, corrected, judged: ratio } = growth(half, full, name, quiet);
    return [
      name,
      fixed(h?.p50 ?? Number.NaN),
      fixed(h?.p95 ?? Number.NaN),
      fixed(f?.p50 ?? Number.NaN),
      fixed(f?.p95 ?? Number.NaN),
      fixed(raw, 2),
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
    `p50 full/half${quiet ? ' (judged)' : ''}`,
    `corrected${quiet ? '' : ' (judged)'}`,
    `p95 ≤ ${P95_GOAL_MS} ms, ≤ ${RATIO_GOAL}×`,
  ];
  const widths = header.map((h, n) => Math.max(h.length, ...rows.map((row) => String(row[n]).length)));
  const line = (cells: readonly string[]) =>
    `| ${cells.map((c, n) => c.padEnd(widths[n] ?? 0)).join(' | ')} |`;
  console.log(['', line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line), ''].join('\n'));
}

/** Times every read on a running system; the load it was timed at goes to the notes. */
async function measure(system: BenchSystem, client: pg.ClientBase, what: string) {
  const reads = await scaleReads(system.app.baseUrl, client);
  const load = await quietMoment(what);
  try {
    return { times: await timeReads(reads, ROUNDS), load };
  } finally {
    quietOver();
  }
}

/** A running system on an existing database (a kept one) and a client of it. */
async function onDatabase(database: string) {
  const system = await startBenchSystem('scale', allInOne, { existingDatabase: database });
  const client = new pg.Client({ connectionString: system.databaseUrl });
  await client.connect();
  return { system, client };
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

/**
 * SCALE_REUSE=half,full: the reads of the code as it is now on the two kept databases. A full-size
 * database left at half size (a run stopped after keeping its half) is grown to full first.
 */
async function measureKept(halfDatabase: string, fullDatabase: string) {
  const results = [];
  for (const database of [halfDatabase, fullDatabase]) {
    const { system, client } = await onDatabase(database);
    try {
      let size = (await tableSizes(client)).cases ?? 0;
      if (database === fullDatabase && size < CASES * 0.9) {
        const plan = await copyPlan(client);
        size = await grow(client, plan.halfCopies + 1, plan.copies, plan.stepSeconds);
      }
      results.push({ size, ...(await measure(system, client, `scale: ${database}`)) });
    } finally {
      await client.end();
      await system.close({ keepDatabase: true });
    }
  }
  const [half, full] = results as [(typeof results)[0], (typeof results)[0]];
  return { half, full };
}

/** Works the seed through the system and grows its database to half size, then (kept) to full. */
async function growAndMeasure() {
  let system = await startBenchSystem('scale');
  let client = new pg.Client({ connectionString: system.databaseUrl });
  await client.connect();
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
    const halfSize = await grow(client, 1, halfCopies, stepSeconds);
    const half = { size: halfSize, ...(await measure(system, client, 'scale: half size')) };
    const database = new URL(system.databaseUrl).pathname.slice(1);
    if (KEEP) {
      // The half-size database is kept as a copy (cloning needs it without sessions), so later
      // code can be measured on both sizes again without growing them (SCALE_REUSE).
      await client.end();
      await system.close({ keepDatabase: true });
      await cloneDatabase(benchEnvironment.adminUrl, database, `${database}_half`);
      ({ system, client } = await onDatabase(database));
    }
    const fullSize = await grow(client, halfCopies + 1, copies, stepSeconds);
    const full = { size: fullSize, ...(await measure(system, client, 'scale: full size')) };
    if (KEEP) console.log(`scale: databases kept: SCALE_REUSE=${database}_half,${database}`);
    return { half, full };
  } finally {
    await client.end();
    await system.close({ keepDatabase: KEEP });
  }
}

export async function run(): Promise<BenchFigure[]> {
  const [halfDatabase, fullDatabase] = REUSE?.split(',') ?? [];
  const { half: h, full: f } =
    halfDatabase && fullDatabase ? await measureKept(halfDatabase, fullDatabase) : await growAndMeasure();
  const [half, full, halfSize, fullSize] = [h.times, f.times, h.size, f.size];
  const quiet = isQuiet(h.load) && isQuiet(f.load);
  printTable(half, full, { half: halfSize, full: fullSize }, quiet);
  const loads = `load ${fixed(h.load, 2)} and ${fixed(f.load, 2)} when timing began`;

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
      const { raw, corrected, judged } = growth(half, full, name, quiet);
      figures.push({
        name: `${name}: p50 full / half`,
        value: judged,
        unit: '×',
        goal: { op: '<=', value: RATIO_GOAL },
        notes: quiet
          ? `as measured, both timings on a quiet machine (${loads}); divided by the baseline read's ${fixed(raw / corrected, 2)}× it would be ${fixed(corrected, 2)}×.`
          : `${fixed(raw, 2)}× as measured, divided by the baseline read's ${fixed(raw / corrected, 2)}× (the machine's drift; ${loads}).`,
      });
    }
  }
  return figures;
}
