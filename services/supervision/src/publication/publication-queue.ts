/**
 * The publication schedule: the queue map's `publication` queue fires every hour (packages/engine
 * scheduled-queue.ts) and its worker freezes each city's finished local days (local-midnights.ts)
 * and the region's rankings whose reporting window has closed (region/ranking-publication.ts).
 */
import type { Db } from '@urbangrid/db';
import { type ScheduledQueue, type ScheduleOptions, startScheduledQueue } from '@urbangrid/engine';
import { afterEveryLocalMidnight } from '../local-midnights.js';
import { publishClosedRankings } from '../region/ranking-publication.js';
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
        const now = options.now?.() ?? new Date();
        const published = await publishFinishedDays(options.db, now);
        options.logger?.info({ published: published.length }, 'rollup days published');
        // The region's monthly and quarterly rankings whose reporting window has closed (排名通报).
        const rankings = await publishClosedRankings(options.db, now);
        if (rankings.length > 0) options.logger?.info({ rankings }, 'region rankings published');
        return { published, rankings };
      },
    },
    options,
  );
}
