/**
 * The publication schedule: a BullMQ job scheduler (`upsertJobScheduler`) on the queue map's
 * `publication` queue fires every hour and a worker freezes each city's finished local days
 * (local-midnights.ts).
 * Upserting the scheduler is idempotent, so every process may start it; BullMQ runs each firing once.
 */
import type { Db } from '@urbangrid/db';
import { createQueueWorker, openQueue, parsePayload, type StageQueue } from '@urbangrid/engine';
import { connectionTrouble, connectRedis, type RedisTarget } from '@urbangrid/redis';
import type { Worker } from 'bullmq';
import { afterEveryLocalMidnight } from '../local-midnights.js';
import { publishFinishedDays } from './publish-days.js';

export const publicationSchedulerId = 'daily-publication';

export interface PublicationScheduler {
  queue: StageQueue<'publication'>;
  /** Resolves once the scheduler is upserted: at once, or when Redis is back if it is away. */
  scheduled: Promise<void>;
  worker: Worker;
  stop(): Promise<void>;
}

export async function startPublicationScheduler(options: {
  db: Db;
  /** Where Redis is: one server or a cluster. */
  redis: RedisTarget;
  prefix: string;
  /** Cron pattern, counted in UTC; default five past every hour (local-midnights.ts). */
  pattern?: string;
  now?: () => Date;
  logger?: {
    info(o: object, m: string): void;
    warn(o: object, m: string): void;
    error(o: object, m: string): void;
  };
}): Promise<PublicationScheduler> {
  // An 'error' without a listener would print a stack trace for each reconnect attempt.
  const trouble = options.logger ? connectionTrouble('publication', options.logger) : null;
  const onError = (error: unknown) => trouble?.error(error);
  const connection = connectRedis(options.redis, { maxRetriesPerRequest: null });
  const workerConnection = connectRedis(options.redis, { maxRetriesPerRequest: null });
  connection.on('error', onError);
  workerConnection.on('error', onError);
  const queue = openQueue('publication', { connection, prefix: options.prefix });
  queue.on('error', onError);
  // Not awaited by the start: with Redis away it waits (no retry limit) until Redis is back.
  const scheduled = queue
    .upsertJobScheduler(publicationSchedulerId, afterEveryLocalMidnight(options.pattern ?? '5 * * * *'), {
      name: 'publish-finished-days',
      data: parsePayload('publication', {}),
      opts: { removeOnComplete: 100, removeOnFail: 100 },
    })
    .then(
      () => undefined,
      (error: unknown) => options.logger?.error({ err: error }, 'publication: the schedule was not set'),
    );
  const worker = createQueueWorker(
    'publication',
    async () => {
      const published = await publishFinishedDays(options.db, options.now?.() ?? new Date());
      options.logger?.info({ published: published.length }, 'rollup days published');
      return { published };
    },
    { connection: workerConnection, prefix: options.prefix },
  );
  worker.on('error', onError);
  worker.on('failed', (job, error) =>
    options.logger?.error({ err: error, jobId: job?.id }, 'publication failed'),
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
