import { setLocalCalendarDay } from '@urbangrid/db';
import { redisTest as test } from '@urbangrid/test-support';
import { describe, expect } from 'vitest';
import { announceReferenceChange, followReferenceChanges, referenceChangeOf } from './reference-changes.js';
import { createReferenceData } from './reference-data.js';

const silent = { warn: () => undefined, debug: () => undefined };

describe('admin changes announced on the live channel', () => {
  test('reach the reference data of every other process within seconds', async ({ database, redis }) => {
    const channel = `${redis.prefix}:live`;
    // Two processes: each its own reference data, its own subscriber, a TTL far away.
    const processes = [0, 1].map(() => createReferenceData({ db: database.db, ttlMs: 3_600_000 }));
    const followers = processes.map((reference) =>
      followReferenceChanges(reference, redis.client.duplicate(), channel, silent),
    );
    try {
      await Promise.all(followers.map((follower) => follower.ready));
      for (const reference of processes) {
        expect((await reference.calendar('1501', 'office')).holidays).not.toContain('2026-03-02');
      }
      // The first process makes the change and announces it.
      await setLocalCalendarDay(database.db, '1501', {
        day: '2026-03-02',
        kind: 'holiday',
        name: '地方节日',
      });
      await announceReferenceChange(redis.client, channel, { parts: ['calendars'], city: '1501' });
      for (const reference of processes) {
        await expect
          .poll(async () => (await reference.calendar('1501', 'office')).holidays, { timeout: 5_000 })
          .toContain('2026-03-02');
      }
    } finally {
      await Promise.all(followers.map((follower) => follower.stop()));
    }
  });

  test('other messages on the channel are not reference changes', () => {
    expect(referenceChangeOf(JSON.stringify({ type: 'case.changed', caseId: 'x' }))).toBeNull();
    expect(referenceChangeOf('not json')).toBeNull();
    expect(referenceChangeOf(JSON.stringify({ type: 'reference.changed', parts: ['moons'] }))).toBeNull();
    expect(referenceChangeOf(JSON.stringify({ type: 'reference.changed', parts: ['grids'] }))).toEqual({
      type: 'reference.changed',
      parts: ['grids'],
    });
  });
});
