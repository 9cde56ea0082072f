/**
 * A city's days are in its own zone: the anchor listing's last finished day and the chain audit's
 * period follow the zone of each city, never Asia/Shanghai by default.
 */
import { cities, createDatabase } from '@urbangrid/db';
import { createEngineContext } from '@urbangrid/engine';
import { reportTestCase } from '@urbangrid/engine/test-support';
import type { UserActor } from '@urbangrid/platform';
import { createReferenceData } from '@urbangrid/reference';
import { dbTest } from '@urbangrid/test-support';
import { eq, sql } from 'drizzle-orm';
import { describe, expect } from 'vitest';
import { listAnchors } from './anchor-listing.js';
import { runChainAudit } from './chain-audit.js';

const actor = (roles: UserActor['roles'], city: string | null): UserActor => ({
  kind: 'user',
  id: 'u',
  username: 'u',
  displayName: 'u',
  roles,
  city,
  departmentId: null,
  areaCode: null,
  gridCodes: [],
});

// 20:00 UTC on 1 March: 21:00 of 1 March in Berlin, already 04:00 of 2 March in Shanghai.
const now = new Date('2026-03-01T20:00:00Z');

describe('local days of a city in another zone', () => {
  dbTest(
    'the anchor listing ends at the last day the city (or any city of the region) finished',
    async ({ database }) => {
      const { db } = database;
      await db.update(cities).set({ timeZone: 'Europe/Berlin' }).where(eq(cities.code, '1501'));
      const reference = createReferenceData({ db });
      const berlin = await listAnchors(db, reference, undefined, actor(['supervisor'], '1501'), {}, now);
      expect({ from: berlin.from, to: berlin.to }).toEqual({ from: '2026-01-30', to: '2026-02-28' });
      // The region's other city is still in Asia/Shanghai, where 1 March is over.
      const region = await listAnchors(db, reference, undefined, actor(['region_supervisor'], null), {}, now);
      expect(region.to).toBe('2026-03-01');
    },
  );

  dbTest(
    'a region-wide audit of a period counts each city’s cases by its own local days',
    async ({ database }) => {
      const { db } = database;
      await db.update(cities).set({ timeZone: 'Europe/Berlin' }).where(eq(cities.code, '1501'));
      const { case: reported } = await reportTestCase(createEngineContext({ db }));
      expect(reported.city).toBe('1501');
      const owner = createDatabase(database.ownerUrl, { max: 1 });
      try {
        await owner.db.execute(
          sql`update cases set created_at = ${now.toISOString()} where id = ${reported.id}`,
        );
      } finally {
        await owner.close();
      }
      const reference = createReferenceData({ db });
      const region = actor(['region_supervisor'], null);
      const audit = (day: string) => runChainAudit(db, reference, region, { from: day, to: day });
      expect((await audit('2026-03-01')).casesChecked).toBe(1);
      expect((await audit('2026-03-02')).casesChecked).toBe(0);
      const city = await runChainAudit(db, reference, region, {
        city: '1501',
        from: '2026-03-01',
        to: '2026-03-01',
      });
      expect(city).toMatchObject({ casesChecked: 1, ok: true });
    },
  );
});
