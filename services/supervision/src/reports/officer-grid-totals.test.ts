/**
 * The officers' evaluation sums each officer's grids in SQL (listOfficersWithGridTotals): the same
 * totals as the grid rollups summed per grid and then over each officer's grids, for published days
 * (their frozen copy) and today's recount, in a district and city-wide.
 */
import {
  listOfficersWithGridTotals,
  publishRollupDay,
  type RollupCounts,
  reportRollups,
  rollupMetrics,
  sumPublishedRollups,
  sumRollups,
  zeroRollupCounts,
} from '@urbangrid/db';
import { dbTest as test } from '@urbangrid/test-support';
import { sql } from 'drizzle-orm';
import { describe, expect } from 'vitest';
import { evaluationReport } from './evaluation-report.js';

const city = '1501';
const period = { fromDay: '2026-03-01', toDay: '2026-03-10' };

describe('officers over their grids', () => {
  test('sums each officer’s grids exactly as the grid rollups do, frozen and live, in a district and city-wide', async ({
    database,
  }) => {
    const db = database.db;
    const pairs = (
      await db.execute<{ username: string; grid: string }>(sql`
        select u.username, og.grid_code as grid from officer_grids og join users u on u.id = og.officer_id
        where u.city = ${city} and u.active and 'grid_officer' = any(u.roles) order by 1, 2`)
    ).rows;
    // Grids of every officer (one in forty of the city's), counts on a third of them each day.
    const grids = [...new Set(pairs.map((p) => p.grid))].filter((_, i) => i % 40 === 0);
    expect(grids.length).toBeGreaterThan(20);
    let n = 0;
    for (let day = 1; day <= 10; day++) {
      const rows = grids
        .filter((_, i) => (i + day) % 3 === 0)
        .map((key) => ({
          city,
          day: `2026-03-${String(day).padStart(2, '0')}`,
          dimension: 'grid',
          key,
          filed: (n++ % 7) + 1,
          publicFiled: n % 3,
          received: n % 5,
        }));
      await db.insert(reportRollups).values(rows);
    }
    for (const day of ['2026-03-02', '2026-03-03']) {
      expect(await publishRollupDay(db, { city, day, publishedAt: new Date() })).not.toBeNull();
    }
    // A late event of a published day: today's recount moves, the frozen copy does not.
    await db.execute(sql`update report_rollups set filed = filed + 5, public_filed = public_filed + 2
      where city = ${city} and day = '2026-03-02' and dimension = 'grid'`);

    for (const frozen of [true, false]) {
      const perGrid = new Map(
        (frozen
          ? await sumPublishedRollups(db, { city, dimension: 'grid', ...period })
          : await sumRollups(db, { city, dimension: 'grid', ...period })
        ).map(({ key, ...counts }) => [key, counts]),
      );
      const expected = new Map<string, RollupCounts>();
      for (const { username, grid } of pairs) {
        const sum = expected.get(username) ?? zeroRollupCounts();
        const add = perGrid.get(grid) ?? zeroRollupCounts();
        for (const metric of rollupMetrics) sum[metric] += add[metric];
        expected.set(username, sum);
      }
      const rows = await listOfficersWithGridTotals(db, { city, ...period, frozen });
      expect(rows.map((row) => row.username)).toEqual([...expected.keys()].sort());
      for (const { username, displayName, ...counts } of rows) {
        expect(displayName).toEqual(expect.any(String));
        expect(counts, `${username} (frozen: ${frozen})`).toEqual(
          expected.get(username) ?? zeroRollupCounts(),
        );
      }
      expect(rows.some((row) => row.filed > 0)).toBe(true);

      // A district: its officers only (any grid there), each with all of their grids' counts.
      const district = pairs[0]?.grid.slice(0, 6) ?? '';
      const inDistrict = await listOfficersWithGridTotals(db, {
        city,
        ...period,
        frozen,
        districtCode: district,
      });
      const officersThere = new Set(pairs.filter((p) => p.grid.startsWith(district)).map((p) => p.username));
      expect(inDistrict.map((row) => row.username)).toEqual([...officersThere].sort());
      for (const { username, displayName: _, ...counts } of inDistrict)
        expect(counts).toEqual(expected.get(username));
    }

    // The report: the published ranking from the frozen counts, today's recount beside it.
    const report = await evaluationReport(
      db,
      { city, districtCode: null },
      { from: period.fromDay, to: period.toDay, subject: 'officer' },
    );
    expect(report.publishedDays).toBe(2);
    expect(report.rows.some((row) => row.recount !== null)).toBe(true);
  });
});
