/**
 * A whole system for one benchmark: a database cloned from a migrated and demo-seeded template
 * (built once per migrations-and-seeds fingerprint), a queue prefix of its own on the machine's
 * Redis, and the all-in-one process on a free port. `close()` stops the process and drops the
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
import { seedDemoRegion } from '@urbangrid/seeds';
import { Redis } from 'ioredis';
import { type AllInOne, freePort, repositoryRoot, startAllInOne } from './all-in-one.js';

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

export interface BenchSystem {
  readonly app: AllInOne;
  readonly databaseUrl: string;
  readonly redisUrl: string;
  readonly queuePrefix: string;
  close(): Promise<void>;
}

export async function startBenchSystem(name: string): Promise<BenchSystem> {
  const template = await benchTemplate();
  const database = `urbangrid_bench_${name}_${process.pid}`;
  const url = await cloneDatabase(benchEnvironment.adminUrl, template, database);
  const queuePrefix = `bench-${name}-${process.pid}`;
  const app = startAllInOne({
    databaseUrl: url,
    redisUrl: benchEnvironment.redisUrl,
    port: await freePort(),
    queuePrefix,
  });
  try {
    await app.healthy();
  } catch (error) {
    await app.stop();
    await dropDatabase(benchEnvironment.adminUrl, database);
    throw error;
  }
  return {
    app,
    databaseUrl: databaseUrl(benchEnvironment.adminUrl, database),
    redisUrl: benchEnvironment.redisUrl,
    queuePrefix,
    async close() {
      await app.stop();
      await dropDatabase(benchEnvironment.adminUrl, database);
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
