/**
 * Daily work on a queue of the queue map (`scheduledKinds`): a BullMQ job scheduler
 * (`upsertJobScheduler`) fires at a cron pattern and a worker does the run. The pattern is counted
 * in UTC: a region may span zones, so no job assumes one (a job serving cities' days serves each
 * after its own midnight, local-midnights.ts).
 * Upserting the scheduler is idempotent, so every process may start it; BullMQ runs each firing once.
 */
import { connectionTrouble, connectRedis, type RedisTarget } from '@urbangrid/redis';
import type { Worker } from 'bullmq';
import { createQueueWorker, openQueue, parsePayload, type ScheduledKind, type StageQueue } from './queues.js';

export interface ScheduleLogger {
  info(o: object, m: string): void;
  warn(o: object, m: string): void;
  error(o: object, m: string): void;
}

/** Where and when a schedule runs (a process passes its Redis and prefix; tests their own). */
export interface ScheduleOptions {
  /** Where Redis is: one server or a cluster. */
  redis: RedisTarget;
  prefix: string;
  /** Cron pattern, counted in UTC; each schedule has its default. */
  pattern?: string;
  logger?: ScheduleLogger;
}

export interface ScheduledQueue<K extends ScheduledKind> {
  queue: StageQueue<K>;
  /** Resolves once the scheduler is upserted: at once, or when Redis is back if it is away. */
  scheduled: Promise<void>;
  worker: Worker;
  stop(): Promise<void>;
}

export interface ScheduleSpec {
  schedulerId: string;
  jobName: string;
  /** Cron pattern (UTC) when the options name none. */
  pattern: string;
  /** One firing's work; its answer is the job's return value. */
  run(): Promise<unknown>;
}

export function startScheduledQueue<K extends ScheduledKind>(
  kind: K,
  spec: ScheduleSpec,
  options: ScheduleOptions,
): ScheduledQueue<K> {
  // An 'error' without a listener would print a stack trace for each reconnect attempt.
  const trouble = options.logger ? connectionTrouble(kind, options.logger) : null;
  const onError = (error: unknown) => trouble?.error(error);
  const connection = connectRedis(options.redis, { maxRetriesPerRequest: null });
  const workerConnection = connectRedis(options.redis, { maxRetriesPerRequest: null });
  connection.on('error', onError);
  workerConnection.on('error', onError);
  // Every scheduled queue's job carries nothing: typed as the union, its name is a plain string.
  const queue: StageQueue<ScheduledKind> = openQueue(kind, { connection, prefix: options.prefix });
  queue.on('error', onError);
  // Not awaited by the start: with Redis away it waits (no retry limit) until Redis is back.
  const scheduled = queue
    .upsertJobScheduler(
      spec.schedulerId,
      { pattern: options.pattern ?? spec.pattern, tz: 'UTC' },
      {
        name: spec.jobName,
        data: parsePayload(kind, {}),
        opts: { removeOnComplete: 100, removeOnFail: 100 },
      },
    )
    .then(
      () => undefined,
      (error: unknown) => options.logger?.error({ err: error }, `${kind}: the schedule was not set`),
    );
  const worker = createQueueWorker(kind, () => spec.run(), {
    connection: workerConnection,
    prefix: options.prefix,
  });
  worker.on('error', onError);
  worker.on('failed', (job, error) =>
    options.logger?.error({ err: error, jobId: job?.id }, `${kind} failed`),
  );
  return {
    queue: queue as StageQueue<K>,
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
