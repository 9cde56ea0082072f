/**
 * Analysis over HTTP: trends by day, week and month read from the rollups, hotspots with their
 * places, callback satisfaction by department and district, and the monthly report whose workbook
 * has the page's sections and columns, rates as percentages.
 */
import { callbacks, cases, grids, reportRollups } from '@urbangrid/db';
import { createEngineContext } from '@urbangrid/engine';
import { reportTestCase } from '@urbangrid/engine/test-support';
import type { App } from '@urbangrid/platform';
import { bearer, buildTestApp, expectProblem, loginAs } from '@urbangrid/platform/test-support';
import { redisTest } from '@urbangrid/test-support';
import { parse } from 'csv-parse/sync';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { describe, expect } from 'vitest';
import { supervisionService } from '../index.js';

const sanitation = 'dept-1501-sanitation-150102';

describe('analysis', () => {
  let app: App;
  let tokens: Record<string, string>;
  let hotGrid: string;

  redisTest.beforeAll(async ({ database, redis }) => {
    const engine = createEngineContext({ db: database.db, now: () => new Date('2026-03-02T09:00:00+08:00') });
    app = await buildTestApp({ database, redis }, { services: [supervisionService({ engine })] });
    tokens = {};
    for (const user of ['supervisor1', 'supervisor-150102']) tokens[user] = (await loginAs(app, user)).token;
    const gridRows = await database.db
      .select({ code: grids.code })
      .from(grids)
      .where(eq(grids.city, '1501'))
      .limit(3);
    hotGrid = gridRows[1]?.code ?? '';
    const day = (
      d: string,
      dimension: string,
      key: string,
      received: number,
      closed: number,
      onTime: number,
    ) => ({
      city: '1501',
      day: d,
      dimension,
      key,
      received,
      closed,
      closedOnTime: onTime,
      handled: closed,
      handledOnTime: onTime,
    });
    await database.db.insert(reportRollups).values([
      // Monday 2 and Tuesday 3 March (one week), Monday 9 March (the next), 1 April (the next month).
      day('2026-03-02', 'district', '150102', 4, 2, 2),
      day('2026-03-03', 'district', '150102', 6, 4, 3),
      day('2026-03-03', 'district', '150103', 5, 0, 0),
      day('2026-03-09', 'district', '150102', 1, 1, 0),
      day('2026-04-01', 'district', '150102', 3, 0, 0),
      day('2026-03-02', 'category', 'E0101', 7, 2, 1),
      day('2026-03-02', 'department', sanitation, 2, 2, 2),
      day('2026-03-02', 'grid', gridRows[0]?.code ?? '', 2, 1, 1),
      day('2026-03-03', 'grid', hotGrid, 9, 3, 3),
    ]);
    // The reports add 4 received in 150102 on 2 March to the rows above.
    // Three answered callbacks on cases of sanitation in 150102 (two satisfied), one unreachable.
    const ids: string[] = [];
    for (let n = 0; n < 4; n += 1) ids.push((await reportTestCase(engine)).case.id);
    for (const id of ids)
      await database.db.update(cases).set({ departmentId: sanitation }).where(eq(cases.id, id));
    const outcomes = ['satisfied', 'satisfied', 'unsatisfied', 'unreachable'] as const;
    await database.db.insert(callbacks).values(
      ids.map((caseId, n) => ({
        id: `callback-analysis-${n}`,
        caseId,
        city: '1501',
        outcome: outcomes[n] ?? 'satisfied',
        calledBy: 'operator1',
        at: new Date('2026-03-05T10:00:00+08:00'),
      })),
    );
  });
  redisTest.afterAll(async () => {
    await app.close();
  });

  const get = (path: string, user = 'supervisor1') =>
    app.inject({ method: 'GET', url: `/api/supervision${path}`, headers: bearer(tokens[user] ?? '') });

  redisTest('trends by day, week and month, of the city or one district', async () => {
    const days = (
      await get('/reports/trend?from=2026-03-02&to=2026-03-04&interval=day&groupBy=district')
    ).json();
    expect(days.rows.map((r: { period: string; received: number }) => [r.period, r.received])).toEqual([
      ['2026-03-02', 8],
      ['2026-03-03', 11],
      ['2026-03-04', 0],
    ]);
    expect(days.rows[1]).toMatchObject({ closed: 4, onTimeClosingRate: 0.75 });
    const weeks = (
      await get('/reports/trend?from=2026-03-01&to=2026-03-15&interval=week&groupBy=district&key=150102')
    ).json();
    expect(weeks.rows.map((r: { period: string; received: number }) => [r.period, r.received])).toEqual([
      ['2026-02-23', 0],
      ['2026-03-02', 14],
      ['2026-03-09', 1],
    ]);
    const months = (
      await get('/reports/trend?from=2026-03-01&to=2026-04-30&interval=month&groupBy=district')
    ).json();
    expect(months.rows.map((r: { period: string; received: number }) => [r.period, r.received])).toEqual([
      ['2026-03', 20],
      ['2026-04', 3],
    ]);
    const category = (
      await get('/reports/trend?from=2026-03-02&to=2026-03-02&groupBy=category&key=E0101')
    ).json();
    expect(category.rows[0]).toMatchObject({ received: 11, onTimeClosingRate: 0.5 });
    // A district supervisor follows their district, not a category, nor another district.
    const own = (await get('/reports/trend?from=2026-03-03&to=2026-03-03', 'supervisor-150102')).json();
    expect(own.rows[0].received).toBe(6);
    expectProblem(
      await get('/reports/trend?from=2026-03-03&to=2026-03-03&groupBy=category', 'supervisor-150102'),
      403,
      'FORBIDDEN',
    );
    expectProblem(
      await get('/reports/trend?from=2026-03-03&to=2026-03-03&key=150103', 'supervisor-150102'),
      403,
      'FORBIDDEN',
    );
    const csv = parse((await get('/reports/trend?from=2026-03-02&to=2026-03-03&format=csv')).body, {
      bom: true,
      relax_column_count: true,
    });
    expect(csv[1]).toEqual(['日期', '受理数', '结案数', '按时处置率', '按时结案率']);
    expect(csv[3]).toEqual(['2026-03-03', '11', '4', '75.00%', '75.00%']);
    // The screen draws the columns the answer names: the export's, labelled in both languages.
    const named = (await get('/reports/trend?from=2026-03-02&to=2026-03-03')).json();
    expect(named.columns.map((c: { label: { 'zh-CN': string } }) => c.label['zh-CN'])).toEqual(csv[1]);
    expect(named.columns.map((c: { label: { en: string } }) => c.label.en)).toEqual([
      'Period',
      'Received',
      'Closed',
      'On-time handling',
      'On-time closing',
    ]);
    expect(named.columns.filter((c: { kind?: string }) => c.kind === 'rate')).toHaveLength(2);
  });

  redisTest('hotspots are the grids with the most cases, where they are', async () => {
    const hot = (await get('/reports/hotspots?from=2026-03-01&to=2026-03-31&limit=1')).json();
    expect(hot.rows).toEqual([
      expect.objectContaining({ key: hotGrid, received: 9, lat: expect.any(Number) }),
    ]);
  });

  redisTest('callback satisfaction by department and district', async () => {
    const byDepartment = (
      await get('/reports/satisfaction?from=2026-03-01&to=2026-03-31&groupBy=department')
    ).json();
    expect(byDepartment.rows).toEqual([
      {
        key: sanitation,
        name: expect.stringContaining('环卫'),
        answered: 3,
        satisfied: 2,
        satisfactionRate: 2 / 3,
      },
    ]);
    const byDistrict = (
      await get('/reports/satisfaction?from=2026-03-01&to=2026-03-31&groupBy=district')
    ).json();
    expect(byDistrict.rows).toMatchObject([{ key: '150102', answered: 3, satisfied: 2 }]);
    const before = (await get('/reports/satisfaction?from=2026-03-06&to=2026-03-31&groupBy=district')).json();
    expect(before.totals).toEqual({ answered: 0, satisfied: 0, satisfactionRate: null });
  });

  redisTest('the monthly report: its sections as JSON, the same as workbook sheets', async () => {
    const report = (await get('/reports/monthly?month=2026-03')).json();
    expect(report.sections.map((s: { id: string }) => s.id)).toEqual([
      'overview',
      'trend',
      'category',
      'district',
      'department',
      'satisfactionDepartment',
      'satisfactionDistrict',
      'hotspots',
    ]);
    const overview = report.sections[0];
    expect(overview.rows[0]).toMatchObject({ received: 20, answered: 3 });
    expect(report.sections[1].rows).toHaveLength(31);

    const file = await get('/reports/monthly?month=2026-03&format=xlsx');
    expect(file.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      '概况',
      '逐日趋势',
      '按案件类别',
      '按区',
      '按部门',
      '部门回访满意率',
      '区回访满意率',
      '热点网格',
    ]);
    const district = workbook.getWorksheet('按区');
    expect(district?.getRow(2).values).toEqual([
      undefined,
      '编码',
      '名称',
      '受理数',
      '结案数',
      '超期数',
      '按时处置率',
      '按时结案率',
    ]);
    expect(district?.getColumn(7).numFmt).toBe('0.00%');
    // The page's columns are the sheet's: one set, labelled by the report.
    const districtSection = report.sections.find((s: { id: string }) => s.id === 'district');
    expect([
      undefined,
      ...districtSection.columns.map((c: { label: { 'zh-CN': string } }) => c.label['zh-CN']),
    ]).toEqual(district?.getRow(2).values);
    // A district supervisor's month has their areas only.
    const own = (await get('/reports/monthly?month=2026-03', 'supervisor-150102')).json();
    expect(own.sections.map((s: { id: string }) => s.id)).not.toContain('department');
    expectProblem(await get('/reports/monthly?month=2026-13'), 400, 'VALIDATION_FAILED');
  });
});
