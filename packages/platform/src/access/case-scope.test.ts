import { randomUUID } from 'node:crypto';
import { type CaseScope, type CaseScopeFacts, caseScopeCondition, cases, caseVisibleTo } from '@urbangrid/db';
import { redisTest } from '@urbangrid/test-support';
import { and, like } from 'drizzle-orm';
import fc from 'fast-check';
import { describe, expect } from 'vitest';
import type { App } from '../app.js';
import type { UserActor } from '../auth/actor.js';
import type { Role } from '../auth/roles.js';
import {
  bearer,
  buildTestApp,
  expectProblem,
  insertTestCase,
  loginAs,
  probeRoutes,
} from '../test-support/index.js';
import { caseScopeOf } from './case-scope.js';

const user = (roles: Role[], fields: Partial<UserActor> = {}): UserActor => ({
  kind: 'user',
  id: 'u',
  username: 'u',
  displayName: 'U',
  roles,
  city: '1501',
  departmentId: null,
  areaCode: null,
  gridCodes: [],
  ...fields,
});

describe('caseScopeOf', () => {
  redisTest('gives each role its jurisdiction (domain.md §2)', () => {
    expect(caseScopeOf(user(['region_supervisor'], { city: null }))).toEqual({ kind: 'everything' });
    for (const role of ['admin', 'supervisor', 'intake_operator', 'shift_lead', 'dispatcher'] as const) {
      expect(caseScopeOf(user([role]))).toEqual({ kind: 'city', city: '1501' });
    }
    expect(caseScopeOf(user(['supervisor'], { areaCode: '150102' }))).toEqual({
      kind: 'district',
      city: '1501',
      districtCode: '150102',
    });
    expect(caseScopeOf(user(['department_handler'], { departmentId: 'd1' }))).toEqual({
      kind: 'department',
      departmentId: 'd1',
    });
    expect(caseScopeOf(user(['grid_officer'], { username: 'officer1', gridCodes: ['g1'] }))).toEqual({
      kind: 'officer',
      username: 'officer1',
      gridCodes: ['g1'],
    });
    // A key reads back its own reports' status only (intake), never cases, even of its city.
    expect(
      caseScopeOf({
        kind: 'integration',
        keyId: 'k',
        name: 'n',
        city: '1502',
        scopes: ['report:create', 'report:read'],
        source: 'public',
        rateLimitPerMinute: 10,
      }),
    ).toEqual({ kind: 'nothing' });
  });

  redisTest('fails closed: no role, a handler without a department, staff without a city', () => {
    expect(caseScopeOf(user([]))).toEqual({ kind: 'nothing' });
    expect(caseScopeOf(user(['department_handler']))).toEqual({ kind: 'nothing' });
    expect(caseScopeOf(user(['dispatcher'], { city: null }))).toEqual({ kind: 'nothing' });
  });

  redisTest('several roles see the union, the widest absorbing the rest', () => {
    expect(caseScopeOf(user(['grid_officer', 'dispatcher']))).toEqual({ kind: 'city', city: '1501' });
    expect(
      caseScopeOf(user(['grid_officer', 'department_handler'], { departmentId: 'd1', username: 'o' })),
    ).toEqual({
      kind: 'union',
      scopes: [
        { kind: 'officer', username: 'o', gridCodes: [] },
        { kind: 'department', departmentId: 'd1' },
      ],
    });
  });
});

// Small pools so random cases and scopes often meet.
const cities = ['1501', '1502'];
const gridCodes = ['150102001001001', '150102001001002', '150103002001001', '150203001001001'];
const departments = ['dept-a', 'dept-b', 'dept-c'];
const usernames = ['officer1', 'officer2', 'handler-x'];

const facts: fc.Arbitrary<CaseScopeFacts> = fc
  .record({
    city: fc.constantFrom(...cities),
    gridCode: fc.constantFrom(...gridCodes),
    departmentId: fc.option(fc.constantFrom(...departments), { nil: null }),
    assignee: fc.option(fc.constantFrom(...usernames), { nil: null }),
    reporterUsername: fc.option(fc.constantFrom(...usernames), { nil: null }),
  })
  .map((f) => ({ ...f, districtCode: f.gridCode.slice(0, 6) }));

const { scope } = fc.letrec<{ scope: CaseScope }>((tie) => ({
  scope: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant<CaseScope>({ kind: 'everything' }),
    fc.constant<CaseScope>({ kind: 'nothing' }),
    fc.constantFrom(...cities).map((city): CaseScope => ({ kind: 'city', city })),
    fc
      .record({
        city: fc.constantFrom(...cities),
        districtCode: fc.constantFrom('150102', '150103', '150203'),
      })
      .map((s): CaseScope => ({ kind: 'district', ...s })),
    fc.constantFrom(...departments).map((departmentId): CaseScope => ({ kind: 'department', departmentId })),
    fc
      .record({ username: fc.constantFrom(...usernames), gridCodes: fc.subarray(gridCodes) })
      .map((s): CaseScope => ({ kind: 'officer', ...s })),
    fc.array(tie('scope'), { maxLength: 3 }).map((scopes): CaseScope => ({ kind: 'union', scopes })),
  ),
}));

describe('caseScopeCondition and caseVisibleTo', () => {
  redisTest('agree on every case for every scope (property, real PostgreSQL)', async ({ database }) => {
    const { db } = database;
    await fc.assert(
      fc.asyncProperty(fc.array(facts, { minLength: 1, maxLength: 12 }), scope, async (rows, s) => {
        const prefix = `prop-${randomUUID()}-`;
        const inserted = await Promise.all(
          rows.map((f, i) => insertTestCase(db, { id: `${prefix}${i}`, caseNo: `${prefix}${i}`, ...f })),
        );
        try {
          const visible = await db
            .select({ id: cases.id })
            .from(cases)
            .where(and(like(cases.id, `${prefix}%`), caseScopeCondition(s)));
          const bySql = visible.map((r) => r.id).sort();
          const byPredicate = inserted
            .filter((row) =>
              caseVisibleTo(s, {
                ...row,
                departmentId: row.departmentId ?? null,
                assignee: row.assignee ?? null,
                reporterUsername: row.reporterUsername ?? null,
              }),
            )
            .map((r) => r.id)
            .sort();
          expect(bySql).toEqual(byPredicate);
        } finally {
          await db.delete(cases).where(like(cases.id, `${prefix}%`));
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe('a route that reads cases through the scope', () => {
  let app: App;
  redisTest.beforeAll(async ({ database, redis }) => {
    app = await buildTestApp({ database, redis }, { live: false });
    await app.register(probeRoutes, { prefix: '/api/probe' });
    await app.ready();
  });
  redisTest.afterAll(async () => {
    await app.close();
  });

  redisTest('answers 404 for a case of another department, never its contents', async ({ database }) => {
    const own = await insertTestCase(database.db, {
      departmentId: 'dept-1501-sanitation-150102',
      state: 'dispatched',
    });
    const other = await insertTestCase(database.db, {
      departmentId: 'dept-1501-sanitation-150103',
      state: 'dispatched',
      gridCode: '150103001001001',
    });
    const { token } = await loginAs(app, 'handler-sanitation-150102');
    const mine = await app.inject({ url: `/api/probe/cases/${own.id}`, headers: bearer(token) });
    expect(mine.statusCode).toBe(200);
    expect(mine.json().departmentId).toBe('dept-1501-sanitation-150102');
    const theirs = await app.inject({ url: `/api/probe/cases/${other.id}`, headers: bearer(token) });
    const problem = expectProblem(theirs, 404, 'NOT_FOUND');
    expect(theirs.body).not.toContain('150103');
    // Indistinguishable from a case that does not exist.
    const missing = await app.inject({ url: `/api/probe/cases/${other.id}x`, headers: bearer(token) });
    expect(expectProblem(missing, 404, 'NOT_FOUND').title).toBe(problem.title);
  });

  redisTest(
    'officers, district supervisors, the city desk and the region each see their part',
    async ({ database }) => {
      const officer1Grid = '150102001001001';
      const inGrid = await insertTestCase(database.db, { gridCode: officer1Grid });
      const assigned = await insertTestCase(database.db, {
        gridCode: '150104001001001',
        assignee: 'officer1',
      });
      const elsewhere = await insertTestCase(database.db, { gridCode: '150104001001002' });
      // Reported by officer1 outside their grids (我的上报): theirs to follow.
      const reported = await insertTestCase(database.db, {
        gridCode: '150104001001003',
        reporterUsername: 'officer1',
      });
      const baotou = await insertTestCase(database.db, { city: '1502', gridCode: '150203001001001' });

      const sees = async (username: string, id: string) => {
        const { token } = await loginAs(app, username);
        return (
          (await app.inject({ url: `/api/probe/cases/${id}`, headers: bearer(token) })).statusCode === 200
        );
      };
      expect(await sees('officer1', inGrid.id)).toBe(true);
      expect(await sees('officer1', assigned.id)).toBe(true);
      expect(await sees('officer1', elsewhere.id)).toBe(false);
      expect(await sees('officer1', reported.id)).toBe(true);
      expect(await sees('officer2', reported.id)).toBe(false);
      expect(await sees('supervisor-150102', inGrid.id)).toBe(true);
      expect(await sees('supervisor-150102', elsewhere.id)).toBe(false);
      expect(await sees('dispatcher1', elsewhere.id)).toBe(true);
      expect(await sees('dispatcher1', baotou.id)).toBe(false);
      expect(await sees('bt-dispatcher1', baotou.id)).toBe(true);
      expect(await sees('region1', baotou.id)).toBe(true);
      expect(await sees('region1', inGrid.id)).toBe(true);
    },
  );
});
