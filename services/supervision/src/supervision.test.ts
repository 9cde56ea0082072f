/**
 * The supervision service end to end over HTTP: check and close (with rework back to the same
 * department), the reports and their CSV/XLSX exports read back, the region view, the chain audit,
 * and published days that stay as published.
 */
import { cases, departments, grids, publishedRollups, publishRollupDay, reportRollups } from '@urbangrid/db';
import { systemActor, userActor } from '@urbangrid/domain';
import { applyCommand, createEngineContext, type EngineContext, reportCase } from '@urbangrid/engine';
import { gridOutsideDemoDistrict, reportTestCase } from '@urbangrid/engine/test-support';
import type { App } from '@urbangrid/platform';
import { bearer, buildTestApp, expectProblem, loginAs } from '@urbangrid/platform/test-support';
import { redisTest } from '@urbangrid/test-support';
import { parse } from 'csv-parse/sync';
import { and, eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { describe, expect } from 'vitest';
import { supervisionService } from './index.js';

const clock = { now: new Date('2026-03-02T09:00:00+08:00') };
const later = (minutes: number) => {
  clock.now = new Date(clock.now.getTime() + minutes * 60_000);
};
const worker = systemActor('test');
const period = 'from=2026-03-01&to=2026-03-31';

describe('supervision', () => {
  let app: App;
  let engine: EngineContext;
  let tokens: Record<string, string>;
  let caseId: string;
  let departmentId: string;
  let departmentCode: string;

  redisTest.beforeAll(async ({ database, redis }) => {
    engine = createEngineContext({ db: database.db, now: () => clock.now });
    app = await buildTestApp({ database, redis }, { services: [supervisionService({ engine })] });
    tokens = {};
    for (const user of [
      'officer1',
      'officer2',
      'shiftlead1',
      'supervisor1',
      'supervisor-150102',
      'region1',
      'dispatcher1',
    ]) {
      tokens[user] = (await loginAs(app, user)).token;
    }
    const [grid] = await database.db.select().from(grids).where(eq(grids.city, '1501')).limit(1);
    const [department] = await database.db
      .select()
      .from(departments)
      .where(eq(departments.city, '1501'))
      .limit(1);
    if (grid === undefined || department === undefined) throw new Error('demo data missing');
    departmentId = department.id;
    departmentCode = department.code;
    // A hotline case up to the check: verified, filed, dispatched, handled, check task to officer1.
    const created = await reportCase(engine, {
      actor: userActor('operator1', ['intake_operator']),
      source: 'hotline',
      categoryCode: 'C0101',
      description: 'manhole cover missing',
      location: { lat: (grid.minLat + grid.maxLat) / 2, lng: (grid.minLng + grid.maxLng) / 2 },
      gridCode: grid.code,
    });
    caseId = created.case.id;
    const handler = userActor('handler', ['department_handler'], [department.id]);
    const steps = [
      { command: { type: 'assignVerification', assignee: 'officer2' }, actor: worker },
      { command: { type: 'verify', found: true }, actor: userActor('officer2', ['grid_officer']) },
      { command: { type: 'file' }, actor: userActor('shiftlead1', ['shift_lead']) },
      {
        command: { type: 'dispatch', departmentId: department.id },
        actor: userActor('dispatcher1', ['dispatcher']),
      },
      { command: { type: 'accept' }, actor: handler },
      { command: { type: 'complete' }, actor: handler },
      { command: { type: 'startReview', assignee: 'officer1' }, actor: worker },
    ] as const;
    for (const step of steps) {
      later(5);
      await applyCommand(engine, { caseId, command: step.command, actor: step.actor });
    }
  });
  redisTest.afterAll(async () => {
    await app.close();
  });

  const post = (path: string, user: string, payload: object = {}) =>
    app.inject({
      method: 'POST',
      url: `/api/supervision${path}`,
      headers: bearer(tokens[user] ?? ''),
      payload,
    });
  const get = (path: string, user: string) =>
    app.inject({ method: 'GET', url: `/api/supervision${path}`, headers: bearer(tokens[user] ?? '') });

  redisTest(
    'only the assigned officer checks; a failed check is rework for the same department',
    async () => {
      expectProblem(await post(`/cases/${caseId}/check`, 'officer2', { fixed: true }), 404, 'NOT_FOUND');
      expectProblem(await post(`/cases/${caseId}/close`, 'shiftlead1'), 409, 'TRANSITION_NOT_ALLOWED');
      const failed = await post(`/cases/${caseId}/check`, 'officer1', { fixed: false, note: 'still open' });
      expect(failed.statusCode, failed.body).toBe(200);
      expect(failed.json()).toMatchObject({
        state: 'handling',
        departmentId,
        reworkCount: 1,
        assignee: null,
      });
      const handler = userActor('handler', ['department_handler'], [departmentId]);
      later(30);
      await applyCommand(engine, { caseId, command: { type: 'complete' }, actor: handler });
      await applyCommand(engine, {
        caseId,
        command: { type: 'startReview', assignee: 'officer1' },
        actor: worker,
      });
      const stale = await post(`/cases/${caseId}/check`, 'officer1', { fixed: true, expectedVersion: 1 });
      expectProblem(stale, 409, 'VERSION_CONFLICT');
      later(10);
      const passed = await post(`/cases/${caseId}/check`, 'officer1', { fixed: true });
      expect(passed.json()).toMatchObject({ state: 'reviewed' });
    },
  );

  redisTest('the shift lead closes, and the closure type is recorded', async () => {
    expectProblem(await post(`/cases/${caseId}/close`, 'officer1'), 403, 'FORBIDDEN');
    expectProblem(await post(`/cases/${caseId}/close`, 'dispatcher1'), 403, 'FORBIDDEN');
    later(10);
    const closed = await post(`/cases/${caseId}/close`, 'shiftlead1');
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({ state: 'closed', closureType: 'on_time' });
    expect(closed.json().closedAt).not.toBeNull();
  });

  redisTest('the timeliness report counts the lifecycle per department, with rates', async () => {
    const response = await get(`/reports/timeliness?${period}&groupBy=department`, 'supervisor1');
    expect(response.statusCode, response.body).toBe(200);
    const report = response.json();
    expect(report.rows).toEqual([
      expect.objectContaining({
        key: departmentId,
        dispatched: 1,
        handled: 2,
        handledOnTime: 2,
        reworks: 1,
        closed: 1,
        closedOnTime: 1,
        onTimeHandlingRate: 1,
        onTimeClosingRate: 1,
        reworkRate: 0.5,
      }),
    ]);
    expect(report.totals).toMatchObject({ handled: 2, closed: 1 });
    const empty = (
      await get('/reports/timeliness?from=2020-01-01&to=2020-12-31&groupBy=district', 'supervisor1')
    ).json();
    expect(empty.rows).toEqual([]);
    expect(empty.totals).toMatchObject({ received: 0, onTimeClosingRate: null });
  });

  redisTest('a district supervisor sees their district only; the region view is for the region', async () => {
    const own = (await get(`/reports/timeliness?${period}&groupBy=district`, 'supervisor-150102')).json();
    expect(own.rows.every((row: { key: string }) => row.key === '150102')).toBe(true);
    expectProblem(
      await get(`/reports/timeliness?${period}&groupBy=department`, 'supervisor-150102'),
      403,
      'FORBIDDEN',
    );
    expectProblem(
      await get(`/reports/timeliness?${period}&groupBy=district&city=1502`, 'supervisor1'),
      403,
      'FORBIDDEN',
    );
    expectProblem(await get(`/reports/timeliness?${period}&groupBy=district`, 'officer1'), 403, 'FORBIDDEN');
    expectProblem(await get(`/reports/region?${period}`, 'supervisor1'), 403, 'FORBIDDEN');
    const region = await get(`/reports/region?${period}`, 'region1');
    expect(region.statusCode, region.body).toBe(200);
    const rows = region.json().rows;
    expect(rows.map((row: { key: string }) => row.key).sort()).toEqual(['1501', '1502']);
    // Hohhot closed its case on time; Baotou has nothing to score.
    expect(rows[0]).toMatchObject({ key: '1501', rank: 1, totals: expect.objectContaining({ closed: 1 }) });
    expect(rows[1]).toMatchObject({ key: '1502', score: null, rank: null });
  });

  redisTest('exports open as real CSV and XLSX with the same rows', async () => {
    const json = (await get(`/reports/timeliness?${period}&groupBy=department`, 'supervisor1')).json();
    const csv = await get(`/reports/timeliness?${period}&groupBy=department&format=csv`, 'supervisor1');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const records: string[][] = parse(csv.body, { bom: true, relax_column_count: true });
    expect(records[0]?.[0]).toContain('2026-03-01 至 2026-03-31');
    expect(records[1]?.slice(0, 4)).toEqual(['编码', '名称', '受理数', '派遣数']);
    // A department by its code (its name beside it), never its internal id.
    expect(records[2]?.[0]).toBe(departmentCode);
    expect(records[2]?.[0]).not.toBe(departmentId);
    expect(Number(records[2]?.[4])).toBe(json.rows[0].handled);
    expect(records[3]?.[0]).toBe('合计');

    const xlsx = await get(`/reports/evaluation?${period}&subject=department&format=xlsx`, 'supervisor1');
    expect(xlsx.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(String(sheet?.getRow(1).getCell(1).value)).toContain(
      '绩效评价（专业部门） 2026-03-01 至 2026-03-31',
    );
    expect(sheet?.getRow(2).getCell(1).value).toBe('排名');
    const evaluation = (await get(`/reports/evaluation?${period}&subject=department`, 'supervisor1')).json();
    expect((sheet?.rowCount ?? 0) - 2).toBe(evaluation.rows.length);
    // The department's code (the demo's ids are dept-<city>-<code>), not its internal id.
    expect(sheet?.getRow(3).getCell(2).value).toBe(evaluation.rows[0].key.replace(/^dept-1501-/, ''));
  });

  redisTest('the evaluation ranks the department that worked; the rest have nothing to score', async () => {
    const report = (await get(`/reports/evaluation?${period}&subject=department`, 'supervisor1')).json();
    expect(report.rows[0]).toMatchObject({
      key: departmentId,
      rank: 1,
      grade: expect.any(String),
      indicators: {
        handlingRate: 1,
        onTimeHandlingRate: 1,
        reworkRate: 0.5,
        overduePendingRate: 0,
        extensionRate: 0,
      },
    });
    // 30·1 + 20·1 + 20·(1−0.5) + 20·1 + 10·1 over 100.
    expect(report.rows[0].score).toBe(90);
    expect(report.rows.slice(1).every((row: { rank: number | null }) => row.rank === null)).toBe(true);
    for (const subject of ['officer', 'intake_operator', 'shift_lead', 'dispatcher', 'district']) {
      const response = await get(`/reports/evaluation?${period}&subject=${subject}`, 'supervisor1');
      expect(response.statusCode, `${subject}: ${response.body}`).toBe(200);
    }
    const leads = (await get(`/reports/evaluation?${period}&subject=shift_lead`, 'supervisor1')).json();
    expect(leads.rows[0]).toMatchObject({
      key: 'shiftlead1',
      indicators: { onTimeFilingRate: 1, accurateFilingRate: 1, onTimeClosingRate: 1 },
      score: 100,
      grade: 'A',
      rank: 1,
    });
  });

  redisTest('the audit verifies the chain and names what was tampered with', async ({ database }) => {
    const clean = await post('/audit', 'supervisor1', { caseId });
    expect(clean.statusCode, clean.body).toBe(200);
    expect(clean.json()).toMatchObject({ ok: true, casesChecked: 1, problems: [] });
    expect((await get('/audit?from=2026-03-01&to=2026-03-31', 'supervisor1')).json()).toMatchObject({
      ok: true,
    });
    expectProblem(await post('/audit', 'officer1', { caseId }), 403, 'FORBIDDEN');
    await database.db.execute(sql`update cases set last_event_hash = repeat('f', 64) where id = ${caseId}`);
    const found = (await post('/audit', 'region1', {})).json();
    expect(found.ok).toBe(false);
    expect(found.problems).toEqual([expect.objectContaining({ caseId, kind: 'head_mismatch' })]);
  });

  redisTest("a district supervisor's audit covers their district's cases only", async ({ database }) => {
    const grid = await gridOutsideDemoDistrict(database.db);
    const elsewhere = await reportTestCase(engine, {
      location: { lat: grid.lat, lng: grid.lng },
      gridCode: grid.code,
    });
    const otherId = elsewhere.case.id;
    await database.db.execute(sql`update cases set last_event_hash = repeat('e', 64) where id = ${otherId}`);
    const city = (await get('/audit', 'supervisor1')).json();
    expect(city.problems).toContainEqual(expect.objectContaining({ caseId: otherId }));

    const district = await get('/audit', 'supervisor-150102');
    expect(district.statusCode, district.body).toBe(200);
    const count = await database.db.$count(cases, eq(cases.districtCode, '150102'));
    expect(district.json()).toMatchObject({
      scope: { city: '1501', districtCode: '150102' },
      casesChecked: count,
    });
    expect(district.json().problems).not.toContainEqual(expect.objectContaining({ caseId: otherId }));
    expectProblem(await post('/audit', 'supervisor-150102', { caseId: otherId }), 404, 'NOT_FOUND');
    await database.db.execute(
      sql`update cases set last_event_hash = ${elsewhere.case.lastEventHash} where id = ${otherId}`,
    );
  });

  redisTest(
    'a published day stays as published; a differing recount is shown beside it',
    async ({ database }) => {
      const { db } = database;
      const day = '2026-03-02';
      const first = await publishRollupDay(db, { city: '1501', day, publishedAt: new Date() });
      expect(first?.rowCount).toBeGreaterThan(0);
      expect(await publishRollupDay(db, { city: '1501', day, publishedAt: new Date() })).toBeNull();
      const before = (await get(`/reports/evaluation?${period}&subject=department`, 'supervisor1')).json();
      expect(before).toMatchObject({ publishedDays: 1, days: 31 });
      expect(before.rows[0].recount).toBeNull();
      // A later recount of that day says both handlings were late.
      await db
        .update(reportRollups)
        .set({ handledOnTime: 0 })
        .where(
          and(
            eq(reportRollups.day, day),
            eq(reportRollups.dimension, 'department'),
            eq(reportRollups.key, departmentId),
          ),
        );
      const after = (await get(`/reports/evaluation?${period}&subject=department`, 'supervisor1')).json();
      expect(after.rows[0]).toMatchObject({ score: before.rows[0].score, rank: 1 });
      expect(after.rows[0].recount).toMatchObject({
        indicators: expect.objectContaining({ onTimeHandlingRate: 0 }),
      });
      expect(after.rows[0].recount.score).toBeLessThan(before.rows[0].score);
      // The frozen copy refuses changes.
      await expect(
        db.update(publishedRollups).set({ handled: 99 }).where(eq(publishedRollups.day, day)),
      ).rejects.toThrow();
      await expect(db.delete(publishedRollups).where(eq(publishedRollups.day, day))).rejects.toThrow();
    },
  );
});
