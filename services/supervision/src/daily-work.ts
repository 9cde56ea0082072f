/**
 * The supervision's nightly work beside a process's engine workers, each on its own BullMQ job
 * scheduler: the publication of the finished days (每日公布), the signed anchors of the chain heads
 * (where a signing key is) and the erasure of reporter data past its retention period.
 */
import type { ProcessContext } from '@urbangrid/platform';
import { startDailyAnchors } from './audit/audit-keys-of-process.js';
import { startPublicationScheduler } from './publication/publication-queue.js';
import { startReporterErasureScheduler } from './retention/reporter-erasure-queue.js';

export async function startDailyWork(ctx: ProcessContext): Promise<{ stop(): Promise<void> }> {
  const where = { db: ctx.db, redis: ctx.redisTarget, prefix: ctx.config.QUEUE_PREFIX, logger: ctx.logger };
  const publication = await startPublicationScheduler(where);
  const anchors = await startDailyAnchors(ctx);
  const erasure = await startReporterErasureScheduler({
    ...where,
    retentionDays: ctx.config.REPORTER_DATA_RETENTION_DAYS,
  });
  return {
    async stop() {
      await erasure.stop();
      await anchors?.stop();
      await publication.stop();
    },
  };
}
