/**
 * The publication schedule: the queue map's `publication` queue fires every hour (packages/engine
 * scheduled-queue.ts) and its worker freezes each city's finished local days (local-midnights.ts).
 */
import type { Db } from '@urbangrid/db';
import { type ScheduledQueue, type ScheduleOptions, startScheduledQueue } from '@urbangrid/engine';
import { afterEveryLocalMidnight } from '../local-midnights.js';
import { publishFinishedDays } from './publish-days.js';

export const publicationSchedulerId = 'daily-publication';

export type PublicationScheduler = ScheduledQueue<'publication'>;

export async function startPublicationScheduler(
  options: ScheduleOptions & { db: Db; now?: () => Date },
): Promise<PublicationScheduler> {
  return startScheduledQueue(
    'publication',
    {
      schedulerId: publicationSchedulerId,
      jobName: 'publish-finished-days',
      // Five past every hour: each city's finished days within the hour after its midnight.
      pattern: afterEveryLocalMidnight('5 * * * *').pattern,
      async run() {
        const published = await publishFinishedDays(options.db, options.now?.() ?? new Date());
        options.logger?.info({ published: published.length }, 'rollup days published');
        return { published };
      },
    },
    options,
  );
}
