/**
 * Issue 10: lifecycle — whole cases per second from report to close through every command and
 * worker (goal ≥ 300 cases/s), against raw BullMQ add-and-process of the same number of jobs.
 *
 * The subject is the simulator at pace 0 with no side paths: 32 cases under way at once, each
 * reported (hotline or officer), verified by the officer the verify worker assigned, filed,
 * dispatched, accepted, completed, checked by the officer the review worker assigned and closed,
 * all over HTTP against the all-in-one process. The baseline adds the same number of BullMQ jobs
 * the run's outbox relayed (32 adders) and processes them with a worker that does nothing, on the
 * same Redis: the queueing ceiling under this design. BENCH_CASES (default 300) and BENCH_ROUNDS
 * (default 3) shorten a run.
 */
import { startSimulation } from '@urbangrid/simulator';
import { Queue, Worker } from 'bullmq';
import pg from 'pg';
import type { BenchFigure } from './bench-figure.js';
import { startBenchSystem } from './support/bench-system.js';

const CASES = Number(process.env.BENCH_CASES ?? 300);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONCURRENCY = 32;

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

interface LifecycleRound {
  casesPerSecond: number;
  closed: number;
  jobs: number;
  abandoned: string;
}

/** Cases straight through at pace 0, `concurrency` at once; a system that stops answering ends the round. */
const simulate = (baseUrl: string, cases: number, concurrency: number, runId: string) =>
  startSimulation({
    baseUrl,
    pace: 0,
    sidePaths: 0,
    reports: cases,
    rate: 1_000_000,
    duration: 3_600,
    concurrency,
    drain: 600,
    stuckAfter: 60,
    retryFor: 30,
    runId,
  });

async function lifecycleRound(baseUrl: string, pool: pg.Pool, round: number): Promise<LifecycleRound> {
  const since = (await pool.query<{ now: Date }>('select now()')).rows[0]?.now ?? new Date();
  const started = performance.now();
  const simulation = await simulate(baseUrl, CASES, CONCURRENCY, `bench-lifecycle-${process.pid}-${round}`);
  const tally = await simulation.finished;
  const seconds = (performance.now() - started) / 1000;
  const closed = tally.finished.get('closed') ?? 0;
  const jobs = await pool.query<{ n: string }>('select count(*) as n from outbox where created_at >= $1', [
    since,
  ]);
  return {
    casesPerSecond: closed / seconds,
    closed,
    jobs: Number(jobs.rows[0]?.n ?? 0),
    abandoned: [...tally.abandoned.entries()].map(([reason, n]) => `${reason} ×${n}`).join(', '),
  };
}

/** Adds `jobs` jobs with 32 adders and processes them with a no-op worker; seconds until all are done. */
async function rawBullmqRound(redisUrl: string, prefix: string, jobs: number): Promise<number> {
  const url = new URL(redisUrl);
  const connection = { host: url.hostname, port: Number(url.port || 6379), maxRetriesPerRequest: null };
  const name = `raw-${Date.now()}`;
  const queue = new Queue(name, { connection, prefix });
  let done = 0;
  let finish: () => void = () => undefined;
  const allDone = new Promise<void>((resolve) => {
    finish = resolve;
  });
  const worker = new Worker(name, async () => undefined, { connection, prefix, concurrency: CONCURRENCY });
  worker.on('completed', () => {
    if (++done === jobs) finish();
  });
  await worker.waitUntilReady();
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < jobs) {
        const n = next++;
        await queue.add('job', { n }, { jobId: `job-${n}`, removeOnComplete: true });
      }
    }),
  );
  if (jobs > 0) await allDone;
  const seconds = (performance.now() - started) / 1000;
  await worker.close();
  await queue.obliterate({ force: true });
  await queue.close();
  return seconds;
}

export async function run(): Promise<BenchFigure[]> {
  const system = await startBenchSystem('lifecycle');
  const pool = new pg.Pool({ connectionString: system.databaseUrl, max: 2 });
  try {
    // Warm-up, one case at a time: sign-ins, JIT and the engine's reference cache. A cold cache
    // under a burst of 32 reports has been seen to exhaust the pool (see notes).
    await (await simulate(system.app.baseUrl, 8, 1, `bench-lifecycle-${process.pid}-warm`)).finished;
    const subject: LifecycleRound[] = [];
    const baseline: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const measured = await lifecycleRound(system.app.baseUrl, pool, round);
      subject.push(measured);
      const seconds = await rawBullmqRound(system.redisUrl, `${system.queuePrefix}-raw`, measured.jobs);
      baseline.push(CASES / seconds);
    }
    const jobsPerCase = median(subject.map((r) => r.jobs)) / CASES;
    const abandoned = subject.map((r) => r.abandoned).filter(Boolean);
    return [
      {
        name: 'lifecycle: whole cases/s, report to close',
        value: Math.round(median(subject.map((r) => r.casesPerSecond)) * 10) / 10,
        unit: 'cases/s',
        goal: { op: '>=', value: 300 },
        baseline: {
          name: 'raw BullMQ add-and-process, same jobs',
          value: Math.round(median(baseline)),
          unit: 'cases/s',
        },
        notes:
          `median of ${ROUNDS} rounds of ${CASES} cases (closed per round: ${subject.map((r) => r.closed).join(', ')}; ` +
          `rounds ${subject.map((r) => r.casesPerSecond.toFixed(1)).join(', ')} cases/s): the simulator at pace 0, ` +
          `${CONCURRENCY} cases under way, every command over HTTP (report, verify, file, dispatch, accept, complete, ` +
          `check, close) plus the reads that find the assignee, and every worker (verify and review assignment, ` +
          `dispatch suggestion, deadlines, notices) in the all-in-one process. Baseline: the ` +
          `${Math.round(jobsPerCase * 10) / 10} outbox jobs per case the run relayed, added by ${CONCURRENCY} adders ` +
          'and processed by a no-op BullMQ worker (concurrency 32), expressed as cases per second.' +
          (abandoned.length > 0 ? ` Journeys abandoned: ${abandoned.join('; ')}.` : ''),
      },
    ];
  } finally {
    await pool.end();
    await system.close();
  }
}
