/**
 * The system as processes on servers of the test's own (test/faults' PostgreSQL and Redis on free
 * ports under a temporary directory), so a test may stop PostgreSQL or send SIGTERM without
 * touching anyone else's: the all-in-one first (it migrates and seeds the demo region), then any
 * API-only (WORKERS=false) or worker-only (HTTP=false) processes beside it.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  type AllInOne,
  freePort,
  type SystemProcess,
  startAllInOne,
  startWorkerProcess,
} from '../../../bench/support/all-in-one.js';
import { stageWorkersReady } from '../../../bench/support/bench-system.js';
import {
  type OwnPostgres,
  type OwnRedis,
  startOwnPostgres,
  startOwnRedis,
} from '../../faults/support/own-servers.js';

/** A process that ended without the test asking: its name, how it ended, its last lines. */
export interface UnexpectedExit {
  readonly name: string;
  readonly pid: number;
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly lastLines: readonly string[];
}

export interface OwnSystem {
  readonly postgres: OwnPostgres;
  readonly redis: OwnRedis;
  readonly directory: string;
  readonly queuePrefix: string;
  /**
   * An HTTP process (the all-in-one unless `env` says otherwise) on `port` (default a free one),
   * healthy.
   */
  startHttp(name: string, env?: Record<string, string>, port?: number): Promise<AllInOne>;
  /** A worker-only process (HTTP=false), its workers on every stage queue. */
  startWorkers(name: string): Promise<SystemProcess>;
  /** kill -9 of a process the test means to kill: its exit is not an unexpected one. */
  kill9(name: string): Promise<void>;
  /** Every process started, by name (the latest of a name), for "did any exit" checks. */
  readonly processes: ReadonlyMap<string, SystemProcess>;
  /** The processes that exited without `kill9` (every child's 'exit' is watched). */
  unexpectedExits(): readonly UnexpectedExit[];
  cleanup(): Promise<void>;
}

export const queuePrefix = 'process';

/** `logLevel`: the processes' LOG_LEVEL (default info; a test under load may want warn). */
export async function startOwnSystem(label: string, options: { logLevel?: string } = {}): Promise<OwnSystem> {
  const directory = await mkdtemp(path.join(os.tmpdir(), `urbangrid-${label}-`));
  // PostgreSQL runs as its own user and must reach its data directory below this one.
  await chmod(directory, 0o755);
  const logs: WriteStream[] = [];
  const processes = new Map<string, SystemProcess>();
  const runningWorkers = new Set<SystemProcess>();
  const meantToEnd = new Set<SystemProcess>();
  const unexpected: UnexpectedExit[] = [];
  let cleaningUp = false;
  const watch = (name: string, started: SystemProcess) => {
    processes.set(name, started);
    started.child.once('exit', (code, signal) => {
      runningWorkers.delete(started);
      if (cleaningUp || meantToEnd.has(started)) return;
      unexpected.push({ name, pid: started.pid, code, signal, lastLines: started.lastLines().slice(-40) });
    });
  };
  let postgres: OwnPostgres | undefined;
  let redis: OwnRedis | undefined;
  const cleanup = async () => {
    cleaningUp = true;
    await Promise.all([...processes.values()].map((p) => p.kill9().catch(() => undefined)));
    await redis?.stop().catch(() => undefined);
    await postgres?.stop().catch(() => undefined);
    for (const log of logs) log.end();
    if (process.env.PROCESS_TESTS_KEEP === undefined) await rm(directory, { recursive: true, force: true });
  };
  try {
    postgres = await startOwnPostgres(path.join(directory, 'postgres'));
    redis = await startOwnRedis(path.join(directory, 'redis'));
  } catch (error) {
    await cleanup();
    throw error;
  }
  const base = {
    databaseUrl: postgres.url,
    redisUrl: redis.url,
    queuePrefix,
    logLevel: options.logLevel ?? 'info',
  };
  const logFile = (name: string) => {
    const log = createWriteStream(path.join(directory, `${name}.log`), { flags: 'a' });
    logs.push(log);
    return log;
  };
  return {
    postgres,
    redis,
    directory,
    queuePrefix,
    processes,
    unexpectedExits: () => unexpected,
    async startHttp(name, env = {}, port) {
      const started = startAllInOne({
        ...base,
        port: port ?? (await freePort()),
        logFile: logFile(name),
        env,
      });
      watch(name, started);
      if (env.WORKERS !== 'false') runningWorkers.add(started);
      await started.healthy(300_000);
      return started;
    },
    async startWorkers(name) {
      const started = startWorkerProcess({ ...base, logFile: logFile(name) });
      watch(name, started);
      runningWorkers.add(started);
      await stageWorkersReady([...runningWorkers], base.redisUrl, queuePrefix);
      return started;
    },
    async kill9(name) {
      const target = processes.get(name);
      if (target === undefined) throw new Error(`no process named ${name}`);
      meantToEnd.add(target);
      await target.kill9();
    },
    cleanup,
  };
}

/** A failure's message for unexpected exits: each process, how it ended and its last lines. */
export function describeExits(exits: readonly UnexpectedExit[]): string {
  return exits
    .map(
      (exit) =>
        `${exit.name} (pid ${exit.pid}) exited with ${exit.signal ?? `code ${exit.code}`}; its last lines:\n` +
        exit.lastLines.map((line) => `  ${line}`).join('\n'),
    )
    .join('\n');
}

export interface Answer {
  status: number;
  retryAfter: string | null;
  body: Record<string, unknown>;
}

async function call(url: string, init: RequestInit): Promise<Answer> {
  const response = await fetch(url, { ...init, signal: AbortSignal.timeout(30_000) });
  const text = await response.text();
  let body: Record<string, unknown> = {};
  try {
    body = JSON.parse(text) as Record<string, unknown>;
  } catch {
    body = { text };
  }
  return { status: response.status, retryAfter: response.headers.get('retry-after'), body };
}

export async function signIn(baseUrl: string, username = 'operator1'): Promise<string> {
  const answer = await call(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'urbangrid' }),
  });
  if (answer.status !== 200) throw new Error(`sign-in answered ${answer.status}`);
  return String(answer.body.token);
}

/** A hotline report inside the demo city; `key` is its Idempotency-Key and is in its description. */
export function postReport(baseUrl: string, token: string, key: string): Promise<Answer> {
  return call(`${baseUrl}/api/intake/reports`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': key },
    body: JSON.stringify({
      source: 'hotline',
      categoryCode: 'E0103',
      description: `道路不洁 [${key}]`,
      location: { lat: 40.83, lng: 111.67 },
    }),
  });
}

export function getJson(baseUrl: string, token: string, url: string): Promise<Answer> {
  return call(`${baseUrl}${url}`, { headers: { authorization: `Bearer ${token}` } });
}
