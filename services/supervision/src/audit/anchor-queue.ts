/**
 * The anchor schedule: a BullMQ job scheduler fires every hour (after the publication) and a worker
 * signs the chain heads of each city's finished local days (local-midnights.ts). Upserting the
 * scheduler is idempotent, so every worker process may start it; a job that runs twice writes the
 * same files.
 */
import type { Db } from '@urbangrid/db';
import { type AuditKeys, queueHashTag } from '@urbangrid/engine';
import { connectionTrouble, connectRedis, type RedisTarget } from '@urbangrid/redis';
import { Queue, Worker } from 'bullmq';
import { afterEveryLocalMidnight } from '../local-midnights.js';
import { anchorFinishedDays } from './anchor-days.js';

export const anchorQueueName = `${queueHashTag}.anchors`;
export const anchorSchedulerId = 'daily-chain-anchors';

export interface AnchorScheduler {
  queue: Queue;
  /** Resolves once the scheduler is upserted: at once, or when Redis is back if it is away. */
  scheduled: Promise<void>;
  worker: Worker;
  stop(): Promise<void>;
}

export async function startAnchorScheduler(options: {
  db: Db;
  keys: AuditKeys;
  /** ANCHOR_DIR: where the signed anchors are kept. */
  dir: string;
  redis: RedisTarget;
  prefix: string;
  /** Cron pattern, counted in UTC; default twenty past every hour (local-midnights.ts). */
  pattern?: string;
  now?: () => Date;
  logger?: {
    info(o: object, m: string): void;
    warn(o: object, m: string): void;
    error(o: object, m: string): void;
  };
}): Promise<AnchorScheduler> {
  const connection = connectRedis(options.redis, { maxRetriesPerRequest: null });
  const workerConnection = connectRedis(options.redis, { maxRetriesPerRequest: null });
  // An 'error' without a listener would print a stack trace for each reconnect attempt.
  const trouble = options.logger ? connectionTrouble('anchors', options.logger) : null;
  const onError = (error: unknown) => trouble?.error(error);
  connection.on('error', onError);
  workerConnection.on('error', onError);
  const queue = new Queue(anchorQueueName, { connection, prefix: options.prefix });
  queue.on('error', onError);
  // Not awaited by the start: with Redis away it waits (no retry limit) until Redis is back.
  const scheduled = queue
    .upsertJobScheduler(anchorSchedulerId, afterEveryLocalMidnight(options.pattern ?? '20 * * * *'), {
      name: 'anchor-finished-days',
      data: {},
      opts: { removeOnComplete: 100, removeOnFail: 100 },
    })
    .then(
      () => undefined,
      (error: unknown) => options.logger?.error({ err: error }, 'anchors: the schedule was not set'),
    );
  const worker = new Worker(
    anchorQueueName,
    async () => {
      const run = await anchorFinishedDays(options.db, {
        keys: options.keys,
        dir: options.dir,
        now: options.now?.() ?? new Date(),
      });
      options.logger?.info({ written: run.written.length, unchanged: run.unchanged }, 'chain heads anchored');
      if (run.differs.length > 0) {
        options.logger?.error(
          { days: run.differs },
          'case histories differ from their signed anchors: run npm run audit:verify',
        );
      }
      return { written: run.written.length, unchanged: run.unchanged, differs: run.differs };
    },
    { connection: workerConnection, prefix: options.prefix },
  );
  worker.on('error', onError);
  worker.on('failed', (job, error) =>
    options.logger?.error({ err: error, jobId: job?.id }, 'anchoring failed'),
  );
  return {
    queue,
    scheduled,
    worker,
    async stop() {
      await worker.close();
      await queue.close();
      connection.disconnect();
      workerConnection.disconnect();
    },
  };
}
