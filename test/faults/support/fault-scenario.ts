/**
 * The fault scenario, for one shape of the system — the all-in-one process, or the split shape (an
 * API process with WORKERS=false and two worker processes with HTTP=false) — on a PostgreSQL and a
 * redis-server of its own. Under the city simulator's load, and with reports sent through HTTP all
 * along (the probe), it runs three phases:
 *
 * 1. Redis killed, away for FAULTS_OUTAGE_SECONDS, started again;
 * 2. PostgreSQL crashed (stopped without a checkpoint), away as long, started again;
 * 3. processes killed with -9 and started again (the all-in-one twice; the API process and a
 *    worker process once each).
 *
 * No process is restarted in the outage phases, and every child's exit is watched: one that ends
 * without the scenario killing it is a failure (with its last lines). For each outage it measures
 * what intake did meanwhile and how long the system took to catch up once the server was back.
 *
 * FAULTS_OUTAGE_SECONDS (default 20) and FAULTS_RATE (simulated reports a second, default 1) size it;
 * the probe sends a report a second to each HTTP process. The load stays below what two busy cores
 * work off, so the time to catch up is the outage's, not a backlog's that would grow anyway.
 */
import { createDatabase, type Database } from '@urbangrid/db';
import { openQueue } from '@urbangrid/engine';
import { formatSummary, startSimulation, type Tally } from '@urbangrid/simulator';
import { sql } from 'drizzle-orm';
import type { AllInOne } from '../../../bench/support/all-in-one.js';
import { type LiveBoard, openBoard } from './live-board.js';
import { describeExits, getJson, type OwnSystem, postReport, signIn, startOwnSystem } from './own-system.js';
import { type ProbeAnswer, type ReportProbe, startReportProbe } from './report-probe.js';

const OUTAGE_MS = Number(process.env.FAULTS_OUTAGE_SECONDS ?? 20) * 1000;
const RATE = Number(process.env.FAULTS_RATE ?? 1);
/** How long the scenario waits for the system to catch up after a fault before it calls it stuck. */
const CATCH_UP_MS = 120_000;

export type Shape = 'all-in-one' | 'split';

export interface HealthAnswer {
  readonly process: string;
  readonly status: number;
  readonly detail: unknown;
}

/** What one outage did, and how the system caught up (null: not within CATCH_UP_MS). */
export interface OutageFigures {
  readonly part: 'Redis' | 'PostgreSQL';
  /** From the server's stop to its answering again. */
  readonly outageMs: number;
  /** The probe's reports sent during the outage. */
  readonly sent: number;
  readonly acknowledged: number;
  readonly refused503: number;
  /** 503 answers without the SERVICE_UNAVAILABLE code or a Retry-After. */
  readonly bare503: number;
  /** 5xx other than 503, from the probe and the simulator, from the stop until caught up. */
  readonly other5xx: number;
  /** Requests of the probe that got no answer at all. */
  readonly noAnswer: number;
  readonly slowestMs: number;
  /** Commands the simulator had answered 200 during the outage. */
  readonly commandsDuring: number;
  /** /health of each HTTP process during the outage. */
  readonly health: readonly HealthAnswer[];
  /** Reads of a case and of the case list on each HTTP process during the outage. */
  readonly reads: readonly HealthAnswer[];
  /** Outbox rows waiting for the queues at the end of the outage. */
  readonly outboxWaiting: number | null;
  /** Whether every board's socket was still open at the end of the outage. */
  readonly boardsOpen: boolean;
  /** A report refused during the outage, sent again with its key once the server is back. */
  readonly resent: number | null;
  /** From the server's return: every HTTP process's /health answers 200. */
  readonly healthyMs: number | null;
  /** From the return: every outbox row written before it is relayed. */
  readonly drainedMs: number | null;
  /** From the return: every report acknowledged in the phase has left `reported` (a task assigned). */
  readonly progressedMs: number | null;
  /** From the return: every board heard a case reported after it (Redis only). */
  readonly liveMs: number | null;
  /** Processes whose pid changed through the phase (none may). */
  readonly pidsChanged: readonly string[];
}

export interface KillFigures {
  readonly process: string;
  /** From the kill -9 to the fresh process being ready (healthy, or its workers on the queues). */
  readonly backMs: number;
}

export interface FaultScenario {
  readonly shape: Shape;
  readonly system: OwnSystem;
  readonly tally: Tally;
  readonly probe: ReportProbe;
  readonly outages: readonly OutageFigures[];
  readonly kills: readonly KillFigures[];
  /** 5xx answers other than 503 over the whole run (probe and simulator). */
  readonly other5xxTotal: number;
  readonly database: Database;
  /** Unrelayed outbox rows when the wait for the relay ended. */
  readonly outboxLeft: number;
  cleanup(): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Running {
  readonly system: OwnSystem;
  readonly database: Database;
  /** HTTP processes by name (fixed ports: a process killed comes back on its port). */
  readonly http: Map<string, AllInOne>;
  readonly probe: ReportProbe;
  readonly tally: Tally;
  readonly retries: Array<{ at: number; reason: string }>;
  readonly token: string;
  readonly log: (line: string) => void;
}

/** Throws, with their last lines, when processes ended that nobody killed. */
function noUnexpectedExit(system: OwnSystem): void {
  const exits = system.unexpectedExits();
  if (exits.length > 0) throw new Error(`a process exited:\n${describeExits(exits)}`);
}

/** Polls `done` until true; the ms it took from `since`, or null after CATCH_UP_MS. */
async function until(run: Running, since: number, done: () => Promise<boolean>): Promise<number | null> {
  for (;;) {
    noUnexpectedExit(run.system);
    if (await done().catch(() => false)) return Date.now() - since;
    if (Date.now() - since > CATCH_UP_MS) return null;
    await sleep(200);
  }
}

const statusOf = (reason: string) => Number(/^HTTP (\d+)$/.exec(reason)?.[1] ?? 0);
const isOther5xx = (status: number) => status >= 500 && status !== 503;

async function unrelayedBefore(database: Database, at: number): Promise<number> {
  const result = await database.db.execute<{ n: string }>(
    sql`select count(*) as n from outbox where relayed_at is null and created_at <= ${new Date(at)}`,
  );
  return Number(result.rows[0]?.n ?? 0);
}

async function stillReported(database: Database, ids: readonly string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const result = await database.db.execute<{ n: string }>(
    sql`select count(*) as n from cases where id = any(${sql.param(ids)}::text[]) and state = 'reported'`,
  );
  return Number(result.rows[0]?.n ?? 0);
}

/** For a failure's message: the cases still `reported`, their task's outbox row and job state. */
async function whyReported(run: Running, ids: readonly string[]): Promise<string> {
  const rows = await run.database.db.execute<{
    case_no: string;
    job_id: string | null;
    relayed_at: Date | null;
    attempts: number | null;
    last_error: string | null;
  }>(sql`
    select c.case_no, o.job_id, o.relayed_at, o.attempts, o.last_error
    from cases c left join outbox o on o.case_id = c.id and o.queue = 'task'
    where c.id = any(${sql.param(ids)}::text[]) and c.state = 'reported'`);
  const queue = openQueue('task', {
    connection: { url: run.system.redis.url },
    prefix: run.system.queuePrefix,
  });
  try {
    const counts = await queue.getJobCounts();
    const lines = await Promise.all(
      rows.rows.slice(0, 20).map(async (row) => {
        const state = row.job_id === null ? 'no job' : await queue.getJobState(row.job_id);
        return `  ${row.case_no}: outbox ${row.relayed_at === null ? `unrelayed (${row.attempts} attempts, ${row.last_error})` : 'relayed'}, job ${state}`;
      }),
    );
    return [`task queue: ${JSON.stringify(counts)}`, ...lines].join('\n');
  } finally {
    await queue.close();
  }
}

const sumCommands = (tally: Tally) => [...tally.commands.values()].reduce((a, b) => a + b, 0);

async function healthOf(run: Running): Promise<HealthAnswer[]> {
  return Promise.all(
    [...run.http].map(async ([name, app]) => {
      const answer = await getJson(app.baseUrl, run.token, '/health').catch(() => null);
      return { process: name, status: answer?.status ?? 0, detail: answer?.body.detail };
    }),
  );
}

/** A case's view and the case list, read on each HTTP process. */
async function readsOf(run: Running): Promise<HealthAnswer[]> {
  const known = run.probe.answers.find((a) => a.status === 201)?.caseId ?? 'none';
  const answers = await Promise.all(
    [...run.http].flatMap(([name, app]) =>
      [`/api/cases/${known}`, '/api/cases?pageSize=5'].map(async (url) => {
        const answer = await getJson(app.baseUrl, run.token, url).catch(() => null);
        return {
          process: `${name} GET ${url}`,
          status: answer?.status ?? 0,
          detail: answer === null ? null : `${String(answer.body.code)}, Retry-After ${answer.retryAfter}`,
        };
      }),
    ),
  );
  return answers;
}

async function outage(
  run: Running,
  part: OutageFigures['part'],
  server: { stop(): Promise<void>; start(): Promise<void> },
): Promise<OutageFigures> {
  const { system, database, probe, log } = run;
  const pids = new Map([...system.processes].map(([name, p]) => [name, p.pid]));
  const boards: LiveBoard[] =
    part === 'Redis'
      ? await Promise.all([...run.http.values()].map((app) => openBoard(app.baseUrl, run.token)))
      : [];
  const phaseStarted = Date.now();
  const commandsBefore = sumCommands(run.tally);
  log(
    `${part}: stopping it (${probe.answers.filter((a) => a.status === 201).length} probe reports acknowledged so far)`,
  );
  await server.stop();
  const stopped = Date.now();
  // Long enough for every connection to have noticed.
  await sleep(Math.min(3_000, OUTAGE_MS / 2));
  const health = await healthOf(run);
  const reads = await readsOf(run);
  await sleep(Math.max(0, OUTAGE_MS - (Date.now() - stopped)));
  noUnexpectedExit(system);
  const outboxWaiting = part === 'Redis' ? await unrelayedBefore(database, Date.now()) : null;
  const boardsOpen = boards.every((board) => board.open());
  const commandsDuring = sumCommands(run.tally) - commandsBefore;
  await server.start();
  const back = Date.now();
  const outageMs = back - stopped;
  log(`${part}: back after ${(outageMs / 1000).toFixed(1)} s`);

  const acknowledgedIds = probe
    .between(phaseStarted - 10_000, back)
    .filter((a) => a.status === 201 && a.caseId !== undefined)
    .map((a) => a.caseId as string);
  const heardAfterReturn = () => {
    const after = new Set(
      probe
        .between(back, Date.now())
        .filter((a) => a.status === 201)
        .map((a) => a.caseId as string),
    );
    return boards.every((board) => board.heardAny(after));
  };
  // Each from the return, measured side by side.
  const [healthyMs, drainedMs, progressedMs, liveMs] = await Promise.all([
    until(run, back, async () => (await healthOf(run)).every((h) => h.status === 200)),
    until(run, back, async () => (await unrelayedBefore(database, back)) === 0),
    until(run, back, async () => (await stillReported(database, acknowledgedIds)) === 0),
    boards.length === 0 ? null : until(run, back, async () => heardAfterReturn()),
  ]);
  for (const board of boards) board.close();
  const refusedKey = probe.between(stopped, back).find((a) => a.status === 503);
  const resent =
    refusedKey === undefined
      ? null
      : ((await postReport(refusedKey.target, run.token, refusedKey.key).catch(() => null))?.status ?? 0);
  if (progressedMs === null)
    log(`${part}: still reported after ${CATCH_UP_MS / 1000} s:\n${await whyReported(run, acknowledgedIds)}`);
  const caughtUp = Date.now();
  const during = probe.between(stopped, back);
  const other5xx =
    probe.between(stopped, caughtUp).filter((a) => isOther5xx(a.status)).length +
    run.retries.filter((r) => r.at >= stopped && r.at < caughtUp && isOther5xx(statusOf(r.reason))).length;
  const refused = during.filter((a) => a.status === 503);
  return {
    part,
    outageMs,
    sent: during.length,
    acknowledged: during.filter((a) => a.status === 201).length,
    refused503: refused.length,
    bare503: refused.filter((a) => a.code !== 'SERVICE_UNAVAILABLE' || !(Number(a.retryAfter) > 0)).length,
    other5xx,
    noAnswer: during.filter((a) => a.status === 0).length,
    slowestMs: Math.max(0, ...during.map((a) => a.answeredAt - a.sentAt)),
    commandsDuring,
    health,
    reads,
    outboxWaiting,
    boardsOpen,
    resent,
    healthyMs,
    drainedMs,
    progressedMs,
    liveMs,
    pidsChanged: [...system.processes]
      .filter(([name, p]) => pids.get(name) !== p.pid || p.exited())
      .map(([name]) => name),
  };
}

async function kill(run: Running, name: string): Promise<KillFigures> {
  const { system, http } = run;
  run.log(`kill -9 ${name}`);
  const killed = Date.now();
  await system.kill9(name);
  await sleep(500);
  const app = http.get(name);
  if (app !== undefined) {
    const env: Record<string, string> = name === 'api' ? { WORKERS: 'false' } : {};
    http.set(name, await system.startHttp(name, env, Number(new URL(app.baseUrl).port)));
  } else {
    await system.startWorkers(name);
  }
  return { process: name, backMs: Date.now() - killed };
}

async function unrelayed(database: Database): Promise<number> {
  const result = await database.db.execute<{ n: string }>(
    sql`select count(*) as n from outbox where relayed_at is null`,
  );
  return Number(result.rows[0]?.n ?? 0);
}

export async function runFaultScenario(shape: Shape, log: (line: string) => void): Promise<FaultScenario> {
  const system = await startOwnSystem(`faults-${shape}`, { logLevel: 'warn' });
  let database: Database | undefined;
  let probe: ReportProbe | undefined;
  const cleanup = async () => {
    await probe?.stop().catch(() => undefined);
    await database?.close().catch(() => undefined);
    await system.cleanup();
  };
  try {
    const started = Date.now();
    const http = new Map<string, AllInOne>();
    // The first HTTP process migrates and seeds the demo region; the rest start on a seeded database.
    if (shape === 'all-in-one') http.set('all-in-one', await system.startHttp('all-in-one'));
    else {
      http.set('api', await system.startHttp('api', { WORKERS: 'false' }));
      await system.startWorkers('worker-1');
      await system.startWorkers('worker-2');
    }
    const [front] = [...http.values()] as [AllInOne];
    log(
      `${shape} up in ${((Date.now() - started) / 1000).toFixed(0)} s on ${front.baseUrl} ` +
        `(PostgreSQL ${system.postgres.port}, Redis ${system.redis.port}); load ${RATE}/s`,
    );
    database = createDatabase(system.postgres.url, { max: 4 });
    const token = await signIn(front.baseUrl);
    const retries: Array<{ at: number; reason: string }> = [];
    const simulation = await startSimulation(
      {
        baseUrl: front.baseUrl,
        rate: RATE,
        duration: 3_600,
        pace: 0.05,
        concurrency: 150,
        // No drain: journeys under way when the load ends stop where they are, leaving open cases
        // whose deadlines must still be armed.
        drain: 0,
        retryFor: 180,
        stuckAfter: 150,
        runId: `faults-${shape}-${Date.now().toString(36)}`,
      },
      { onRetry: (reason) => retries.push({ at: Date.now(), reason }) },
    );
    probe = startReportProbe({
      baseUrls: [...http.values()].map((app) => app.baseUrl),
      token,
      keyPrefix: `faults-probe-${shape}-${Date.now().toString(36)}`,
      pauseMs: 1_000,
    });
    const run: Running = { system, database, http, probe, tally: simulation.tally, retries, token, log };
    // Each process's first reports load its reference data: not the outage's to pay.
    await sleep(10_000);
    const outages = [
      await outage(run, 'Redis', { stop: system.redis.stop, start: system.redis.start }),
      await outage(run, 'PostgreSQL', { stop: system.postgres.crash, start: system.postgres.start }),
    ];
    const kills: KillFigures[] = [];
    for (const name of shape === 'all-in-one' ? ['all-in-one', 'all-in-one'] : ['worker-1', 'api']) {
      await sleep(3_000);
      kills.push(await kill(run, name));
    }
    await sleep(3_000);
    simulation.stopReporting();
    await probe.stop();
    const tally = await simulation.finished;
    log(formatSummary(tally, simulation.open()));
    noUnexpectedExit(system);
    // Work in flight drains by itself once everything is up; a task a killed process held comes
    // back when its lock runs out (BullMQ's stalled-job check).
    const settling = Date.now();
    let outboxLeft = await unrelayed(database);
    for (let waited = 0; outboxLeft > 0 && waited < 60_000; waited += 500) {
      await sleep(500);
      outboxLeft = await unrelayed(database);
    }
    const reportedIds = [
      ...tally.acknowledged.map((a) => a.caseId),
      ...probe.answers.filter((a) => a.status === 201).map((a) => a.caseId as string),
    ];
    const settledMs = await until(
      run,
      settling,
      async () => (await stillReported(run.database, reportedIds)) === 0,
    );
    log(
      settledMs === null
        ? `still reported after ${CATCH_UP_MS / 1000} s:\n${await whyReported(run, reportedIds)}`
        : `every acknowledged report assigned ${(settledMs / 1000).toFixed(1)} s after the load ended`,
    );
    const other5xxTotal =
      probe.answers.filter((a) => isOther5xx(a.status)).length +
      retries.filter((r) => isOther5xx(statusOf(r.reason))).length;
    return { shape, system, tally, probe, outages, kills, other5xxTotal, database, outboxLeft, cleanup };
  } catch (error) {
    await cleanup();
    throw error;
  }
}

const seconds = (ms: number | null) => (ms === null ? 'stuck' : `${(ms / 1000).toFixed(1)} s`);

/** The figures of a run as one table (markdown, as the README carries it). */
export function figuresTable(scenario: FaultScenario): string {
  const header = [
    'outage',
    'length',
    'reports sent / acknowledged (201) / 503 during it',
    'other 5xx',
    'commands acknowledged during it',
    'healthy after',
    'outbox drained after',
    'every acknowledged report assigned after',
    'boards live after',
  ];
  const rows = scenario.outages.map((o) => [
    o.part,
    seconds(o.outageMs),
    `${o.sent} / ${o.acknowledged} / ${o.refused503}`,
    String(o.other5xx),
    String(o.commandsDuring),
    seconds(o.healthyMs),
    seconds(o.drainedMs),
    seconds(o.progressedMs),
    o.part === 'Redis' ? seconds(o.liveMs) : '–',
  ]);
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [
    `${scenario.shape}:`,
    line(header),
    line(header.map(() => '---')),
    ...rows.map(line),
    `kill -9: ${scenario.kills.map((k) => `${k.process} back in ${seconds(k.backMs)}`).join(', ')}`,
  ].join('\n');
}

export type { ProbeAnswer };
