/**
 * Issue 10: intake — durable reports per second at 32 concurrent clients, p50 and p99 (goal
 * ≥ 1,500/s, p99 ≤ 50 ms), against an empty fastify route and raw PostgreSQL inserts of the same
 * rows; and the peak memory of the all-in-one process under that load (goal ≤ 400 MB).
 *
 * The subject is the all-in-one process (services, workers, relay, live hub) on its own database,
 * loaded by autocannon with hotline reports from operator1, each with its own Idempotency-Key.
 * Rounds alternate subject, empty route and raw inserts. BENCH_SECONDS (default 10) and
 * BENCH_ROUNDS (default 3) shorten a run while developing.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import type { BenchFigure } from './bench-figure.js';
import { seededRandom } from './measure.js';
import { freePort, repositoryRoot, waitForHealth } from './support/all-in-one.js';
import { type BenchSystem, signIn, startBenchSystem } from './support/bench-system.js';
import { type CpuByProgram, cpuByProgram, cpuPerUnit, untilIdle } from './support/cpu-by-program.js';

const CONNECTIONS = 32;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const MB = 1024 * 1024;
const WARM_UP = 64;

interface LoadRound {
  /** Answers of the expected status a second. */
  rate: number;
  p50: number;
  p99: number;
  ok: number;
  other: number;
}

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

const problems = [
  ['E0101', '路边暴露垃圾'],
  ['E0201', '电线杆小广告'],
  ['E0505', '机动车违停'],
  ['E0504', '店外经营'],
  ['C0118', '路灯不亮'],
] as const;

/** Report bodies at seeded points of the demo box; the tag marks this run's cases. */
function reportBodies(tag: string, count: number): string[] {
  const random = seededRandom(20_261_125);
  return Array.from({ length: count }, (_, i) => {
    const [categoryCode, description] = problems[i % problems.length] ?? problems[0];
    return JSON.stringify({
      source: 'hotline',
      categoryCode,
      description: `${description} [${tag}]`,
      location: { lat: 40.8 + random() * 0.06, lng: 111.62 + random() * 0.1 },
      reporter: { name: '市民', phone: `139${String(i).padStart(8, '0')}` },
    });
  });
}

async function load(
  url: string,
  token: string,
  bodies: readonly string[],
  keyPrefix: string,
): Promise<LoadRound> {
  let sent = 0;
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: SECONDS,
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    requests: [
      {
        setupRequest: (request) => {
          const n = sent++;
          return {
            ...request,
            headers: { ...request.headers, 'idempotency-key': `${keyPrefix}-${n}` },
            body: bodies[n % bodies.length],
          };
        },
      },
    ],
  });
  return {
    rate: result['2xx'] / (result.duration || SECONDS),
    p50: result.latency.p50,
    p99: result.latency.p99,
    ok: result['2xx'],
    other: result.non2xx + result.errors + result.timeouts,
  };
}

async function startEmptyRoute(): Promise<{ url: string; stop: () => void }> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(repositoryRoot, 'bench/support/empty-route-server.ts'), String(port)],
    { cwd: repositoryRoot, stdio: 'ignore' },
  );
  const url = `http://127.0.0.1:${port}`;
  const giveUp = Date.now() + 30_000;
  for (;;) {
    try {
      await fetch(`${url}/api/intake/reports`, { method: 'POST' });
      break;
    } catch {
      if (Date.now() > giveUp) throw new Error('the empty route server did not start');
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  return { url: `${url}/api/intake/reports`, stop: () => child.kill('SIGTERM') };
}

/** 32 clients inserting, one row a statement (autocommit, so each is durable), for SECONDS. */
async function rawInserts(pool: pg.Pool, rows: readonly string[]): Promise<LoadRound> {
  const latencies: number[] = [];
  let next = 0;
  const endAt = performance.now() + SECONDS * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (performance.now() < endAt) {
        const row = rows[next++ % rows.length];
        const t = performance.now();
        await pool.query(
          'insert into bench_raw_cases select * from json_populate_record(null::bench_raw_cases, $1)',
          [row],
        );
        latencies.push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) =>
    latencies[Math.min(latencies.length - 1, Math.ceil(q * latencies.length) - 1)] ?? 0;
  return { rate: latencies.length / seconds, p50: at(0.5), p99: at(0.99), ok: latencies.length, other: 0 };
}

const ms = (value: number) => value.toFixed(2);

/**
 * CPU per acknowledged report, all programs together (the system's process with the jobs each report
 * brings on, PostgreSQL, Redis), against a raw insert's (PostgreSQL and its client): the budget a
 * throughput ratio comes from on a machine whose cores they all share.
 */
function cpuFigure(
  subject: readonly CpuByProgram[],
  raw: readonly CpuByProgram[],
  rounds: string,
): BenchFigure {
  const part = (rows: readonly CpuByProgram[], key: keyof CpuByProgram) =>
    median(rows.map((row) => row[key]));
  const node = part(subject, 'system');
  const database = part(subject, 'postgres');
  const redis = part(subject, 'redis');
  const rawDatabase = part(raw, 'postgres');
  const rawClient = part(raw, 'bench');
  return {
    name: 'intake: CPU per report (node + PostgreSQL + Redis)',
    value: Number(ms(node + database + redis)),
    unit: 'ms',
    baseline: {
      name: 'a raw insert (PostgreSQL + its client)',
      value: Number(ms(rawDatabase + rawClient)),
      unit: 'ms',
    },
    notes:
      `median of ${rounds}, each round's reports followed until the system was idle again (the jobs they bring on included): ` +
      `node ${ms(node)} ms, PostgreSQL ${ms(database)} ms, Redis ${ms(redis)} ms per report; ` +
      `the load generator (autocannon) ${ms(part(subject, 'bench'))} ms. A raw insert: PostgreSQL ${ms(rawDatabase)} ms, its pg client ${ms(rawClient)} ms. ` +
      'Read from /proc (user + system time of every postgres and redis-server process and of the system’s own).',
  };
}

export async function run(): Promise<BenchFigure[]> {
  const system: BenchSystem = await startBenchSystem('intake');
  const empty = await startEmptyRoute();
  const pool = new pg.Pool({ connectionString: system.databaseUrl, max: CONNECTIONS });
  try {
    const idle = await system.app.memory();
    const token = await signIn(system.app.baseUrl, 'operator1');
    const tag = `bench-intake-${Date.now().toString(36)}`;
    const bodies = reportBodies(tag, 5_000);
    const intakeUrl = `${system.app.baseUrl}/api/intake/reports`;
    // Warm-up: JIT, pools, caches (grid layer, categories) before the first measured round.
    await waitForHealth(system.app.baseUrl, 10_000);
    for (const [i, body] of bodies.slice(0, WARM_UP).entries()) {
      const response = await fetch(intakeUrl, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          'idempotency-key': `${tag}-warm-${i}`,
        },
        body,
      });
      if (response.status !== 201)
        throw new Error(`warm-up report answered ${response.status}: ${await response.text()}`);
    }
    await pool.query('create table bench_raw_cases (like cases including defaults)');

    const subject: LoadRound[] = [];
    const emptyRounds: LoadRound[] = [];
    const raw: LoadRound[] = [];
    let rows: string[] = [];
    const subjectCpu: CpuByProgram[] = [];
    const rawCpu: CpuByProgram[] = [];
    const appPids = [system.app.pid];
    for (let round = 0; round < ROUNDS; round++) {
      // What a report costs each program: the round, then the jobs it left behind, until idle.
      const before = await cpuByProgram(appPids);
      const measured = await load(intakeUrl, token, bodies, `${tag}-r${round}`);
      await untilIdle(appPids);
      subjectCpu.push(cpuPerUnit(before, await cpuByProgram(appPids), measured.ok));
      subject.push(measured);
      emptyRounds.push(await load(empty.url, token, bodies, `${tag}-empty-r${round}`));
      if (rows.length === 0) {
        const found = await pool.query<{ row: string }>(
          'select row_to_json(c)::text as row from cases c where description like $1 limit 5000',
          [`%[${tag}]%`],
        );
        rows = found.rows.map((r) => r.row);
      }
      const rawBefore = await cpuByProgram([]);
      const inserted = await rawInserts(pool, rows);
      rawCpu.push(cpuPerUnit(rawBefore, await cpuByProgram([]), inserted.ok));
      raw.push(inserted);
    }
    const peak = await system.app.memory();

    const stored = await pool.query<{ n: string }>(
      'select count(*) as n from cases where description like $1',
      [`%[${tag}]%`],
    );
    const acknowledged = subject.reduce((n, r) => n + r.ok, 0) + WARM_UP;
    const other = subject.reduce((n, r) => n + r.other, 0);
    const rate = median(subject.map((r) => r.rate));
    const rounds = `${ROUNDS} rounds of ${SECONDS} s`;
    return [
      {
        name: 'intake: durable reports/s (32 clients)',
        value: Math.round(rate),
        unit: 'reports/s',
        goal: { op: '>=', value: 1_500 },
        baseline: {
          name: 'raw PostgreSQL inserts of the same rows',
          value: Math.round(median(raw.map((r) => r.rate))),
          unit: 'rows/s',
        },
        notes:
          `median of ${rounds} (rounds ${subject.map((r) => Math.round(r.rate)).join(', ')}/s): autocannon, ` +
          `${CONNECTIONS} connections, POST /api/intake/reports as operator1 with a new Idempotency-Key each, ` +
          `against the all-in-one process (services + workers). ${acknowledged} answered 201 within the rounds and ` +
          `${stored.rows[0]?.n} cases are stored (a request in flight when a round ends is stored, not counted); ${other} other answers or errors. Baseline: the stored case rows inserted again one ` +
          `statement each (autocommit) by ${CONNECTIONS} pg clients into a copy of the cases table (no indexes), ` +
          `p99 ${median(raw.map((r) => r.p99)).toFixed(1)} ms; an empty fastify route took ` +
          `${Math.round(median(emptyRounds.map((r) => r.rate)))} req/s under the same load.`,
      },
      cpuFigure(subjectCpu, rawCpu, rounds),
      {
        name: 'intake: p99 latency (32 clients)',
        value: median(subject.map((r) => r.p99)),
        unit: 'ms',
        goal: { op: '<=', value: 50 },
        baseline: {
          name: 'empty fastify route p99',
          value: median(emptyRounds.map((r) => r.p99)),
          unit: 'ms',
        },
        notes: `autocannon's p99 over each round, median of ${rounds}.`,
      },
      {
        name: 'intake: p50 latency (32 clients)',
        value: median(subject.map((r) => r.p50)),
        unit: 'ms',
        baseline: {
          name: 'empty fastify route p50',
          value: median(emptyRounds.map((r) => r.p50)),
          unit: 'ms',
        },
        notes: `autocannon's p50 over each round, median of ${rounds}.`,
      },
      {
        name: 'all-in-one peak memory under intake load',
        value: Math.round(peak.peakBytes / MB),
        unit: 'MB',
        goal: { op: '<=', value: 400 },
        baseline: {
          name: 'resident after start, idle',
          value: Math.round(idle.currentBytes / MB),
          unit: 'MB',
        },
        notes:
          'VmHWM (peak resident set) of the all-in-one node process (run with tsx as its loader, which ' +
          `compiles TypeScript in memory) after the intake rounds; resident now ${Math.round(peak.currentBytes / MB)} MB.`,
      },
    ];
  } finally {
    await pool.end();
    empty.stop();
    await system.close();
  }
}
