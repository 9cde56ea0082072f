import { createDatabase, type Db } from '@urbangrid/db';
import { connectRedis, describeRedisTarget, type RedisClient, type RedisTarget } from '@urbangrid/redis';
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
  };
}

export interface ProcessContext {
  config: Config;
  db: Db;
  redis: RedisClient;
  /** Where `redis` connects (one server or a cluster): workers and queues open their own connections to it. */
  redisTarget: RedisTarget;
  logger: Logger;
}

/** A started process: `stop()` undoes the start-up in reverse order. */
export interface RunningProcess extends Stoppable {
  config: Config;
  logger: Logger;
  /** The HTTP server, when the process serves one. */
  http?: FastifyInstance;
}

/**
 * Start-up shared by the all-in-one process and every service run alone: configuration (from
 * `options.env`, default the process's), Redis checked, the database (migrated, seeded when empty), workers, HTTP. A failure stops
 * what was started and throws; `runProcess` turns it into one line.
 */
export async function startProcess(
  parts: ProcessParts,
  options: { env?: NodeJS.ProcessEnv; logDestination?: DestinationStream } = {},
): Promise<RunningProcess> {
  const config = loadConfig(options.env ?? process.env);
  const logger = createLogger(config, { service: parts.name, destination: options.logDestination });
  const stack: Array<() => Promise<void>> = [];
  const stopAll = async () => {
    for (const stop of stack.reverse())
      await stop().catch((e: unknown) => logger.error({ err: e }, 'stop failed'));
  };
  try {
    // First Redis: a REDIS_URL the server refuses is a line before any migration or seed runs.
    const redisServer = await startRedis(config);
    stack.push(redisServer.stop);
    const postgres: Started = await startPostgres(config, (line) => logger.debug({ postgres: line }));
    stack.push(postgres.stop);
    await prepareDatabase(postgres, config, (line) => logger.warn(line));
    const database = createDatabase(postgres.url);
    stack.push(database.close);
    if (parts.seed && !(await parts.seed.isSeeded(database.db))) {
      if (config.SEED_DEMO) {
        logger.info('empty database: loading the demo region');
        await parts.seed.seedDemoRegion(database.db, { demoPassword: config.DEMO_PASSWORD });
      } else {
        logger.info(
          'empty database and no demo data (SEED_DEMO): create the first admin with `npm run admin:create`',
        );
      }
    }
    const redis = connectRedis(redisServer.target, { maxRetriesPerRequest: null });
    redis.on('error', (err: Error) => logger.warn({ err: err.message }, 'redis connection error'));
    logger.debug({ redis: describeRedisTarget(redisServer.target) }, 'redis');
    stack.push(async () => {
      redis.disconnect();
    });
    const ctx: ProcessContext = { config, db: database.db, redis, redisTarget: redisServer.target, logger };
    if (config.WORKERS && parts.startWorkers) {
      const workers = await parts.startWorkers(ctx);
      stack.push(() => workers.stop());
    }
    let http: FastifyInstance | undefined;
    if (config.HTTP && parts.buildHttp) {
      const app = await parts.buildHttp(ctx);
      http = app;
      stack.push(() => app.close());
      await app.listen({ port: config.PORT, host: config.HOST });
    }
    logger.info({ port: config.PORT }, `${parts.name} started`);
    return { config, logger, http, stop: stopAll };
  } catch (error) {
    await stopAll();
    if (error instanceof Error && 'code' in error && error.code === 'EADDRINUSE') {
      throw new InfrastructureError(`Port ${config.PORT} is already in use: set PORT to a free one.`);
    }
    throw error;
  }
}

/**
 * `startProcess` from the process's environment, and a clean stop on SIGINT/SIGTERM. Failures that
 * a person can fix print one line and exit 1.
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
      running.logger.info({ signal }, 'shutting down');
      void running.stop().then(() => process.exit(0));
    });
  }
}

function exitWithLine(line: string): never {
  process.stderr.write(`${line}\n`);
  process.exit(1);
}
