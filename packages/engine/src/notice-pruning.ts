/**
 * Notice retention: a BullMQ job scheduler (`upsertJobScheduler`) on the queue map's `noticePruning`
 * queue fires every night and its worker deletes the notices read more than `retentionDays` ago,
 * in batches, each its own short statement (unread ones stay however old). Upserting the scheduler
 * is idempotent, so every process may start it; a firing that runs twice deletes nothing more, and
 * the bell's counts are kept by the table's triggers whatever is deleted.
 */
import { type Db, pruneReadNotices } from '@urbangrid/db';
import { connectionTrouble, connectRedis, type RedisTarget } from '@urbangrid/redis';
import type { Worker } from 'bullmq';
import type { EngineLogger } from './engine-context.js';
import { createQueueWorker, openQueue, parsePayload, type StageQueue } from './queues.js';

export const noticePruningSchedulerId = 'nightly-notice-pruning';

const dayMs = 24 * 60 * 60 * 1000;

/** Deletes every notice read before `now − retentionDays`, `batchSize` at a time; how many went. */
export async function pruneNotices(
  db: Db,
  options: { retentionDays: number; now: Date; batchSize?: number },
): Promise<number> {
  const readBefore = new Date(options.now.getTime() - options.retentionDays * dayMs);
  const batchSize = options.batchSize ?? 5_000;
  let pruned = 0;
  for (;;) {
    const gone = await pruneReadNotices(db, readBefore, batchSize);
    pruned += gone;
    if (gone < batchSize) return pruned;
  }
}

export interface NoticePruning {
  queue: StageQueue<'noticePruning'>;
  /** Resolves once the scheduler is upserted: at once, or when Redis is back if it is away. */
  scheduled: Promise<void>;
  worker: Worker;
  stop(): Promise<void>;
}

export async function startNoticePruning(options: {
  db: Db;
  redis: RedisTarget;
  prefix: string;
  /** NOTICE_RETENTION_DAYS. */
  retentionDays: number;
  /**
   * Cron pattern, counted in UTC (a region may span zones and no city's day depends on it): by
   * default 19:40, the small hours in China (03:40 at UTC+8); pass another where the region is.
   */
  pattern?: string;
  batchSize?: number;
  now?: () => Date;
  logger?: EngineLogger;
}): Promise<NoticePruning> {
  // An 'error' without a listener would print a stack trace for each reconnect attempt.
  const trouble = options.logger ? connectionTrouble('notice pruning', options.logger) : null;
  const onError = (error: unknown) => trouble?.error(error);
  const connection = connectRedis(options.redis, { maxRetriesPerRequest: null });
  const workerConnection = connectRedis(options.redis, { maxRetriesPerRequest: null });
  connection.on('error', onError);
  workerConnection.on('error', onError);
  const queue = openQueue('noticePruning', { connection, prefix: options.prefix });
  queue.on('error', onError);
  // Not awaited by the start: with Redis away it waits (no retry limit) until Redis is back.
  const scheduled = queue
    .upsertJobScheduler(
      noticePruningSchedulerId,
      { pattern: options.pattern ?? '40 19 * * *', tz: 'UTC' },
      {
        name: 'prune-read-notices',
        data: parsePayload('noticePruning', {}),
        opts: { removeOnComplete: 100, removeOnFail: 100 },
      },
    )
    .then(
      () => undefined,
      (error: unknown) => options.logger?.error({ err: error }, 'notice pruning: the schedule was not set'),
    );
  const worker = createQueueWorker(
    'noticePruning',
    async () => {
      const pruned = await pruneNotices(options.db, {
        retentionDays: options.retentionDays,
        now: options.now?.() ?? new Date(),
        batchSize: options.batchSize,
      });
      options.logger?.info({ pruned, retentionDays: options.retentionDays }, 'read notices pruned');
      return { pruned };
    },
    { connection: workerConnection, prefix: options.prefix },
  );
  worker.on('error', onError);
  worker.on('failed', (job, error) =>
    options.logger?.error({ err: error, jobId: job?.id }, 'notice pruning failed'),
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
