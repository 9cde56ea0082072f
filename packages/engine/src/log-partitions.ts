/**
 * The event log and the outbox are partitioned by month (migration 0030): every night a BullMQ job
 * scheduler on the queue map's `logPartitions` queue makes this month's and the next three months'
 * partitions that are missing (`urbangrid_add_month_partitions`, which the owner made SECURITY
 * DEFINER so the app's role may call it without creating tables). Every process that runs workers
 * also calls it when it starts. Idempotent: a month made already is left alone.
 */
import { addMonthPartitions, type Db } from '@urbangrid/db';
import { type ScheduledQueue, type ScheduleOptions, startScheduledQueue } from './scheduled-queue.js';

export const logPartitionsSchedulerId = 'nightly-log-partitions';

export type LogPartitions = ScheduledQueue<'logPartitions'>;

export async function startLogPartitions(options: ScheduleOptions & { db: Db }): Promise<LogPartitions> {
  const made = await addMonthPartitions(options.db);
  if (made > 0) options.logger?.info({ made }, 'partitions of the coming months made');
  return startScheduledQueue(
    'logPartitions',
    {
      schedulerId: logPartitionsSchedulerId,
      jobName: 'add-month-partitions',
      pattern: '50 19 * * *',
      async run() {
        const partitions = await addMonthPartitions(options.db);
        options.logger?.info({ made: partitions }, 'partitions of the coming months checked');
        return { made: partitions };
      },
    },
    options,
  );
}
