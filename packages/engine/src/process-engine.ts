/**
 * The engine as a process runs it (`npm start`, or one service alone): workers when the process
 * runs them, and one engine context shared by the HTTP routes and the workers, so a command
 * committed over HTTP wakes this process's outbox relay at once. A process without workers gets a
 * context of its own that only publishes live changes.
 */
import type { Db } from '@urbangrid/db';
import type { RedisClient, RedisTarget } from '@urbangrid/redis';
import {
  createEngineContext,
  type EngineContext,
  type EngineLogger,
  publishToRedis,
} from './engine-context.js';
import { type GaugeRegistry, type RunningEngine, startEngine } from './start-engine.js';

export interface EngineProcessContext {
  db: Db;
  redis: RedisClient;
  redisTarget: RedisTarget;
  logger: EngineLogger;
  config: { QUEUE_PREFIX: string };
}

export interface ProcessEngine {
  startWorkers(ctx: EngineProcessContext): Promise<RunningEngine>;
  /** The context HTTP routes use: the workers' own when they run in this process. */
  context(ctx: EngineProcessContext): EngineContext;
}

export function processEngine(options: { metrics?: GaugeRegistry } = {}): ProcessEngine {
  let running: RunningEngine | undefined;
  let httpOnly: EngineContext | undefined;
  return {
    async startWorkers(ctx) {
      running = await startEngine({
        db: ctx.db,
        redis: ctx.redisTarget,
        prefix: ctx.config.QUEUE_PREFIX,
        logger: ctx.logger,
        metrics: options.metrics,
      });
      return running;
    },
    context(ctx) {
      if (running !== undefined) return running.context;
      httpOnly ??= createEngineContext({
        db: ctx.db,
        logger: ctx.logger,
        publish: publishToRedis(ctx.redis, ctx.config.QUEUE_PREFIX),
      });
      return httpOnly;
    },
  };
}
