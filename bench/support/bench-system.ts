/**
 * A whole system for one benchmark: a database cloned from a migrated and demo-seeded template
 * (built once per migrations-and-seeds fingerprint), a queue prefix of its own on the machine's
 * Redis, and the system's processes in one of two topologies: the all-in-one process on a free
 * port, or one API process (HTTP, no workers) on a free port plus N worker processes (workers, no
 * HTTP) on the same database and queue prefix. `close()` stops every process and drops the
 * database. BENCH_DATABASE_URL (an admin URL) and BENCH_REDIS_URL point elsewhere.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import {
  cloneDatabase,
  createDatabase,
  databaseUrl,
  dropDatabase,
  ensureTemplateDatabase,
  runMigrations,
} from '@urbangrid/db';
import { openQueue, queueKinds } from '@urbangrid/engine';
import { seedDemoRegion } from '@urbangrid/seeds';
import { Redis } from 'ioredis';
import {
  type AllInOne,
  freePort,
  repositoryRoot,
  type SystemProcess,
  startAllInOne,
  startWorkerProcess,
} from './all-in-one.js';

export const benchEnvironment = {
  adminUrl: process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  redisUrl: process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379',
  password: 'urbangrid',
};

/** Fingerprint of what shapes the template: migrations and seeds. */
function fingerprint(): string {
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (!name.endsWith('.test.ts')) hash.update(name).update(readFileSync(full));
    }
  };
  walk(path.join(repositoryRoot, 'migrations'));
  walk(path.join(repositoryRoot, 'seeds'));
  return hash.digest('hex').slice(0, 12);
}

export async function benchTemplate(): Promise<string> {
  return ensureTemplateDatabase(
    benchEnvironment.adminUrl,
    `urbangrid_bench_tpl_${fingerprint()}`,
    async (url) => {
      await runMigrations(url);
      const database = createDatabase(url, { max: 2 });
      try {
        await seedDemoRegion(database.db, { demoPassword: benchEnvironment.password });
      } finally {
        await database.close();
      }
    },
  );
}

/** How the system runs: one all-in-one process, or one API process and `workers` worker processes. */
export type BenchTopology =
  | { readonly kind: 'all-in-one' }
  | { readonly kind: 'split'; readonly workers: number };

export const allInOne: BenchTopology = { kind: 'all-in-one' };

export interface BenchSystem {
  /** The process that serves HTTP: the all-in-one, or the API process. */
  readonly app: AllInOne;
  /** The worker-only processes (none in the all-in-one topology). */
  readonly workers: readonly SystemProcess[];
  readonly topology: BenchTopology;
  readonly databaseUrl: string;
  readonly redisUrl: string;
  readonly queuePrefix: string;
  /** Stops every process and removes the run's queues; drops the database unless `keepDatabase`. */
  close(options?: { keepDatabase?: boolean }): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Waits until every queue of the queue map has `count` workers on it (BullMQ names its workers' Redis
 * connections): a worker-only process has no /health, and this is what it is there for.
 */
export async function stageWorkersReady(
  processes: readonly SystemProcess[],
  redisUrl: string,
  prefix: string,
  timeoutMs = 180_000,
): Promise<void> {
  const queues = queueKinds.map((kind) => openQueue(kind, { connection: { url: redisUrl }, prefix }));
  try {
    const giveUpAt = Date.now() + timeoutMs;
    let counts: number[] = [];
    while (Date.now() < giveUpAt) {
      const crashed = processes.find((p) => p.exited());
      if (crashed) throw new Error(`worker process ${crashed.pid} exited during start-up`);
      counts = await Promise.all(queues.map((queue) => queue.getWorkersCount()));
      if (counts.every((n) => n >= processes.length)) return;
      await sleep(250);
    }
    throw new Error(
      `the stage queues did not get ${processes.length} workers each within ${timeoutMs} ms (${counts.join(', ')})`,
    );
  } finally {
    await Promise.all(queues.map((queue) => queue.close()));
  }
}

/**
 * `existingDatabase`: runs on that database as it is (a kept one, migrated on start-up) instead of a
 * fresh clone of the template; it is never dropped.
 */
export async function startBenchSystem(
  name: string,
  topology: BenchTopology = allInOne,
  options: { existingDatabase?: string } = {},
): Promise<BenchSystem> {
  const suffix = topology.kind === 'all-in-one' ? name : `${name}_split${topology.workers}`;
  const database = options.existingDatabase ?? `urbangrid_bench_${suffix}_${process.pid}`;
  const url = options.existingDatabase
    ? databaseUrl(benchEnvironment.adminUrl, database)
    : await cloneDatabase(benchEnvironment.adminUrl, await benchTemplate(), database);
  const dropOwnDatabase = async () => {
    if (!options.existingDatabase) await dropDatabase(benchEnvironment.adminUrl, database);
  };
  const queuePrefix = `bench-${suffix}-${process.pid}`;
  const common = { databaseUrl: url, redisUrl: benchEnvironment.redisUrl, queuePrefix };
  // The HTTP process first, alone, up to /health (migrations checked, seed checked): the worker
  // processes then start on a database nobody is migrating or seeding any more.
  const app = startAllInOne({
    ...common,
    port: await freePort(),
    env: topology.kind === 'split' ? { WORKERS: 'false' } : undefined,
  });
  const workers: SystemProcess[] = [];
  const stopAll = async () => {
    await Promise.all([app, ...workers].map((p) => p.stop()));
  };
  try {
    await app.healthy();
    if (topology.kind === 'split') {
      for (let n = 0; n < topology.workers; n++) workers.push(startWorkerProcess(common));
      await stageWorkersReady(workers, benchEnvironment.redisUrl, queuePrefix);
    }
  } catch (error) {
    await stopAll();
    await dropOwnDatabase();
    await dropRedisKeys(benchEnvironment.redisUrl, queuePrefix);
    throw error;
  }
  return {
    app,
    workers,
    topology,
    databaseUrl: databaseUrl(benchEnvironment.adminUrl, database),
    redisUrl: benchEnvironment.redisUrl,
    queuePrefix,
    async close({ keepDatabase = false } = {}) {
      await stopAll();
      if (!keepDatabase) await dropOwnDatabase();
      await dropRedisKeys(benchEnvironment.redisUrl, queuePrefix);
    },
  };
}

/** Signs in as a demo user; the bearer token. */
export async function signIn(baseUrl: string, username: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: benchEnvironment.password }),
  });
  const body = (await response.json()) as { token?: unknown };
  if (response.status !== 200 || typeof body.token !== 'string') {
    throw new Error(`login as ${username} answered ${response.status}`);
  }
  return body.token;
}

/** Removes a run's queues, timers and counters from the shared Redis. */
export async function dropRedisKeys(redisUrl: string, prefix: string): Promise<void> {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1, lazyConnect: true });
  try {
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length > 0) await redis.unlink(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
