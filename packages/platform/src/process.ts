import { createDatabase, type Db } from '@urbangrid/db';
import {
  connectRedis,
  describeRedisTarget,
  type RedisClient,
  type RedisTarget,
  reportConnectionTrouble,
} from '@urbangrid/redis';
import type { FastifyInstance } from 'fastify';
import type { DestinationStream, Logger } from 'pino';
import { type Config, ConfigError, loadConfig } from './config.js';
import {
  InfrastructureError,
  prepareDatabase,
  type Started,
  startPostgres,
  startRedis,
} from './local-infrastructure.js';
import { createLogger } from './observability/logger.js';
import { primaryReads, replicaReads } from './replica-reads.js';

export interface Stoppable {
  stop(): Promise<void>;
}

/** What a process is made of: its HTTP app (if it serves one), its workers, and the demo seed. */
export interface ProcessParts {
  name: string;
  buildHttp?: (ctx: ProcessContext) => Promise<FastifyInstance>;
  startWorkers?: (ctx: ProcessContext) => Promise<Stoppable>;
  seed?: {
    isSeeded(db: Db): Promise<boolean>;
    seedDemoRegion(db: Db, options: { demoPassword: string }): Promise<unknown>;
    /**
     * What the demo loads once the process that seeded the empty database answers (the rest of the
     * region: too slow for a start), logging its progress; a stop while it runs rolls it back.
     */
    completeInBackground?(
      db: Db,
      options: { demoPassword: string; historyDays: number; log: (line: string) => void },
    ): Promise<unknown>;
  };
}

export interface ProcessContext {
  config: Config;
  db: Db;
  /** Where the reports read now: the replica (DATABASE_REPLICA_URL) while it answers, else `db`. */
  reportsDb: () => Db;
  redis: RedisClient;
  /** Where `redis` connects (one server or a cluster): workers and queues open their own connections to it. */
  redisTarget: RedisTarget;
  logger: Logger;
}

/** A started process: `stop()` drains it and closes what it opened (`shutdown()`). */
export interface RunningProcess extends Stoppable {
  config: Config;
  logger: Logger;
  /** The HTTP server, when the process serves one. */
  http?: FastifyInstance;
  /**
   * Drains the HTTP server and the workers together within SHUTDOWN_TIMEOUT_MS, then closes
   * Redis, the pool and any local server, the last opened first; resolves whether the drain
   * finished in time.
   */
  shutdown(): Promise<boolean>;
}

/** Waits for `work` at most `ms`; resolves whether it settled in time. */
async function settledWithin(work: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const inTime = await Promise.race([
    work.then(
      () => true,
      () => true,
    ),
    new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), ms);
    }),
  ]);
  clearTimeout(timer);
  return inTime;
}

/** How long each connection (Redis, a pool, a local server) may take to close after the drain. */
const closeTimeoutMs = 5_000;

/**
 * Start-up shared by the all-in-one process and every service run alone: configuration (from
 * `options.env`, default the process's), Redis checked, the database (migrated, seeded when empty), workers, HTTP. A failure stops
 * what was started and throws; `runProcess` turns it into one line.
 *
 * Stopping drains: the HTTP server takes no new connections and answers 503 with Retry-After to
 * requests still arriving on open ones (`draining`), the workers take no new jobs, and the requests
 * and jobs in flight finish — all within SHUTDOWN_TIMEOUT_MS; past it the connections are closed
 * anyway (what was cut short is retried: a request by its client, a job by another worker once its
 * lock ends).
 */
export async function startProcess(
  parts: ProcessParts,
  options: { env?: NodeJS.ProcessEnv; logDestination?: DestinationStream } = {},
): Promise<RunningProcess> {
  const config = loadConfig(options.env ?? process.env);
  const logger = createLogger(config, { service: parts.name, destination: options.logDestination });
  // What is drained (HTTP, workers): together, within SHUTDOWN_TIMEOUT_MS.
  const drains: Array<() => Promise<void>> = [];
  // What they use (Redis, the pool, local servers): closed afterwards, the last opened first.
  const stack: Array<() => Promise<void>> = [];
  let http: FastifyInstance | undefined;
  const shutdown = async (): Promise<boolean> => {
    const drained = await settledWithin(
      Promise.all(
        drains.map((drain) => drain().catch((e: unknown) => logger.error({ err: e }, 'stop failed'))),
      ),
      config.SHUTDOWN_TIMEOUT_MS,
    );
    if (!drained) {
      logger.warn(
        { timeoutMs: config.SHUTDOWN_TIMEOUT_MS },
        'requests or jobs still running after SHUTDOWN_TIMEOUT_MS: closing anyway',
      );
      http?.server.closeAllConnections();
    }
    for (const close of stack.reverse()) {
      const closed = await settledWithin(
        close().catch((e: unknown) => logger.error({ err: e }, 'stop failed')),
        closeTimeoutMs,
      );
      if (!closed) logger.warn('a connection did not close in time');
    }
    return drained;
  };
  const stopAll = async () => {
    await shutdown();
  };
  try {
    // First Redis: a REDIS_URL the server refuses is a line before any migration or seed runs.
    const redisServer = await startRedis(config);
    stack.push(redisServer.stop);
    if (!redisServer.answering) {
      logger.warn(
        `Redis at ${describeRedisTarget(redisServer.target)} does not answer: starting anyway; queues, live updates and rate limits resume when it does`,
      );
    }
    const postgres: Started = await startPostgres(config, (line) => logger.debug({ postgres: line }));
    stack.push(postgres.stop);
    await prepareDatabase(postgres, config, (line) => logger.warn(line));
    const database = createDatabase(postgres.url);
    stack.push(database.close);
    let seededNow = false;
    if (parts.seed && !(await parts.seed.isSeeded(database.db))) {
      if (config.SEED_DEMO) {
        seededNow = true;
        logger.info('empty database: loading the demo region');
        await parts.seed.seedDemoRegion(database.db, { demoPassword: config.DEMO_PASSWORD });
      } else {
        logger.info(
          'empty database and no demo data (SEED_DEMO): create the first admin with `npm run admin:create`',
        );
      }
    }
    // The requests' connection (rate limits, /health, live publishes and channels): with Redis away
    // a command fails at the next reconnect attempt (≤ 2 s) instead of holding its request for ever.
    const redis = connectRedis(redisServer.target, { maxRetriesPerRequest: 1 });
    reportConnectionTrouble(redis, 'requests', logger);
    logger.debug({ redis: describeRedisTarget(redisServer.target) }, 'redis');
    stack.push(async () => {
      redis.disconnect();
    });
    const reports =
      config.DATABASE_REPLICA_URL === undefined
        ? primaryReads(database.db)
        : await replicaReads(database.db, config.DATABASE_REPLICA_URL, logger);
    stack.push(reports.close);
    const ctx: ProcessContext = {
      config,
      db: database.db,
      reportsDb: reports.db,
      redis,
      redisTarget: redisServer.target,
      logger,
    };
    if (config.WORKERS && parts.startWorkers) {
      const workers = await parts.startWorkers(ctx);
      drains.push(() => workers.stop());
    }
    if (config.HTTP && parts.buildHttp) {
      const app = await parts.buildHttp(ctx);
      http = app;
      drains.push(() => app.close());
      await app.listen({ port: config.PORT, host: config.HOST });
    }
    logger.info({ port: config.PORT }, `${parts.name} started`);
    if (parts.seed?.completeInBackground && seededNow) {
      // Not awaited and not drained: a stop closes the pool under it, which rolls it back (then
      // `npm run db:seed` completes it).
      parts.seed
        .completeInBackground(database.db, {
          demoPassword: config.DEMO_PASSWORD,
          historyDays: config.DEMO_HISTORY_DAYS,
          log: (line) => logger.info(line),
        })
        .catch((err: unknown) => logger.warn({ err }, 'demo region: background loading stopped'));
    }
    return { config, logger, http, stop: stopAll, shutdown };
  } catch (error) {
    await stopAll();
    if (error instanceof Error && 'code' in error && error.code === 'EADDRINUSE') {
      throw new InfrastructureError(`Port ${config.PORT} is already in use: set PORT to a free one.`);
    }
    throw error;
  }
}

/**
 * `startProcess` from the process's environment, and a graceful stop on SIGINT/SIGTERM: drained
 * within SHUTDOWN_TIMEOUT_MS, then exit 0 (1 when the bound cut the drain short). Failures that a
 * person can fix print one line and exit 1.
 */
export async function runProcess(parts: ProcessParts): Promise<void> {
  let running: RunningProcess;
  try {
    running = await startProcess(parts);
  } catch (error) {
    if (error instanceof ConfigError || error instanceof InfrastructureError) exitWithLine(error.message);
    throw error;
  }
  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      if (stopping) return;
      stopping = true;
      const started = Date.now();
      const timeoutMs = running.config.SHUTDOWN_TIMEOUT_MS;
      running.logger.info({ signal, timeoutMs }, 'shutting down: draining requests and jobs');
      // Whatever hangs, the process ends: the drain's bound plus each connection's.
      setTimeout(() => process.exit(1), timeoutMs + 4 * closeTimeoutMs).unref();
      void running.shutdown().then((drained) => {
        running.logger.info({ ms: Date.now() - started, drained }, 'shut down');
        process.exit(drained ? 0 : 1);
      });
    });
  }
}

function exitWithLine(line: string): never {
  process.stderr.write(`${line}\n`);
  process.exit(1);
}
