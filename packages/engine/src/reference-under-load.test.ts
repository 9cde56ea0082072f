import { createDatabase } from '@urbangrid/db';
import { createReferenceData } from '@urbangrid/reference';
import { dbTest as test } from '@urbangrid/test-support';
import { describe, expect } from 'vitest';
import { applyCommand } from './apply-command.js';
import { createEngineContext } from './engine-context.js';
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
});
