/**
 * Issue 10: lifecycle — whole cases per second from report to close through every command and
 * worker (goal ≥ 300 cases/s), against raw BullMQ add-and-process of the same number of jobs.
 *
 * The subject is the simulator at pace 0 with no side paths: 32 cases under way at once, each
 * reported (hotline or officer), verified by the officer the verify worker assigned, filed,
 * dispatched, accepted, completed, checked by the officer the review worker assigned and closed,
 * all over HTTP against the all-in-one process. The baseline adds the same number of BullMQ jobs
 * the run's outbox relayed (32 adders) and processes them with a worker that does nothing, on the
 * same Redis: the queueing ceiling under this design.
 *
 * The further figures are the same work against the system split in processes: one API process
 * (HTTP=true, WORKERS=false) and N worker processes (HTTP=false) on the same database and queue
 * prefix, their outbox relays sharing the rows (SKIP LOCKED) and their stage workers the queues,
 * one figure per N in BENCH_WORKER_PROCESSES (default "1,3"; empty: the all-in-one alone). Their baseline is the all-in-one
 * figure: whether splitting helps. All systems run side by side and their rounds rotate, so a busy
 * moment on the machine falls on each. BENCH_CASES (default 300) and BENCH_ROUNDS (default 3) shorten a run.
 */
import { startSimulation } from '@urbangrid/simulator';
import { Queue, Worker } from 'bullmq';
import pg from 'pg';
import type { BenchFigure } from './bench-figure.js';
import { type BenchSystem, startBenchSystem } from './support/bench-system.js';
import { type CpuByProgram, cpuByProgram, cpuPerUnit } from './support/cpu-by-program.js';

const CASES = Number(process.env.BENCH_CASES ?? 300);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const WORKER_PROCESSES = (process.env.BENCH_WORKER_PROCESSES ?? '1,3').split(',').filter(Boolean).map(Number);
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
  /** CPU share of each process over the round (CPU seconds / wall seconds): the HTTP one first. */
  cpu: number[];
  /** CPU per closed case by program: PostgreSQL, Redis and the simulator (this process), in ms. */
  perCase: CpuByProgram;
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

async function lifecycleRound(system: BenchSystem, pool: pg.Pool, runId: string): Promise<LifecycleRound> {
  const processes = [system.app, ...system.workers];
  const since = (await pool.query<{ now: Date }>('select now()')).rows[0]?.now ?? new Date();
  const cpuBefore = await Promise.all(processes.map((p) => p.cpuSeconds()));
  const programsBefore = await cpuByProgram(processes.map((p) => p.pid));
  const started = performance.now();
  const simulation = await simulate(system.app.baseUrl, CASES, CONCURRENCY, runId);
  const tally = await simulation.finished;
  const seconds = (performance.now() - started) / 1000;
  const cpuAfter = await Promise.all(processes.map((p) => p.cpuSeconds()));
  const closed = tally.finished.get('closed') ?? 0;
  const perCase = cpuPerUnit(programsBefore, await cpuByProgram(processes.map((p) => p.pid)), closed);
  const jobs = await pool.query<{ n: string }>('select count(*) as n from outbox where created_at >= $1', [
    since,
  ]);
  return {
    casesPerSecond: closed / seconds,
    closed,
    jobs: Number(jobs.rows[0]?.n ?? 0),
    cpu: cpuAfter.map((after, n) => (after - (cpuBefore[n] ?? 0)) / seconds),
    perCase,
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

/** A started system with its pool, warmed up. */
interface Subject {
  readonly system: BenchSystem;
  readonly pool: pg.Pool;
  readonly label: string;
  readonly rounds: LifecycleRound[];
}

async function startSubject(system: BenchSystem, label: string): Promise<Subject> {
  const pool = new pg.Pool({ connectionString: system.databaseUrl, max: 2 });
  // Warm-up, one case at a time: sign-ins, JIT and the engine's reference cache. A cold cache
  // under a burst of 32 reports has been seen to exhaust the pool (see notes).
  try {
    await (await simulate(system.app.baseUrl, 8, 1, `bench-lifecycle-${label}-${process.pid}-warm`)).finished;
  } catch (error) {
    await pool.end();
    await system.close();
    throw error;
  }
  return { system, pool, label, rounds: [] };
}

const casesPerSecond = (subject: Subject) =>
  Math.round(median(subject.rounds.map((r) => r.casesPerSecond)) * 10) / 10;

/** Each process's median CPU share over the rounds ("API 0.61, workers 0.11, 0.11, 0.10") and CPU per case. */
const cpuNote = (subject: Subject) => {
  const shares = (subject.rounds[0]?.cpu ?? []).map((_, n) =>
    median(subject.rounds.map((r) => r.cpu[n] ?? 0)).toFixed(2),
  );
  const perCase = median(
    subject.rounds.map((r) => (r.cpu.reduce((sum, share) => sum + share, 0) / r.casesPerSecond) * 1000),
  );
  const processes =
    subject.system.workers.length === 0
      ? `all-in-one ${shares[0]}`
      : `API ${shares[0]}, workers ${shares.slice(1).join(', ')}`;
  const other = (key: keyof CpuByProgram) => Math.round(median(subject.rounds.map((r) => r.perCase[key])));
  return (
    `${processes}; CPU per case: node ${Math.round(perCase)} ms, PostgreSQL ${other('postgres')} ms, ` +
    `Redis ${other('redis')} ms, the simulator ${other('bench')} ms`
  );
};

const roundsNote = (subject: Subject) => {
  const abandoned = subject.rounds.map((r) => r.abandoned).filter(Boolean);
  return (
    `median of ${ROUNDS} rounds of ${CASES} cases (closed per round: ${subject.rounds.map((r) => r.closed).join(', ')}; ` +
    `rounds ${subject.rounds.map((r) => r.casesPerSecond.toFixed(1)).join(', ')} cases/s; ` +
    `cores busy, median per process: ${cpuNote(subject)})` +
    (abandoned.length > 0 ? `; journeys abandoned: ${abandoned.join('; ')}` : '')
  );
};

export async function run(): Promise<BenchFigure[]> {
  const subjects: Subject[] = [];
  try {
    const whole = await startSubject(await startBenchSystem('lifecycle'), 'all-in-one');
    subjects.push(whole);
    const splits: Subject[] = [];
    for (const workers of WORKER_PROCESSES) {
      const system = await startBenchSystem('lifecycle', { kind: 'split', workers });
      const split = await startSubject(system, `split${workers}`);
      splits.push(split);
      subjects.push(split);
    }
    const baseline: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      // Rotating: each system goes first in its turn.
      const order = [whole, ...splits];
      for (let turn = 0; turn < order.length; turn++) {
        const subject = order[(round + turn) % order.length] as Subject;
        const runId = `bench-lifecycle-${subject.label}-${process.pid}-${round}`;
        subject.rounds.push(await lifecycleRound(subject.system, subject.pool, runId));
      }
      const jobs = whole.rounds[round]?.jobs ?? 0;
      const seconds = await rawBullmqRound(whole.system.redisUrl, `${whole.system.queuePrefix}-raw`, jobs);
      baseline.push(CASES / seconds);
    }
    const jobsPerCase = median(whole.rounds.map((r) => r.jobs)) / CASES;
    const wholeValue = casesPerSecond(whole);
    return [
      {
        name: 'lifecycle: whole cases/s, report to close',
        value: wholeValue,
        unit: 'cases/s',
        goal: { op: '>=', value: 300 },
        baseline: {
          name: 'raw BullMQ add-and-process, same jobs',
          value: Math.round(median(baseline)),
          unit: 'cases/s',
        },
        notes:
          `${roundsNote(whole)}: the simulator at pace 0, ` +
          `${CONCURRENCY} cases under way, every command over HTTP (report, verify, file, dispatch, accept, complete, ` +
          `check, close) plus the reads that find the assignee, and every worker (verify and review assignment, ` +
          `dispatch suggestion, deadlines, notices) in the all-in-one process. Baseline: the ` +
          `${Math.round(jobsPerCase * 10) / 10} outbox jobs per case the run relayed, added by ${CONCURRENCY} adders ` +
          'and processed by a no-op BullMQ worker (concurrency 32), expressed as cases per second.',
      },
      ...splits.map((split): BenchFigure => {
        const workers = split.system.workers.length;
        const value = casesPerSecond(split);
        return {
          name: `lifecycle, 1 API + ${workers} worker process${workers === 1 ? '' : 'es'}: whole cases/s`,
          value,
          unit: 'cases/s',
          goal: { op: '>=', value: 300 },
          baseline: { name: 'the all-in-one process, same run', value: wholeValue, unit: 'cases/s' },
          notes:
            `${roundsNote(split)}; ${(value / wholeValue).toFixed(2)}× the all-in-one. The same simulator ` +
            `load against one API process (HTTP=true, WORKERS=false) and ${workers} worker process(es) ` +
            '(HTTP=false: outbox relay, stage workers, publication scheduler) on one database and queue prefix; ' +
            'rounds rotate with the other systems, which run beside it idle meanwhile.',
        };
      }),
    ];
  } finally {
    for (const subject of subjects.reverse()) {
      await subject.pool.end();
      await subject.system.close();
    }
  }
}
