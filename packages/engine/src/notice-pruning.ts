/**
 * Notice retention: a BullMQ job scheduler (`upsertJobScheduler`) on the queue map's `noticePruning`
 * queue fires every night and its worker deletes the notices read more than `retentionDays` ago,
 * in batches, each its own short statement (unread ones stay however old). Upserting the scheduler
 * is idempotent, so every process may start it; a firing that runs twice deletes nothing more, and
 * the bell's counts are kept by the table's triggers whatever is deleted.
 */
import { type Db, pruneReadNotices } from '@urbangrid/db';
import { type ScheduledQueue, type ScheduleOptions, startScheduledQueue } from './scheduled-queue.js';

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

export type NoticePruning = ScheduledQueue<'noticePruning'>;

export async function startNoticePruning(
  options: ScheduleOptions & {
    db: Db;
    /** NOTICE_RETENTION_DAYS. */
    retentionDays: number;
    batchSize?: number;
    now?: () => Date;
  },
): Promise<NoticePruning> {
  return startScheduledQueue(
    'noticePruning',
    {
      schedulerId: noticePruningSchedulerId,
      jobName: 'prune-read-notices',
      // 19:40 UTC, the small hours in China (03:40 at UTC+8); a deployment elsewhere passes its own.
      pattern: '40 19 * * *',
      async run() {
        const pruned = await pruneNotices(options.db, {
          retentionDays: options.retentionDays,
          now: options.now?.() ?? new Date(),
          batchSize: options.batchSize,
        });
        options.logger?.info({ pruned, retentionDays: options.retentionDays }, 'read notices pruned');
        return { pruned };
      },
    },
    options,
  );
}
