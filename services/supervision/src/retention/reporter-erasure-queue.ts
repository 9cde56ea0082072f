/**
 * The reporter-data retention schedule: the queue map's `reporterErasure` queue fires every night
 * (packages/engine scheduled-queue.ts) and its worker erases the reporter data of cases ended longer ago than
 * REPORTER_DATA_RETENTION_DAYS. A run repeated, or two at once, erase each case once.
 */
import type { Db } from '@urbangrid/db';
import { type ScheduledQueue, type ScheduleOptions, startScheduledQueue } from '@urbangrid/engine';
import { eraseExpiredReporterData } from './erase-reporter-data.js';

export const reporterErasureSchedulerId = 'daily-reporter-erasure';

export type ReporterErasureScheduler = ScheduledQueue<'reporterErasure'>;

export async function startReporterErasureScheduler(
  options: ScheduleOptions & { db: Db; retentionDays: number; batchSize?: number; now?: () => Date },
): Promise<ReporterErasureScheduler> {
  return startScheduledQueue(
    'reporterErasure',
    {
      schedulerId: reporterErasureSchedulerId,
      jobName: 'erase-expired-reporter-data',
      // 19:20 UTC, the small hours in China (03:20 at UTC+8); it counts instants, not local days.
      pattern: '20 19 * * *',
      async run() {
        const run = await eraseExpiredReporterData(options.db, {
          retentionDays: options.retentionDays,
          now: options.now?.() ?? new Date(),
          batchSize: options.batchSize,
        });
        options.logger?.info(
          { erased: run.erased, endedBefore: run.endedBefore.toISOString() },
          'reporter data past its retention erased',
        );
        return { erased: run.erased, endedBefore: run.endedBefore.toISOString() };
      },
    },
    options,
  );
}
