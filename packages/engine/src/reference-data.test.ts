import { createDatabase } from '@urbangrid/db';
import { describe, expect } from 'vitest';
import { dbTest as test } from '../../../test/support/fixtures.js';
import { applyCommand } from './apply-command.js';
import { createEngineContext } from './engine-context.js';
import { createReferenceData } from './reference-data.js';
import { reportTestCase, staff } from './test-support/index.js';

describe('reference data under load', () => {
  test('a pool full of commands never waits on reference data: cold and expired caches alike', async ({
    database,
  }) => {
    // Two connections and reference data that expires at once: every command of the burst finds
    // the cache cold (first round) or expired (second round) while the pool is taken by the others.
    const small = createDatabase(database.url, { max: 2 });
    try {
      const context = createEngineContext({
        db: small.db,
        reference: createReferenceData({ db: small.db, ttlMs: 0 }),
      });
      for (let round = 0; round < 2; round++) {
        const reports = await Promise.all(Array.from({ length: 8 }, () => reportTestCase(context)));
        expect(new Set(reports.map((r) => r.case.caseNo)).size).toBe(8);
        const rejected = await Promise.all(
          reports.map((r) =>
            applyCommand(context, {
              caseId: r.case.id,
              command: { type: 'reject', reason: 'duplicate of an earlier call' },
              actor: staff.shiftLead,
            }),
          ),
        );
        expect(rejected.map((r) => r.case.state)).toEqual(Array(8).fill('rejected'));
      }
    } finally {
      await small.close();
    }
  });

  test('an expired value is served at once and refreshed in the background', async ({ database }) => {
    let now = 0;
    const reference = createReferenceData({ db: database.db, ttlMs: 1_000, clock: () => now });
    const before = await reference.category('E0101');
    expect(before?.active).toBe(true);
    await database.db.execute("update categories set active = false where code = 'E0101'");
    now = 5_000;
    // Expired: the stale value answers, the refresh starts.
    expect((await reference.category('E0101'))?.active).toBe(true);
    await expect.poll(async () => (await reference.category('E0101'))?.active).toBe(false);
  });
});
