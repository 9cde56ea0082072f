import { listPublications, publishedRollups, reportRollups } from '@urbangrid/db';
import { redisTest } from '@urbangrid/test-support';
import { eq } from 'drizzle-orm';
import { describe, expect } from 'vitest';
import { publicationSchedulerId, startPublicationScheduler } from './publication-queue.js';
import { catchUpDays, publishFinishedDays } from './publish-days.js';

describe('daily publication', () => {
  redisTest('freezes finished days once, including an empty one, and never today', async ({ database }) => {
    const { db } = database;
    await db
      .insert(reportRollups)
      .values({ city: '1501', day: '2026-03-01', dimension: 'district', key: '150102', received: 3 });
    const now = new Date('2026-03-02T00:10:00+08:00');
    const first = await publishFinishedDays(db, now);
    const hohhot = first.filter((row) => row.city === '1501');
    expect(hohhot).toHaveLength(catchUpDays);
    expect(hohhot.find((row) => row.day === '2026-03-01')).toMatchObject({ rowCount: 1 });
    expect(hohhot.some((row) => row.day === '2026-03-02')).toBe(false);
    // Running again publishes nothing; a later change to the live rollups leaves the copy alone.
    expect(await publishFinishedDays(db, now)).toEqual([]);
    await db.update(reportRollups).set({ received: 7 }).where(eq(reportRollups.day, '2026-03-01'));
    const frozen = await db.select().from(publishedRollups).where(eq(publishedRollups.day, '2026-03-01'));
    expect(frozen.map((row) => row.received)).toEqual([3]);
    expect(
      await listPublications(db, { city: '1501', fromDay: '2026-03-01', toDay: '2026-03-01' }),
    ).toHaveLength(1);
  });

  redisTest(
    'the schedule is one BullMQ job scheduler, upserted idempotently',
    async ({ database, redis }) => {
      const options = { db: database.db, redis: redis.target, prefix: redis.prefix };
      const a = await startPublicationScheduler(options);
      await a.scheduled;
      const b = await startPublicationScheduler({ ...options, pattern: '15 0 * * *' });
      await b.scheduled;
      const schedulers = await a.queue.getJobSchedulers();
      expect(schedulers).toEqual([
        expect.objectContaining({ key: publicationSchedulerId, pattern: '15 0 * * *' }),
      ]);
      await a.stop();
      await b.stop();
    },
  );
});
