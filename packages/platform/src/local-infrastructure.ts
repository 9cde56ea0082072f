import { spawn, spawnSync } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import {
  appRole,
  EmbeddedPostgresError,
  historyRewriteRight,
  pendingMigrations,
  runMigrations,
  shownDatabaseUrl,
  startEmbeddedPostgres,
} from '@urbangrid/db';
import { connectRedis, describeRedisTarget, type RedisTarget, redisTarget } from '@urbangrid/redis';
import { ReplyError } from 'ioredis';
import type { Config } from './config.js';

export interface Started {
  /** What the app connects as (DATABASE_URL). */
  url: string;
  /** The database's owner (DATABASE_OWNER_URL), for migrations and the operator's commands. */
  ownerUrl?: string;
  /** Stops what this process started; a server it merely connected to is left alone. */
  stop(): Promise<void>;
}

export interface StartedRedis {
  target: RedisTarget;
  /** Whether the server answered at the start (a process starts without it and connects when it does). */
  answering: boolean;
  /** Stops what this process started; a server it merely connected to is left alone. */
  stop(): Promise<void>;
}

export class InfrastructureError extends Error {}

/**
 * DATABASE_URL (and DATABASE_OWNER_URL) when set; otherwise the embedded PostgreSQL under DATA_DIR
 * (architecture.md, "the local default"), whose superuser owns the schema and where the app signs
 * in as urbangrid_app.
 */
export async function startPostgres(
  config: Config,
  log: (line: string) => void = () => undefined,
): Promise<Started> {
  if (config.DATABASE_URL) {
    return { url: config.DATABASE_URL, ownerUrl: config.DATABASE_OWNER_URL, stop: async () => undefined };
  }
  try {
    const embedded = await startEmbeddedPostgres({
      dataDir: config.DATA_DIR,
      port: config.EMBEDDED_PG_PORT,
      log,
    });
    return { url: embedded.appUrl, ownerUrl: embedded.url, stop: embedded.stop };
  } catch (error) {
    if (error instanceof EmbeddedPostgresError) throw new InfrastructureError(error.message);
    throw error;
  }
}

/**
 * Before a process uses the database: with the owner's URL, the pending migrations are applied and
 * the app's login made ready; without it, DATABASE_URL's role applies them only if it may (one
 * role for everything), else start-up stops with one line. Then the app's connection is checked:
 * a role that could rewrite the case history unseen is refused in production and warned about
 * elsewhere (README, "Security").
 */
export async function prepareDatabase(
  postgres: Pick<Started, 'url' | 'ownerUrl'>,
  config: Pick<Config, 'NODE_ENV'>,
  warn: (line: string) => void,
): Promise<void> {
  if (postgres.ownerUrl !== undefined) {
    await runMigrations(postgres.ownerUrl, { appUrl: postgres.url });
  } else if ((await pendingMigrations(postgres.url)) > 0) {
    try {
      await runMigrations(postgres.url);
    } catch (error) {
      // drizzle's migrator wraps the driver's error.
      const cause = (error as { cause?: { code?: string } }).cause;
      if ((error as { code?: string }).code !== '42501' && cause?.code !== '42501') throw error;
      throw new InfrastructureError(
        `The database at ${shownDatabaseUrl(postgres.url)} has migrations pending that its role may not apply: run \`npm run db:migrate\` with DATABASE_OWNER_URL (the owner's URL), or set it for this process.`,
      );
    }
  }
  const right = await historyRewriteRight(postgres.url);
  if (right === undefined) return;
  const line = `DATABASE_URL's role could rewrite case history unseen (${right}): connect as ${appRole} and give the owner's URL as DATABASE_OWNER_URL (README, "Security").`;
  if (config.NODE_ENV === 'production') throw new InfrastructureError(line);
  warn(line);
}

async function redisAnswers(url: string): Promise<boolean> {
  const client = connectRedis(
    { kind: 'server', url },
    { lazyConnect: true, maxRetriesPerRequest: 0, reconnect: false },
  );
  client.on('error', () => undefined);
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

const LOCAL_REDIS = 'redis://127.0.0.1:6379';

/**
 * Whether the server at `url` answers, and what it refuses of the URL, as a reply error's text: a
 * database number beyond the server's `databases` (ERR DB index is out of range), a password it
 * does not take (WRONGPASS, NOAUTH). No refusal when it takes the URL, or when nothing answers
 * (the process starts and connects when Redis does). ioredis reports a refused SELECT only as an 'error' event and carries on in
 * database 0, so the database is selected here by hand.
 */
async function redisRefusal(url: string): Promise<{ answering: boolean; refusal: string | null }> {
  const parsed = new URL(url);
  const database = Number(parsed.pathname.slice(1) || 0);
  parsed.pathname = '';
  const client = connectRedis(
    { kind: 'server', url: parsed.toString() },
    { lazyConnect: true, maxRetriesPerRequest: 0, reconnect: false },
  );
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.ping();
    if (database !== 0) await client.select(database);
    return { answering: true, refusal: null };
  } catch (error) {
    // A reply is the server's answer; anything else (refused, timed out) says nothing of the URL.
    return error instanceof ReplyError
      ? { answering: true, refusal: (error as Error).message }
      : { answering: false, refusal: null };
  } finally {
    client.disconnect();
  }
}

const local: RedisTarget = { kind: 'server', url: LOCAL_REDIS };

/**
 * The cluster of REDIS_CLUSTER_NODES, or REDIS_URL, when set; otherwise 127.0.0.1:6379, and when
 * nothing answers there but a redis-server binary is on PATH, one started under DATA_DIR. Without
 * either, one clear line says what to do.
 */
export async function startRedis(config: Config): Promise<StartedRedis> {
  if (config.REDIS_CLUSTER_NODES || config.REDIS_URL) {
    let answering = true;
    if (config.REDIS_URL && !config.REDIS_CLUSTER_NODES) {
      const { refusal, ...probe } = await redisRefusal(config.REDIS_URL);
      answering = probe.answering;
      if (refusal !== null) {
        const shown = describeRedisTarget({ kind: 'server', url: config.REDIS_URL });
        throw new InfrastructureError(
          `Invalid environment variable REDIS_URL: the Redis server refuses ${shown} (${refusal})`,
        );
      }
    }
    const target = redisTarget({
      url: config.REDIS_URL ?? LOCAL_REDIS,
      clusterNodes: config.REDIS_CLUSTER_NODES,
    });
    return { target, answering, stop: async () => undefined };
  }
  if (await redisAnswers(LOCAL_REDIS)) return { target: local, answering: true, stop: async () => undefined };
  if (spawnSync('redis-server', ['--version']).status !== 0) {
    throw new InfrastructureError(
      "No Redis at 127.0.0.1:6379 and no redis-server on PATH: run `docker compose up -d redis`, install your distribution's redis-server package, or set REDIS_URL.",
    );
  }
  const dir = path.resolve(config.DATA_DIR, 'redis');
  await mkdir(dir, { recursive: true });
  const child = spawn(
    'redis-server',
    ['--bind', '127.0.0.1', '--port', '6379', '--dir', dir, '--save', '', '--appendonly', 'yes'],
    { stdio: 'ignore' },
  );
  for (let i = 0; i < 100; i++) {
    if (await redisAnswers(LOCAL_REDIS)) {
      return {
        target: local,
        answering: true,
        stop: async () => {
          child.kill('SIGTERM');
        },
      };
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new InfrastructureError(
    `redis-server was started under ${dir} but did not answer on 127.0.0.1:6379.`,
  );
}
