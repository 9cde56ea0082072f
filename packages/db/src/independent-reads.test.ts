/**
 * Reads that do not depend on each other run side by side on the pool and one after the other on a
 * transaction: a connection runs one query at a time (pg@9 refuses a second, pg@8 warns). The
 * repository functions that read in parallel keep to that inside a transaction.
 */
import { dbTest } from '@urbangrid/test-support';
import { watchConnectionOverlaps } from '@urbangrid/test-support/connection-overlaps';
import { sql } from 'drizzle-orm';
import { describe, expect } from 'vitest';
import { independentReads, onOneConnection } from './independent-reads.js';
import { listAdminChanges } from './repositories/admin-audit.js';
import { findCaseNames } from './repositories/case-place-names.js';
import { listCasesByDeadline, listCasesInScope } from './repositories/case-queries.js';
import { departmentDependants } from './repositories/departments.js';
import { listPhoneAccesses } from './repositories/phone-access.js';
import { sumPublishedRollups } from './repositories/publications.js';
import { listWebhookDeliveries } from './repositories/webhook-deliveries.js';

describe('independent reads', () => {
  dbTest('run side by side on the pool, one after the other in a transaction', async ({ database }) => {
    const order: string[] = [];
    const read = (name: string) => async () => {
      order.push(`${name} starts`);
      await database.pool.query('select 1');
      order.push(`${name} ends`);
      return name;
    };
    expect(onOneConnection(database.db)).toBe(false);
    expect(await independentReads(database.db, [read('a'), read('b')])).toEqual(['a', 'b']);
    expect(order.slice(0, 2)).toEqual(['a starts', 'b starts']);
    order.length = 0;
    await database.db.transaction(async (tx) => {
      expect(onOneConnection(tx)).toBe(true);
      expect(await independentReads(tx, [read('a'), read('b')])).toEqual(['a', 'b']);
    });
    expect(order).toEqual(['a starts', 'a ends', 'b starts', 'b ends']);
  });

  dbTest('the repository reads send no query over another inside a transaction', async ({ database }) => {
    const watch = watchConnectionOverlaps();
    try {
      await database.db.transaction(async (tx) => {
        await tx.execute(sql`select 1`);
        const scope = { kind: 'city', city: '1501' } as const;
        await departmentDependants(tx, 'dept-1501-enforcement');
        await findCaseNames(tx, {
          usernames: ['admin'],
          gridCode: '150102001001001',
          districtCode: '150102',
        });
        await listCasesInScope(tx, scope, {}, { limit: 5, offset: 0 });
        await listCasesInScope(tx, scope, {}, { limit: 5, offset: 5 });
        await listCasesByDeadline(tx, scope, {}, 5);
        await listPhoneAccesses(tx, { cities: ['1501'], limit: 5, offset: 0 });
        await listAdminChanges(tx, { cities: ['1501'], limit: 5, offset: 0 });
        await listWebhookDeliveries(tx, '00000000-0000-4000-8000-000000000000', { limit: 5, offset: 0 });
        await sumPublishedRollups(tx, {
          city: '1501',
          dimension: 'grid',
          fromDay: '2026-11-01',
          toDay: '2026-11-30',
        });
      });
    } finally {
      watch.stop();
    }
    expect(watch.overlapping).toEqual([]);
    expect(watch.warnings).toEqual([]);
  });
});
