/**
 * The officers' evaluation reads each officer's grids from their own rollup (dimension
 * officer_grids, officers × days rows), kept by the engine in each command's statement: the same
 * figures as the grid rollups summed over each officer's grids (what the evaluation computed
 * before), for published days (their frozen copy) and today's recount, city-wide and in a district;
 * equal to the full recount of the event log; and a grid handed to another officer takes none of its
 * past with it (the officer who held it when the case was filed keeps it, so a published ranking
 * does not move).
 */
import {
  type CaseRow,
  effectiveEvaluationSettings,
  findCaseById,
  officerGridsDimension,
  officerGridsMetrics,
  publishRollupDay,
  type RollupTotalsRow,
  recountRollups,
  replaceOfficerGrids,
  sumPublishedRollups,
  sumRollups,
  zeroRollupCounts,
} from '@urbangrid/db';
import { type Actor, type CaseCommand, systemActor, userActor } from '@urbangrid/domain';
import { applyCommand, createEngineContext, reportCase } from '@urbangrid/engine';
import { dbTest as test } from '@urbangrid/test-support';
import { sql } from 'drizzle-orm';
import { describe, expect } from 'vitest';
import { officerCounts } from './evaluation-counts.js';
import { evaluate, evaluationConfigOf, evaluationReport } from './evaluation-report.js';

const city = '1501';
const period = { fromDay: '2026-03-02', toDay: '2026-03-03' };
const shiftLead = userActor('shiftlead1', ['shift_lead']);
const operator = userActor('operator1', ['intake_operator']);
const worker = systemActor('test-worker');

type Pair = { id: string; username: string; grid: string };

/** Each officer's grids summed from the grid rollups (what the evaluation read before). */
function overGrids(pairs: readonly Pair[], perGrid: readonly RollupTotalsRow[]) {
  const byGrid = new Map(perGrid.map((row) => [row.key, row]));
  const sums = new Map<string, { filed: number; publicFiled: number }>();
  for (const { username, grid } of pairs) {
    const sum = sums.get(username) ?? { filed: 0, publicFiled: 0 };
    for (const metric of officerGridsMetrics) sum[metric] += byGrid.get(grid)?.[metric] ?? 0;
    sums.set(username, sum);
  }
  return sums;
}

/** The officers' own rollup, as the same map (an officer without a row: zeros). */
function ofOfficers(pairs: readonly Pair[], rows: readonly RollupTotalsRow[]) {
  const byKey = new Map(rows.map((row) => [row.key, row]));
  return new Map(
    [...new Set(pairs.map((p) => p.username))].map((username) => {
      const row = byKey.get(username);
      return [username, { filed: row?.filed ?? 0, publicFiled: row?.publicFiled ?? 0 }];
    }),
  );
}

describe('officers over their grids', () => {
  test('the officers’ rollup equals their grids summed, frozen and live, and the recount; a handed-over grid keeps its past', async ({
    database,
  }) => {
    const db = database.db;
    let clock = new Date('2026-03-02T09:00:00+08:00');
    const engine = createEngineContext({ db, now: () => clock });
    const officerGridPairs = async () =>
      (
        await db.execute<Pair>(sql`
          select u.id, u.username, og.grid_code as grid from officer_grids og join users u on u.id = og.officer_id
          where u.city = ${city} and u.active and 'grid_officer' = any(u.roles) order by u.username, og.grid_code`)
      ).rows;
    // One grid of each of a few officers; the second shared with the third's officer (a grid with
    // two officers counts for both).
    const first = await officerGridPairs();
    const worked = [...new Map(first.map((p) => [p.username, p.grid])).values()].slice(0, 4);
    expect(worked.length).toBe(4);
    const third = first.find((p) => p.grid === worked[2]) as Pair;
    await replaceOfficerGrids(
      db,
      third.id,
      [...first.filter((p) => p.username === third.username).map((p) => p.grid), worked[1] ?? ''],
      clock,
    );
    const pairs = await officerGridPairs();
    const centre = async (grid: string) =>
      (
        await db.execute<{ lat: number; lng: number }>(sql`
          select (min_lat + max_lat) / 2 as lat, (min_lng + max_lng) / 2 as lng from grids where code = ${grid}`)
      ).rows[0] ?? { lat: 0, lng: 0 };

    /** A report worked through the engine up to filing (立案), or self-handled by an officer. */
    async function fileCase(grid: string, source: 'hotline' | 'officer', selfHandled = false): Promise<void> {
      clock = new Date(clock.getTime() + 60_000);
      const reporter = pairs.find((p) => p.grid === grid)?.username ?? 'officer1';
      const created = await reportCase(engine, {
        actor: source === 'officer' ? userActor(reporter, ['grid_officer']) : operator,
        source,
        categoryCode: 'C0101',
        description: 'officer grid totals',
        location: await centre(grid),
        gridCode: grid,
        selfHandled,
      });
      for (let step = 0; step < 5; step += 1) {
        const row = (await findCaseById(db, created.case.id)) as CaseRow;
        const next: { command: CaseCommand; actor: Actor } | null =
          row.state === 'reported'
            ? { command: { type: 'assignVerification', assignee: reporter }, actor: worker }
            : row.state === 'verifying'
              ? { command: { type: 'verify', found: true }, actor: userActor(reporter, ['grid_officer']) }
              : row.state === 'verified'
                ? { command: { type: 'file' }, actor: shiftLead }
                : null;
        if (next === null) break;
        clock = new Date(clock.getTime() + 60_000);
        await applyCommand(engine, { caseId: row.id, ...next });
      }
    }

    // Day one: the public's and the officers' filings in every worked grid, then it is published.
    for (const [n, grid] of worked.entries()) {
      await fileCase(grid, 'hotline');
      await fileCase(grid, 'officer', n % 2 === 0);
    }
    expect(await publishRollupDay(db, { city, day: period.fromDay, publishedAt: clock })).not.toBeNull();
    // A late filing of the published day: today's recount moves, the frozen copy does not.
    await fileCase(worked[0] ?? '', 'hotline');
    // Day two, live.
    clock = new Date('2026-03-03T09:00:00+08:00');
    for (const grid of worked.slice(1)) await fileCase(grid, 'hotline');

    const frozen = {
      grids: await sumPublishedRollups(db, { city, dimension: 'grid', ...period }),
      officers: await sumPublishedRollups(db, { city, dimension: officerGridsDimension, ...period }),
    };
    const live = {
      grids: await sumRollups(db, { city, dimension: 'grid', ...period }),
      officers: await sumRollups(db, { city, dimension: officerGridsDimension, ...period }),
    };
    for (const [name, totals] of Object.entries({ frozen, live })) {
      const expected = overGrids(pairs, totals.grids);
      expect(ofOfficers(pairs, totals.officers), name).toEqual(expected);
      expect([...expected.values()].some((sum) => sum.publicFiled > 0 && sum.filed > sum.publicFiled)).toBe(
        true,
      );
      // No row for anyone but the grids' officers.
      expect(totals.officers.every((row) => expected.has(row.key))).toBe(true);
    }
    // The shared grid's counts went to both its officers (the sums above include it twice).
    expect(pairs.filter((p) => p.grid === worked[1])).toHaveLength(2);
    const firstOfficer = pairs.find((p) => p.grid === worked[0])?.username ?? '';
    const filedOf = (rows: RollupTotalsRow[]) => rows.find((row) => row.key === firstOfficer)?.filed ?? 0;
    expect(filedOf(live.officers)).toBe(filedOf(frozen.officers) + 1);

    // The recount of the event log says the same, day by day.
    const recounted = (await recountRollups(db, { city, ...period })).filter(
      (row) => row.dimension === officerGridsDimension,
    );
    for (const day of [period.fromDay, period.toDay]) {
      const kept = await sumRollups(db, { city, dimension: officerGridsDimension, fromDay: day, toDay: day });
      expect(
        recounted.filter((row) => row.day === day).map(({ day: _, dimension: __, ...row }) => row),
        day,
      ).toEqual(kept.map((row) => ({ ...zeroRollupCounts(), ...row })));
    }

    // The report: the published ranking from the frozen counts, today's recount beside it — each
    // exactly what the officers' grids summed give.
    const ownOf = async (sum: typeof sumRollups) =>
      new Map((await sum(db, { city, dimension: 'officer', ...period })).map((row) => [row.key, row]));
    const config = evaluationConfigOf((await effectiveEvaluationSettings(db, city, period.toDay))?.config);
    const report = await evaluationReport(
      db,
      { city, districtCode: null },
      { from: period.fromDay, to: period.toDay, subject: 'officer' },
    );
    expect(report.publishedDays).toBe(1);
    for (const [sum, totals, pick] of [
      [sumPublishedRollups, frozen, (row: (typeof report.rows)[number]) => row],
      [sumRollups, live, (row: (typeof report.rows)[number]) => row.recount ?? row],
    ] as const) {
      const own = await ownOf(sum);
      const grids = overGrids(pairs, totals.grids);
      const expected = evaluate(
        'officer',
        report.rows.map(({ key, name }) => ({
          key,
          name,
          counts: officerCounts(
            own.get(key) ?? zeroRollupCounts(),
            grids.get(key) ?? { filed: 0, publicFiled: 0 },
          ),
        })),
        config,
      );
      expect(
        report.rows.map((row) => ({ key: row.key, name: row.name, ...pick(row), recount: undefined })),
      ).toEqual(expected.map((row) => ({ ...row, recount: undefined })));
    }
    expect(report.rows.find((row) => row.key === firstOfficer)?.recount).not.toBeNull();

    // A district: its officers only (any grid there).
    const district = worked[0]?.slice(0, 6) ?? '';
    const inDistrict = await evaluationReport(
      db,
      { city, districtCode: district },
      { from: period.fromDay, to: period.toDay, subject: 'officer' },
    );
    const officersThere = new Set(pairs.filter((p) => p.grid.startsWith(district)).map((p) => p.username));
    expect(inDistrict.rows.map((row) => row.key).sort()).toEqual([...officersThere].sort());

    // The first grid handed to another officer: what was filed stays with the officer who held
    // it; what is filed from now on goes to the new one.
    const holder = pairs.find((p) => p.username === firstOfficer) as Pair;
    const successor = pairs.find(
      (p) => !pairs.some((q) => q.grid === worked[0] && q.username === p.username),
    ) as Pair;
    const before = new Map(live.officers.map((row) => [row.key, row.filed]));
    await replaceOfficerGrids(
      db,
      holder.id,
      pairs.filter((p) => p.username === firstOfficer && p.grid !== worked[0]).map((p) => p.grid),
      clock,
    );
    await replaceOfficerGrids(
      db,
      successor.id,
      [...pairs.filter((p) => p.username === successor.username).map((p) => p.grid), worked[0] ?? ''],
      clock,
    );
    await fileCase(worked[0] ?? '', 'hotline');
    const after = new Map(
      (await sumRollups(db, { city, dimension: officerGridsDimension, ...period })).map((row) => [
        row.key,
        row.filed,
      ]),
    );
    expect(after.get(firstOfficer)).toBe(before.get(firstOfficer));
    expect(after.get(successor.username)).toBe((before.get(successor.username) ?? 0) + 1);
    // The recount too: the grid's past stays with who held it then (officer_grid_holdings).
    const recountedAfter = (await recountRollups(db, { city, ...period })).filter(
      (row) => row.dimension === officerGridsDimension,
    );
    const filedRecounted = (key: string) =>
      recountedAfter.filter((row) => row.key === key).reduce((sum, row) => sum + row.filed, 0);
    expect(filedRecounted(firstOfficer)).toBe(after.get(firstOfficer));
    expect(filedRecounted(successor.username)).toBe(after.get(successor.username));

    // Two self-handled reports written together by one statement (a report group) in two grids of
    // one officer: one rollup row for the officer, counted twice.
    clock = new Date('2026-03-04T09:00:00+08:00');
    const day = { fromDay: '2026-03-04', toDay: '2026-03-04' };
    const own = pairs.filter((p) => p.username === firstOfficer && !worked.includes(p.grid)).slice(0, 2);
    const together = createEngineContext({
      db,
      now: () => clock,
      reportGroups: { windowMs: 50, maxSize: 8 },
    });
    const written = await Promise.all(
      own.map(async ({ grid }) =>
        reportCase(together, {
          actor: userActor(firstOfficer, ['grid_officer']),
          source: 'officer',
          categoryCode: 'C0101',
          description: 'officer grid totals, together',
          location: await centre(grid),
          gridCode: grid,
          selfHandled: true,
        }),
      ),
    );
    const transactions = await db.execute<{ n: number }>(sql`
      select count(distinct xmin::text)::int as n from cases
      where id = any(${sql.param(written.map((r) => r.case.id))}::text[])`);
    expect(transactions.rows[0]?.n).toBe(1);
    expect(await sumRollups(db, { city, dimension: officerGridsDimension, ...day })).toEqual([
      { key: firstOfficer, ...zeroRollupCounts(), filed: 2 },
    ]);
  });
});
