/**
 * 我的上报: `GET /api/cases?mine=true` lists the cases the caller reported, newest first, and
 * combines with the other filters; another person's reports in the same grid are not among them.
 */
import { redisTest } from '@urbangrid/test-support';
import { describe, expect } from 'vitest';
import type { App } from '../app.js';
import { bearer, buildTestApp, expectProblem, insertTestCase, loginAs } from '../test-support/index.js';

interface ListAnswer {
  items: { id: string; state: string }[];
  total: number;
  nextCursor: string | null;
}

describe('GET /api/cases?mine=true', () => {
  let app: App;
  const tokens: Record<string, string> = {};
  const list = async (who: string, query: string): Promise<ListAnswer> => {
    const answer = await app.inject({
      method: 'GET',
      url: `/api/cases?${query}`,
      headers: bearer(tokens[who] ?? ''),
    });
    expect(answer.statusCode, answer.body).toBe(200);
    return answer.json() as ListAnswer;
  };
  const ids = (answer: ListAnswer) => answer.items.map((item) => item.id);

  redisTest.beforeAll(async ({ database, redis }) => {
    app = await buildTestApp({ database, redis });
    for (const who of ['officer1', 'officer2', 'dispatcher1']) tokens[who] = (await loginAs(app, who)).token;
    const t = (minutes: number) => new Date(Date.UTC(2026, 2, 2, 1, minutes));
    // All in officer1's grid, so officer1 sees every one of them in the plain list.
    const grid = '150102001001001';
    const officerReport = { source: 'officer' as const, gridCode: grid };
    await insertTestCase(database.db, {
      id: 'mine-1',
      ...officerReport,
      reporterUsername: 'officer1',
      state: 'verified',
      createdAt: t(1),
    });
    await insertTestCase(database.db, {
      id: 'mine-2',
      ...officerReport,
      reporterUsername: 'officer1',
      state: 'filed',
      createdAt: t(2),
    });
    await insertTestCase(database.db, {
      id: 'mine-3',
      ...officerReport,
      reporterUsername: 'officer1',
      state: 'closed',
      createdAt: t(3),
    });
    await insertTestCase(database.db, {
      id: 'theirs-1',
      ...officerReport,
      reporterUsername: 'officer2',
      state: 'filed',
      createdAt: t(4),
    });
    await insertTestCase(database.db, {
      id: 'hotline-1',
      gridCode: grid,
      reporterUsername: 'operator1',
      state: 'filed',
      createdAt: t(5),
    });
  });
  redisTest.afterAll(async () => app.close());

  redisTest('an officer’s own reports, newest first; another officer’s are not listed', async () => {
    expect(ids(await list('officer1', 'pageSize=50'))).toEqual([
      'hotline-1',
      'theirs-1',
      'mine-3',
      'mine-2',
      'mine-1',
    ]);
    const mine = await list('officer1', 'mine=true');
    expect(ids(mine)).toEqual(['mine-3', 'mine-2', 'mine-1']);
    expect(mine.total).toBe(3);
    expect(ids(await list('officer1', 'mine=false'))).toHaveLength(5);
    // officer2's report lies in officer1's grid, outside officer2's own: still theirs to follow.
    expect(ids(await list('officer2', 'mine=true'))).toEqual(['theirs-1']);
    // A dispatcher reported none of them.
    expect(await list('dispatcher1', 'mine=true')).toMatchObject({ total: 0, items: [] });
  });

  redisTest('combines with state and pages', async () => {
    expect(ids(await list('officer1', 'mine=true&state=filed'))).toEqual(['mine-2']);
    expect(ids(await list('officer1', 'mine=true&state=verified,closed'))).toEqual(['mine-3', 'mine-1']);
    const first = await list('officer1', 'mine=true&pageSize=2');
    expect(ids(first)).toEqual(['mine-3', 'mine-2']);
    expect(first.total).toBe(3);
    expect(ids(await list('officer1', 'mine=true&pageSize=2&page=2'))).toEqual(['mine-1']);
    const next = await list('officer1', `mine=true&pageSize=2&cursor=${first.nextCursor}`);
    expect(ids(next)).toEqual(['mine-1']);
  });

  redisTest('refuses a mine that is not true or false', async () => {
    expectProblem(
      await app.inject({ method: 'GET', url: '/api/cases?mine=yes', headers: bearer(tokens.officer1 ?? '') }),
      400,
      'VALIDATION_FAILED',
    );
  });
});
