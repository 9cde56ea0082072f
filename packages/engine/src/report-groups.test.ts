/**
 * Report groups (report-groups.ts) on the real database: concurrent reports share one statement —
 * seen in PostgreSQL itself, where rows inserted by one transaction carry the same `xmin` — and
 * each still gets exactly what it gets when reports are written one after the other: its own case
 * and number (no gap), its first sealed event, its follow-up jobs, its key and its share of the
 * rollups. A member that fails fails alone; two requests with one key in one group make one case.
 */
import {
  createDatabase,
  type Db,
  findGridPlace,
  findOpenCasesInCells,
  findOpenCasesInCellsOfMany,
  isDatabaseUnavailable,
  listCaseEvents,
} from '@urbangrid/db';
import { cellsWithinRadius } from '@urbangrid/geo';
import { createReferenceData } from '@urbangrid/reference';
import { dbTest as test } from '@urbangrid/test-support';
import { sql } from 'drizzle-orm';
import { describe, expect } from 'vitest';
import { createEngineContext, type EngineContext } from './engine-context.js';
import { IdempotencyKeyReusedError } from './errors.js';
import { genesisHash, verifyCaseChain } from './event-chain.js';
import type { ReportRequest, ReportResult } from './report-case.js';
import { demoGrid, reportTestCase } from './test-support/index.js';

const categories = ['E0101', 'E0201', 'E0505', 'E0504', 'C0118'] as const;

/** Report `i` of a day: varied categories and points, a key of its own. */
function request(day: string, i: number): Partial<ReportRequest> {
  return {
    categoryCode: categories[i % categories.length],
    description: `report ${i} of ${day}`,
    location: { lat: demoGrid.lat + (i % 7) * 0.00001, lng: demoGrid.lng },
    urgency: i % 4 === 0 ? 'urgent' : undefined,
    reporterName: `caller ${i}`,
    idempotencyKey: `${day}-${i}`,
  };
}

/** A context whose clock stands at 09:00 in Hohhot of `day`. */
function contextOn(db: Db, day: string, grouping: { windowMs: number; maxSize: number } | false) {
  return createEngineContext({ db, now: () => new Date(`${day}T01:00:00Z`), reportGroups: grouping });
}

const grouped = { windowMs: 50, maxSize: 32 };

async function rows<T>(db: Db, query: ReturnType<typeof sql>): Promise<T[]> {
  return (await db.execute(query)).rows as T[];
}

/** How many transactions wrote these cases (one per distinct `xmin`). */
async function transactionsOf(db: Db, ids: readonly string[]): Promise<number> {
  const [row] = await rows<{ n: number }>(
    db,
    sql`select count(distinct xmin::text)::int as n from cases where id = any(${sql.param([...ids])}::text[])`,
  );
  return row?.n ?? 0;
}

async function caseNumbersOf(db: Db, day: string): Promise<string[]> {
  const found = await rows<{ case_no: string }>(
    db,
    sql`select case_no from cases where case_no like ${`${day.replaceAll('-', '')}%`} order by case_no`,
  );
  return found.map((row) => row.case_no);
}

const numbersOfDay = (day: string, count: number) =>
  Array.from({ length: count }, (_, i) => `${day.replaceAll('-', '')}${String(i + 1).padStart(5, '0')}`);

/** The day's rollup rows without their day, in a fixed order. */
async function rollupsOf(db: Db, day: string): Promise<unknown[]> {
  const found = await rows<Record<string, unknown>>(
    db,
    sql`select * from report_rollups where day = ${day}::date order by city, dimension, key`,
  );
  return found.map(({ day: _day, ...rest }) => rest);
}

/** Each case's follow-up jobs (queue and name), the cases in the reports' order. */
async function jobsOf(db: Db, results: readonly ReportResult[]): Promise<string[][]> {
  const found = await rows<{ case_id: string; job: string }>(
    db,
    sql`select case_id, queue || '/' || job_name as job from outbox
        where case_id = any(${sql.param(results.map((r) => r.case.id))}::text[]) order by job`,
  );
  return results.map((r) => found.filter((row) => row.case_id === r.case.id).map((row) => row.job));
}

/** The case each of the day's keys answers. */
async function keysOf(db: Db, day: string): Promise<Map<string, string>> {
  const found = await rows<{ key: string; case_id: string }>(
    db,
    sql`select key, response->>'caseId' as case_id from idempotency_keys where key like ${`${day}-%`}`,
  );
  return new Map(found.map((row) => [row.key, row.case_id]));
}

async function expectOwnFirstEvent(db: Db, result: ReportResult): Promise<void> {
  const events = await listCaseEvents(db, result.case.id);
  expect(events).toHaveLength(1);
  expect(events[0]).toMatchObject({
    seq: 1,
    prevHash: genesisHash,
    command: 'report',
    caseId: result.case.id,
  });
  expect(result.event?.hash).toBe(events[0]?.hash);
  expect((await verifyCaseChain(db, result.case.id)).ok).toBe(true);
}

const report = (context: EngineContext, day: string, i: number) => reportTestCase(context, request(day, i));

describe('report groups', () => {
  test('concurrent reports are written in groups, each exactly as if written one after the other', async ({
    database,
  }) => {
    const { db } = database;
    const count = 24;
    const together = contextOn(db, '2026-03-02', grouped);
    const inGroups = await Promise.all(
      Array.from({ length: count }, (_, i) => report(together, '2026-03-02', i)),
    );
    const alone = contextOn(db, '2026-03-03', false);
    const oneByOne: ReportResult[] = [];
    for (let i = 0; i < count; i++) oneByOne.push(await report(alone, '2026-03-03', i));

    // Fewer transactions than reports; one each when written one after the other.
    expect(
      await transactionsOf(
        db,
        inGroups.map((r) => r.case.id),
      ),
    ).toBeLessThanOrEqual(count / 2);
    expect(
      await transactionsOf(
        db,
        oneByOne.map((r) => r.case.id),
      ),
    ).toBe(count);

    // Each its own case and number, the day's numbers without a gap, as stored.
    expect(new Set(inGroups.map((r) => r.case.id)).size).toBe(count);
    expect(inGroups.every((r) => !r.replayed)).toBe(true);
    expect(await caseNumbersOf(db, '2026-03-02')).toEqual(numbersOfDay('2026-03-02', count));
    expect(await caseNumbersOf(db, '2026-03-03')).toEqual(numbersOfDay('2026-03-03', count));
    expect(inGroups.map((r) => r.case.caseNo).sort()).toEqual(numbersOfDay('2026-03-02', count));
    for (const result of inGroups) {
      const stored = await rows<{ case_no: string; description: string }>(
        db,
        sql`select case_no, description from cases where id = ${result.case.id}`,
      );
      expect(stored[0]).toEqual({ case_no: result.case.caseNo, description: result.case.description });
      await expectOwnFirstEvent(db, result);
    }

    // The same follow-up jobs, keys and rollup contributions as the reports written one by one.
    expect(await jobsOf(db, inGroups)).toEqual(await jobsOf(db, oneByOne));
    expect((await jobsOf(db, inGroups)).every((jobs) => jobs.length > 0)).toBe(true);
    const keys = await keysOf(db, '2026-03-02');
    for (const [i, result] of inGroups.entries()) expect(keys.get(`2026-03-02-${i}`)).toBe(result.case.id);
    const rollups = await rollupsOf(db, '2026-03-02');
    expect(rollups.length).toBeGreaterThan(0);
    expect(rollups).toEqual(await rollupsOf(db, '2026-03-03'));

    // Their duplicates checked together (one statement) find what each check finds alone: all of
    // them, or as many as the newer day has of the category (a limit that cuts between the days).
    const ofNewerDay = (code: string) => oneByOne.filter((r) => r.case.categoryCode === code).length;
    const queries = inGroups.map((r, i) => ({
      city: r.case.city,
      categoryCode: r.case.categoryCode,
      cells: cellsWithinRadius(r.case.lat, r.case.lng, 50 + i * 10),
      since: new Date('2026-03-01T00:00:00Z'),
      excludeId: i % 2 === 0 ? r.case.id : undefined,
      limit: i % 2 === 0 ? 50 : ofNewerDay(r.case.categoryCode),
    }));
    const asked = await findOpenCasesInCellsOfMany(db, queries);
    const each = await Promise.all(queries.map((query) => findOpenCasesInCells(db, query)));
    const ids = (found: ReadonlyArray<readonly { id: string }[]>) =>
      found.map((rows) => rows.map((row) => row.id).sort());
    expect(ids(asked)).toEqual(ids(each));
    expect(asked.flat().length).toBeGreaterThan(queries.length);
    expect(asked[1]?.[0]).toEqual(each[1]?.find((row) => row.id === asked[1]?.[0]?.id));
  });

  test('a member that fails fails alone, and takes no number', async ({ database }) => {
    const { db } = database;
    const day = '2026-03-04';
    const context = contextOn(db, day, grouped);
    const earlier = await report(context, day, 0);
    const refusedRows = () => sql`insert into case_number_counters (city, day, last) values (null, null, 0)`;
    const settled = await Promise.allSettled([
      ...Array.from({ length: 10 }, (_, i) => report(context, day, i + 1)),
      // The earlier request again (its answer), its key with another request (refused), a member
      // whose own rows the database refuses.
      report(context, day, 0),
      reportTestCase(context, { ...request(day, 0), description: 'another request' }),
      reportTestCase(context, { ...request(day, 99), alsoWrite: [refusedRows] }),
    ]);
    const [repeated, reused, refused] = settled.slice(10);
    const fresh = settled.slice(0, 10).map((outcome) => {
      if (outcome.status === 'rejected') throw outcome.reason;
      return outcome.value;
    });
    expect(repeated).toMatchObject({
      status: 'fulfilled',
      value: { replayed: true, case: { id: earlier.case.id } },
    });
    expect(reused).toMatchObject({ status: 'rejected', reason: expect.any(IdempotencyKeyReusedError) });
    expect(refused).toMatchObject({
      status: 'rejected',
      reason: expect.objectContaining({ cause: expect.anything() }),
    });

    expect(new Set(fresh.map((r) => r.case.id)).size).toBe(10);
    for (const result of fresh) await expectOwnFirstEvent(db, result);
    expect(await caseNumbersOf(db, day)).toEqual(numbersOfDay(day, 11));
    const [counter] = await rows<{ last: number }>(
      db,
      sql`select last from case_number_counters where day = ${day}::date`,
    );
    expect(counter?.last).toBe(11);
    const stored = await rows<{ n: number }>(
      db,
      sql`select count(*)::int as n from cases where description = ${`report 99 of ${day}`}`,
    );
    expect(stored[0]?.n).toBe(0);
  });

  test('two requests with one key in one group make one case, and the others stay grouped', async ({
    database,
  }) => {
    const { db } = database;
    const day = '2026-03-05';
    const context = contextOn(db, day, grouped);
    const results = await Promise.all([
      report(context, day, 0),
      ...Array.from({ length: 6 }, (_, i) => report(context, day, i + 1)),
      report(context, day, 0),
    ]);
    const [first, ...rest] = results;
    const again = rest.at(-1);
    expect(again?.case.id).toBe(first?.case.id);
    expect([first?.replayed, again?.replayed].sort()).toEqual([false, true]);
    expect(again?.case.caseNo).toBe(first?.case.caseNo);
    const ids = [...new Set(results.map((r) => r.case.id))];
    expect(ids).toHaveLength(7);
    expect(await caseNumbersOf(db, day)).toEqual(numbersOfDay(day, 7));
    expect(await transactionsOf(db, ids)).toBeLessThan(7);
    const stored = await rows<{ n: number }>(
      db,
      sql`select count(*)::int as n from cases where description = ${`report 0 of ${day}`}`,
    );
    expect(stored[0]?.n).toBe(1);
  });

  test('PostgreSQL away: every member gets the error it would get alone', async ({ database }) => {
    const away = createDatabase('postgres://urbangrid_app@127.0.0.1:1/nowhere', { max: 2 });
    try {
      const context = createEngineContext({
        db: away.db,
        now: () => new Date('2026-03-06T01:00:00Z'),
        reference: createReferenceData({ db: database.db }),
        reportGroups: grouped,
      });
      // The grid's place known already (as the intake service passes it): the write is the first query.
      const place = await findGridPlace(database.db, demoGrid.code);
      if (place === null) throw new Error('no demo grid');
      const settled = await Promise.allSettled(
        Array.from({ length: 5 }, (_, i) => reportTestCase(context, { ...request('2026-03-06', i), place })),
      );
      for (const outcome of settled) {
        expect(outcome.status).toBe('rejected');
        if (outcome.status === 'rejected') expect(isDatabaseUnavailable(outcome.reason)).toBe(true);
      }
      expect(await caseNumbersOf(database.db, '2026-03-06')).toEqual([]);
    } finally {
      await away.close();
    }
  });
});
