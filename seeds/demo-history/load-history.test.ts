import { recountRollups } from '@urbangrid/db';
import { localDay } from '@urbangrid/domain';
import { verifyChains } from '@urbangrid/engine';
import { dbTest as test } from '@urbangrid/test-support';
import { sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { describe, expect } from 'vitest';
import { loadCityHistory, loadDemoHistory } from './load-history.js';

const now = new Date();
const days = 21;
const yesterday = DateTime.fromISO(localDay(now, 'Asia/Shanghai')).minus({ days: 1 }).toISODate() ?? '';
const firstDay =
  DateTime.fromISO(yesterday)
    .minus({ days: days - 1 })
    .toISODate() ?? '';

describe('the demo history (19.1)', () => {
  test('gives every city weeks of ended cases whose chains verify and whose rollups the recount confirms', async ({
    database,
  }) => {
    const { db } = database;
    const loaded = await loadDemoHistory(db, { now, days });
    expect(loaded.map((city) => city.city).sort()).toEqual(['1501', '1502']);

    const perCity = await db.execute<{
      city: string;
      cases: number;
      ended: number;
      days: number;
      last: string;
    }>(sql`
      select city, count(*)::int as cases,
             count(*) filter (where state in ('closed', 'rejected'))::int as ended,
             count(distinct (created_at at time zone 'Asia/Shanghai')::date)::int as days,
             max(updated_at)::text as last
      from cases group by city order by city`);
    for (const row of perCity.rows) {
      expect(row.ended, `${row.city}: every past case has ended`).toBe(row.cases);
      expect(row.days, `${row.city}: cases on every day`).toBeGreaterThanOrEqual(days - 1);
      expect(new Date(row.last).getTime()).toBeLessThan(now.getTime());
    }
    // A city of more people reports more, and the centres differ in how late their departments are.
    const [hohhot, baotou] = perCity.rows;
    expect(hohhot?.cases).toBeGreaterThan(0);
    expect(hohhot?.cases).not.toBe(baotou?.cases);

    const chains = await verifyChains(db);
    expect(chains.problems).toEqual([]);
    expect(chains.casesChecked).toBe(perCity.rows.reduce((sum, row) => sum + row.cases, 0));

    for (const city of ['1501', '1502']) {
      const recount = await recountRollups(db, { city, fromDay: firstDay, toDay: yesterday });
      const stored = await db.execute<Record<string, unknown>>(sql`
        select day::text as day, dimension, key, received, dispatched, handled, handled_on_time as "handledOnTime",
               overdue, reworks, returns, closed, closed_on_time as "closedOnTime", filed
        from report_rollups where city = ${city} and day between ${firstDay} and ${yesterday}
        order by day, dimension, key`);
      expect(recount.length).toBeGreaterThan(0);
      expect(stored.rows, `${city}: the stored rollups are what the recount counts from the events`).toEqual(
        recount.map((r) => ({
          day: r.day,
          dimension: r.dimension,
          key: r.key,
          received: r.received,
          dispatched: r.dispatched,
          handled: r.handled,
          handledOnTime: r.handledOnTime,
          overdue: r.overdue,
          reworks: r.reworks,
          returns: r.returns,
          closed: r.closed,
          closedOnTime: r.closedOnTime,
          filed: r.filed,
        })),
      );
    }
    const sidePaths = await db.execute<{ command: string; n: number }>(sql`
      select command, count(*)::int as n from case_events
      where command in ('return', 'markOverdue', 'check') group by command order by command`);
    expect(sidePaths.rows.map((row) => row.command)).toEqual(['check', 'markOverdue', 'return']);

    // Loaded once: a second load leaves every city as it is.
    expect(await loadCityHistory(db, '1501', { now, days })).toBeNull();
    const again = await db.execute<{ n: number }>(sql`select count(*)::int as n from cases`);
    expect(again.rows[0]?.n).toBe(chains.casesChecked);
  });
});
