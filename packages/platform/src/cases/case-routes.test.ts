import { caseEvents } from '@urbangrid/db';
import { redisTest } from '@urbangrid/test-support';
import { describe, expect } from 'vitest';
import type { App } from '../app.js';
import { bearer, buildTestApp, expectProblem, insertTestCase, loginAs } from '../test-support/index.js';

const department = 'dept-1501-sanitation-150102';

describe('GET /api/cases and /api/cases/:id', () => {
  let app: App;
  const tokens: Record<string, string> = {};
  const get = (who: string, url: string) =>
    app.inject({ method: 'GET', url, headers: bearer(tokens[who] ?? '') });

  redisTest.beforeAll(async ({ database, redis }) => {
    app = await buildTestApp({ database, redis });
    for (const who of [
      'dispatcher1',
      'officer1',
      'officer2',
      'handler-sanitation-150102',
      'bt-dispatcher1',
    ]) {
      tokens[who] = (await loginAs(app, who)).token;
    }
    const t = (minutes: number) => new Date(Date.UTC(2026, 2, 2, 1, minutes));
    await insertTestCase(database.db, { id: 'list-1', state: 'filed', createdAt: t(1) });
    await insertTestCase(database.db, {
      id: 'list-2',
      state: 'handling',
      departmentId: department,
      light: 'red',
      createdAt: t(2),
    });
    await insertTestCase(database.db, {
      id: 'list-3',
      state: 'dispatched',
      departmentId: department,
      createdAt: t(3),
    });
    await insertTestCase(database.db, {
      id: 'list-4',
      state: 'filed',
      gridCode: '150103001001001',
      createdAt: t(4),
    });
    await database.db.insert(caseEvents).values({
      id: 'ev-list-1',
      caseId: 'list-1',
      seq: 1,
      city: '1501',
      command: 'report',
      fromState: null,
      toState: 'reported',
      actorName: 'operator1',
      at: t(1),
      data: { source: 'hotline' },
      prevHash: '0',
      hash: 'h1',
    });
  });
  redisTest.afterAll(async () => {
    await app.close();
  });

  redisTest('lists what the caller may see, newest first, filtered and paged', async () => {
    const all = await get('dispatcher1', '/api/cases?pageSize=200');
    expect(all.statusCode, all.body).toBe(200);
    const ids = all.json().items.map((c: { id: string }) => c.id);
    expect(ids.slice(0, 4)).toEqual(['list-4', 'list-3', 'list-2', 'list-1']);

    const filed = await get('dispatcher1', '/api/cases?state=filed&gridCode=150102001001001');
    expect(filed.json()).toMatchObject({ total: 1, items: [{ id: 'list-1', state: 'filed' }] });
    const several = await get(
      'dispatcher1',
      `/api/cases?state=dispatched,handling&departmentId=${department}`,
    );
    expect(several.json().total).toBe(2);
    const overdue = await get('dispatcher1', '/api/cases?overdue=true');
    expect(overdue.json().items.map((c: { id: string }) => c.id)).toEqual(['list-2']);
    const page2 = await get('dispatcher1', '/api/cases?page=2&pageSize=1');
    expect(page2.json()).toMatchObject({ total: 4, items: [{ id: 'list-3' }] });

    // A department sees its own cases; an officer their grids; another city nothing of these.
    const handler = await get('handler-sanitation-150102', '/api/cases');
    expect(
      handler
        .json()
        .items.map((c: { id: string }) => c.id)
        .sort(),
    ).toEqual(['list-2', 'list-3']);
    const officer = await get('officer2', '/api/cases');
    expect(officer.json()).toMatchObject({ total: 0, items: [] });
    expect((await get('bt-dispatcher1', '/api/cases')).json().total).toBe(0);
  });

  redisTest('refuses malformed filters', async () => {
    expectProblem(await get('dispatcher1', '/api/cases?state=lost'), 400, 'VALIDATION_FAILED');
    expectProblem(await get('dispatcher1', '/api/cases?pageSize=100000'), 400, 'VALIDATION_FAILED');
    expectProblem(await get('dispatcher1', '/api/cases?overdue=maybe'), 400, 'VALIDATION_FAILED');
    expectProblem(await app.inject({ method: 'GET', url: '/api/cases' }), 401, 'UNAUTHENTICATED');
  });

  redisTest('one case with its timeline; outside the jurisdiction it does not exist', async () => {
    const detail = await get('officer1', '/api/cases/list-1');
    expect(detail.statusCode, detail.body).toBe(200);
    expect(detail.json()).toMatchObject({
      id: 'list-1',
      state: 'filed',
      timeline: [{ seq: 1, command: 'report', fromState: null, toState: 'reported', actor: 'operator1' }],
    });
    expectProblem(await get('officer2', '/api/cases/list-1'), 404, 'NOT_FOUND');
    expectProblem(await get('handler-sanitation-150102', '/api/cases/list-1'), 404, 'NOT_FOUND');
    expectProblem(await get('dispatcher1', '/api/cases/no-such-case'), 404, 'NOT_FOUND');
  });
});
