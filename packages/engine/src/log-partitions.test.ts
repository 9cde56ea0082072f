import { addMonthPartitions, createDatabase, recountRollups } from '@urbangrid/db';
import { dbTest as test } from '@urbangrid/test-support';
import { sql } from 'drizzle-orm';
import { describe, expect } from 'vitest';
import { applyCommand } from './apply-command.js';
import { createEngineContext } from './engine-context.js';
import { verifyCaseChain } from './event-chain.js';
import { reportTestCase, staff } from './test-support/index.js';

/** The partition a case's events and outbox rows landed in, by seq / job. */
async function partitionsOf(
  pool: { query: (q: string, v: unknown[]) => Promise<{ rows: unknown[] }> },
  id: string,
) {
  const events = await pool.query(
    'select seq, tableoid::regclass::text as partition from case_events where case_id = $1 order by seq',
    [id],
  );
  const outbox = await pool.query(
    'select distinct tableoid::regclass::text as partition from outbox where case_id = $1',
    [id],
  );
  return { events: events.rows as Array<{ seq: number; partition: string }>, outbox: outbox.rows };
}

describe('the event log and the outbox, partitioned by month (20.3)', () => {
  test('a case across a month boundary keeps one verifiable chain and one exact recount; a detached month shows as missing', async ({
    database,
  }) => {
    const owner = createDatabase(database.ownerUrl, { max: 1 });
    try {
      // The months of this test (the template made this month and the next three).
      await owner.db.execute(
        sql`select urbangrid_add_month_partition('2026-03-01'), urbangrid_add_month_partition('2026-04-01')`,
      );
      let clock = new Date('2026-03-31T22:00:00Z');
      const context = createEngineContext({ db: database.db, now: () => clock });
      const { case: reported } = await reportTestCase(context, {
        source: 'officer',
        actor: staff.officer('officer1'),
      });
      clock = new Date('2026-04-01T01:00:00Z');
      await applyCommand(context, { caseId: reported.id, command: { type: 'file' }, actor: staff.shiftLead });

      const placed = await partitionsOf(database.pool, reported.id);
      expect(placed.events).toEqual([
        { seq: 1, partition: 'case_events_2026_03' },
        { seq: 2, partition: 'case_events_2026_04' },
      ]);
      // Its follow-up jobs are in the outbox's month of writing (the database's clock).
      const writtenIn = new Date().toISOString().slice(0, 7).replace('-', '_');
      expect(placed.outbox).toEqual([{ partition: `outbox_${writtenIn}` }]);
      expect((await verifyCaseChain(database.db, reported.id)).problems).toEqual([]);
      // The recount reads across the months as the engine counted them (Hohhot: UTC+8, so the
      // report is 1 April local and the filing too).
      const recount = await recountRollups(database.db, {
        city: '1501',
        fromDay: '2026-04-01',
        toDay: '2026-04-01',
      });
      const stored = await database.pool.query(
        `select dimension, key, received, filed from report_rollups
         where city = '1501' and day = '2026-04-01' and (received > 0 or filed > 0) order by dimension, key`,
      );
      expect(
        recount
          .filter((r) => r.received > 0 || r.filed > 0)
          .map((r) => ({
            dimension: r.dimension,
            key: r.key,
            received: r.received,
            filed: r.filed,
          })),
      ).toEqual(stored.rows);

      // Archiving a month (README "Partitions") takes its events out of the log: the verifier
      // names them as missing until the month is attached again.
      await owner.db.execute(sql`alter table case_events detach partition case_events_2026_03`);
      const detached = await verifyCaseChain(database.db, reported.id);
      expect(detached.problems.map((p) => p.kind)).toEqual(['deleted']);
      await owner.db.execute(
        sql`alter table case_events attach partition case_events_2026_03 for values from ('2026-03-01 00:00+00') to ('2026-04-01 00:00+00')`,
      );
      expect((await verifyCaseChain(database.db, reported.id)).problems).toEqual([]);
    } finally {
      await owner.close();
    }
  });

  test("the app's role makes the coming months, once, and may not change or empty any month", async ({
    database,
  }) => {
    // The template made them already; calling again makes nothing.
    expect(await addMonthPartitions(database.db)).toBe(0);
    const months = await database.pool.query<{ name: string }>(
      `select c.relname as name from pg_inherits i join pg_class c on c.oid = i.inhrelid
       join pg_class p on p.oid = i.inhparent where p.relname = 'case_events' order by 1`,
    );
    const thisMonth = new Date().toISOString().slice(0, 7).replace('-', '_');
    expect(months.rows.map((row) => row.name)).toContain(`case_events_${thisMonth}`);
    expect(months.rows.map((row) => row.name)).toContain('case_events_default');
    for (const statement of [
      `delete from case_events_${thisMonth}`,
      `update case_events_${thisMonth} set data = '{}'`,
      `truncate case_events_${thisMonth}`,
      'truncate case_events_default',
      `create table case_events_2099_01 partition of case_events for values from ('2099-01-01') to ('2099-02-01')`,
    ]) {
      await expect(database.pool.query(statement), statement).rejects.toMatchObject({ code: '42501' });
    }
  });
});
