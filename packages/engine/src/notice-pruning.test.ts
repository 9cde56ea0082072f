/**
 * The bell's unread count is kept, not counted (issue 20): it stays equal to the unread notices
 * through new notices (replays included), reads of some or all, concurrent writers and the nightly
 * pruning, which deletes read notices past their retention in batches, keeps every unread one and
 * deletes nothing more when run twice.
 */
import { countUnreadNotices, markNoticesRead, notices, storeNotice } from '@urbangrid/db';
import { redisTest } from '@urbangrid/test-support';
import { and, count, eq, isNull } from 'drizzle-orm';
import { describe, expect } from 'vitest';
import { noticePruningSchedulerId, pruneNotices, startNoticePruning } from './notice-pruning.js';

const day = 24 * 60 * 60 * 1000;
const now = new Date(Date.UTC(2026, 5, 1, 12));
const daysAgo = (n: number) => new Date(now.getTime() - n * day);

describe('notice retention and the kept unread count', () => {
  const store = (db: Parameters<typeof storeNotice>[0], id: string, recipients: string[], at = now) =>
    storeNotice(db, {
      id,
      city: '1501',
      caseId: null,
      caseNo: null,
      audience: 'dispatcher',
      event: 'calendar.ending',
      departmentId: null,
      at,
      recipients,
    });

  redisTest('the count follows new, replayed, read and pruned notices', async ({ database }) => {
    const { db } = database;
    const counted = async (who: string) => {
      const [row] = await db
        .select({ n: count() })
        .from(notices)
        .where(and(eq(notices.recipient, who), isNull(notices.readAt)));
      return row?.n ?? 0;
    };
    const agrees = async (who: string, expected: number) => {
      expect(await countUnreadNotices(db, who)).toBe(expected);
      expect(await counted(who)).toBe(expected);
    };

    for (let n = 0; n < 10; n++) await store(db, `old-${n}`, ['ann', 'bob'], daysAgo(60));
    await store(db, 'old-0', ['ann', 'bob'], daysAgo(60)); // a replayed job adds nothing
    await agrees('ann', 10);
    await agrees('bob', 10);

    // Concurrent writers and readers of the same people.
    await Promise.all([
      ...Array.from({ length: 20 }, (_, n) => store(db, `new-${n}`, ['ann', 'bob', 'cy'])),
      markNoticesRead(db, 'ann', ['old-0', 'old-1', 'old-2', 'no-such-notice'], daysAgo(40)),
      markNoticesRead(db, 'bob', 'all', daysAgo(45)),
    ]);
    await agrees('cy', 20);
    await agrees('ann', 27);
    expect(await countUnreadNotices(db, 'bob')).toBe(await counted('bob'));
    await markNoticesRead(db, 'ann', ['old-0'], now); // read already: no change
    await agrees('ann', 27);

    // Read 40 and 45 days ago, kept 30: those go, 3 at a time; unread ones stay however old.
    const before = await db.select({ n: count() }).from(notices);
    const pruned = await pruneNotices(db, { retentionDays: 30, now, batchSize: 3 });
    const bobRead = 10 + 20 - (await counted('bob'));
    expect(pruned).toBeGreaterThanOrEqual(3 + 10);
    expect(pruned).toBeLessThanOrEqual(3 + bobRead);
    const after = await db.select({ n: count() }).from(notices);
    expect((after[0]?.n ?? 0) + pruned).toBe(before[0]?.n ?? 0);
    await agrees('ann', 27);
    await agrees('cy', 20);
    expect(await countUnreadNotices(db, 'bob')).toBe(await counted('bob'));
    expect(await pruneNotices(db, { retentionDays: 30, now, batchSize: 3 })).toBe(0);

    // Read today: kept until the retention has passed.
    await markNoticesRead(db, 'cy', 'all', now);
    await agrees('cy', 0);
    expect(await pruneNotices(db, { retentionDays: 30, now })).toBe(0);
    expect(await pruneNotices(db, { retentionDays: 30, now: new Date(now.getTime() + 31 * day) })).toBe(20);
    await agrees('cy', 0);
    await store(db, 'later', ['cy']);
    await agrees('cy', 1);
  });

  redisTest(
    'the nightly schedule is set once however many processes start it',
    async ({ database, redis }) => {
      const start = () =>
        startNoticePruning({ db: database.db, redis: redis.target, prefix: redis.prefix, retentionDays: 30 });
      const first = await start();
      const second = await start();
      try {
        await Promise.all([first.scheduled, second.scheduled]);
        const schedulers = await first.queue.getJobSchedulers();
        expect(schedulers.map((s) => s.key)).toEqual([noticePruningSchedulerId]);
        expect(schedulers[0]).toMatchObject({ pattern: '40 19 * * *', tz: 'UTC' });
      } finally {
        await Promise.all([first.stop(), second.stop()]);
      }
    },
  );
});
