/**
 * The case list costs what it returns (issue 20): pages follow a cursor (keyset) that reads every
 * case exactly once while new cases arrive, `page=` stops where the capped total does, the total is
 * counted up to the cap and says when it is only a lower bound, and overdue means open and red.
 */
import { caseListCountCap } from '@urbangrid/db';
import { redisTest } from '@urbangrid/test-support';
import { sql } from 'drizzle-orm';
import { describe, expect } from 'vitest';
import type { App } from '../app.js';
import { bearer, buildTestApp, expectProblem, insertTestCase, loginAs } from '../test-support/index.js';

interface ListAnswer {
  items: { id: string; state: string }[];
  total: number;
  totalExact: boolean;
  nextCursor: string | null;
}

describe('GET /api/cases: cursor pages and capped totals', () => {
  let app: App;
  let token = '';
  const list = async (query: string): Promise<ListAnswer> => {
    const answer = await app.inject({ method: 'GET', url: `/api/cases?${query}`, headers: bearer(token) });
    expect(answer.statusCode, answer.body).toBe(200);
    return answer.json() as ListAnswer;
  };
  const base = Date.UTC(2026, 0, 5, 2, 0);

  redisTest.beforeAll(async ({ database, redis }) => {
    app = await buildTestApp({ database, redis });
    token = (await loginAs(app, 'dispatcher1')).token;
  });
  redisTest.afterAll(async () => app.close());

  redisTest('the cursor reads every case once, however many are reported meanwhile', async ({ database }) => {
    // 60 cases in district 150103, two to a minute (ties on the report time are ordered by id).
    const existing: string[] = [];
    for (let n = 0; n < 60; n++) {
      const row = await insertTestCase(database.db, {
        id: `page-${String(n).padStart(3, '0')}`,
        gridCode: '150103001001001',
        createdAt: new Date(base + Math.floor(n / 2) * 60_000),
      });
      existing.push(row.id);
    }
    const filter = 'gridCode=150103001001001&pageSize=7';
    let inserting = true;
    let inserted = 0;
    const reporter = (async () => {
      while (inserting) {
        await insertTestCase(database.db, { gridCode: '150103001001001', createdAt: new Date() });
        inserted++;
      }
    })();
    const seen: string[] = [];
    let answer = await list(filter);
    const before = new Set(answer.items.map((item) => item.id));
    try {
      seen.push(...answer.items.map((item) => item.id));
      while (answer.nextCursor !== null) {
        answer = await list(`${filter}&cursor=${answer.nextCursor}`);
        seen.push(...answer.items.map((item) => item.id));
      }
    } finally {
      inserting = false;
      await reporter;
    }
    expect(inserted).toBeGreaterThan(0);
    const old = seen.filter((id) => existing.includes(id));
    // Newest first, each existing case once; cases reported after the first page are not in it.
    expect(old).toEqual([...existing].reverse());
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.filter((id) => !existing.includes(id)).every((id) => before.has(id))).toBe(true);
  });

  redisTest('refuses a cursor it did not give out, and page= past the capped total', async () => {
    expectProblem(
      await app.inject({ method: 'GET', url: '/api/cases?cursor=bm90LWEtY3Vyc29y', headers: bearer(token) }),
      400,
      'VALIDATION_FAILED',
    );
    const lastPage = caseListCountCap / 50;
    await list(`page=${lastPage}&pageSize=50`);
    expectProblem(
      await app.inject({
        method: 'GET',
        url: `/api/cases?page=${lastPage + 1}&pageSize=50`,
        headers: bearer(token),
      }),
      400,
      'VALIDATION_FAILED',
    );
  });

  redisTest('counts up to the cap, then says the total is a lower bound', async ({ database }) => {
    await insertTestCase(database.db, {
      id: 'many-seed',
      gridCode: '150104001001001',
      createdAt: new Date(base),
    });
    const many = async (n: number) =>
      database.db.execute(sql`
        insert into cases (id, case_no, city, source, state, category_code, description, lat, lng, h3_cell,
          grid_code, district_code, street_code, community_code, created_at, updated_at)
        select 'many-' || i, 'M-' || i, city, source, state, category_code, description, lat, lng, h3_cell,
          grid_code, district_code, street_code, community_code, created_at - i * interval '1 second', updated_at
        from cases, generate_series(1, ${n}) as i where id = 'many-seed'`);
    await many(caseListCountCap - 2);
    const atCap = await list('gridCode=150104001001001');
    expect(atCap).toMatchObject({ total: caseListCountCap - 1, totalExact: true });
    await database.db.execute(sql`delete from cases where id like 'many-%' and id <> 'many-seed'`);
    await many(caseListCountCap + 5);
    const past = await list('gridCode=150104001001001&pageSize=200');
    expect(past).toMatchObject({ total: caseListCountCap, totalExact: false });
    expect(past.items).toHaveLength(200);
    // A narrower filter is exact again.
    const narrow = await list('gridCode=150104001001001&from=2026-01-05T01:59:00Z&to=2026-01-05T02:00:01Z');
    expect(narrow).toMatchObject({ total: 61, totalExact: true });
  });

  redisTest(
    'overdue means open and past the limit: an ended red case is not overdue',
    async ({ database }) => {
      await insertTestCase(database.db, {
        id: 'red-open',
        gridCode: '150105001001001',
        light: 'red',
        state: 'handling',
      });
      await insertTestCase(database.db, {
        id: 'red-closed',
        gridCode: '150105001001001',
        light: 'red',
        state: 'closed',
      });
      await insertTestCase(database.db, { id: 'green-open', gridCode: '150105001001001', state: 'handling' });
      const overdue = await list('gridCode=150105001001001&overdue=true');
      expect(overdue.items.map((item) => item.id)).toEqual(['red-open']);
      const notOverdue = await list('gridCode=150105001001001&overdue=false');
      expect(notOverdue.items.map((item) => item.id).sort()).toEqual(['green-open', 'red-closed']);
    },
  );
});
