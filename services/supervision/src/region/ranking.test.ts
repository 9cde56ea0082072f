/**
 * The region's ranking and bulletins over HTTP on a real database: the region admin sets the
 * weights (audited), cities' accepted reports and their closed cases make the scores, a finished
 * month is published, then more data arrives — the bulletin stays exactly as published and shows
 * the recount beside it; the next month's rank change reads the published ranks; the region issues
 * 督办 on a lagging target and on a case, and the city hears of it.
 */
import { adminAuditLog, listNoticesOf, regionRankingPublications, reportRollups } from '@urbangrid/db';
import { periodOf, previousPeriod } from '@urbangrid/domain';
import { createEngineContext, localDay } from '@urbangrid/engine';
import type { App } from '@urbangrid/platform';
import {
  bearer,
  buildTestApp,
  expectProblem,
  insertTestCase,
  loginAs,
} from '@urbangrid/platform/test-support';
import { redisTest } from '@urbangrid/test-support';
import { eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { describe, expect } from 'vitest';
import { supervisionService } from '../index.js';
import { publishClosedRankings } from './ranking-publication.js';

interface RankingRow {
  city: string;
  name: string;
  score: number | null;
  rank: number | null;
  rankChange: number | null;
  praised: boolean;
  criticised: boolean;
  components: Record<string, number | null>;
}

describe('region ranking and bulletins', () => {
  let app: App;
  let tokens: Record<string, Record<string, string>>;
  const today = localDay(new Date(), 'Asia/Shanghai');
  // The month just finished (published by hand), and the quarter its reports belong to.
  const month = previousPeriod(periodOf('month', today));
  const quarter = periodOf('quarter', month.from).key;

  redisTest.beforeAll(async ({ database, redis }) => {
    const engine = createEngineContext({ db: database.db });
    app = await buildTestApp({ database, redis }, { services: [supervisionService({ engine })] });
    tokens = {};
    for (const user of ['region1', 'region-admin', 'supervisor1', 'bt-supervisor1', 'admin'])
      tokens[user] = bearer((await loginAs(app, user)).token);
  });
  redisTest.afterAll(async () => {
    await app?.close();
  });

  const get = (url: string, user = 'region1') => app.inject({ url, headers: tokens[user] });
  const post = (url: string, payload: Record<string, unknown>, user = 'region1') =>
    app.inject({ method: 'POST', url, headers: tokens[user], payload });
  const reportAccepted = async (city: string, user: string, indicator: string, value: number) => {
    const put = await app.inject({
      method: 'PUT',
      url: `/api/region/reports/${city}/${indicator}/${quarter}`,
      headers: tokens[user],
      payload: { value },
    });
    expect(put.statusCode, put.body).toBe(201);
    const accepted = await post(`/api/region/reports/${city}/${indicator}/${quarter}/review`, {
      decision: 'accept',
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
  };
  const closedCases = (city: string, closed: number, closedOnTime: number, reworks: number) =>
    ({
      city,
      day: month.from,
      dimension: 'district',
      key: `${city}99`,
      closed,
      closedOnTime,
      reworks,
    }) as const;

  redisTest(
    'a monthly bulletin published stays as published while more data arrives; the recount shows beside it',
    async ({ database }) => {
      const { db } = database;
      // The region's weights: inspections and surveys have no data yet and weigh nothing then.
      const settings = await app.inject({
        method: 'POST',
        url: '/api/admin/region/ranking-settings',
        headers: { ...tokens['region-admin'], 'if-match': '"0"' },
        payload: {
          effectiveFrom: '2020-01-01',
          config: {
            weights: { targets: 40, cases: 40, inspections: 10, surveys: 10 },
            praiseTop: 1,
            praiseMinScore: 0,
            criticiseBottom: 1,
            criticiseBelow: 0,
          },
        },
      });
      expect(settings.statusCode, settings.body).toBe(201);
      const [audit] = await db
        .select()
        .from(adminAuditLog)
        .where(eq(adminAuditLog.entity, 'region_ranking_settings'));
      expect(audit).toMatchObject({ actorUsername: 'region-admin', entityKey: 'v1', action: 'create' });
      // A city's admin may not; a stale version is refused.
      const body = { effectiveFrom: '2020-01-01', config: settings.json().config };
      expectProblem(await post('/api/admin/region/ranking-settings', body, 'admin'), 403, 'FORBIDDEN');
      expectProblem(
        await post(
          '/api/admin/region/ranking-settings',
          {
            ...body,
            config: { ...body.config, weights: { targets: 0, cases: 0, inspections: 0, surveys: 0 } },
          },
          'region-admin',
        ),
        400,
        'VALIDATION_FAILED',
      );
      expectProblem(
        await app.inject({
          method: 'POST',
          url: '/api/admin/region/ranking-settings',
          headers: { ...tokens['region-admin'], 'if-match': '"0"' },
          payload: body,
        }),
        409,
        'VERSION_CONFLICT',
      );

      // Hohhot: one target reported and accepted, cases closed on time. Baotou: nothing reported, late cases, rework.
      await reportAccepted('1501', 'supervisor1', 'GREEN_SPACE_RATE', 36);
      await db.insert(reportRollups).values([closedCases('1501', 10, 9, 0), closedCases('1502', 10, 5, 2)]);

      const draft = await get(`/api/region/ranking?period=${month.key}`);
      expect(draft.statusCode, draft.body).toBe(200);
      const draftBody = draft.json<{ published: boolean; noData: string[]; rows: RankingRow[] }>();
      expect(draftBody.published).toBe(false);
      expect(draftBody.noData).toEqual(['inspections', 'surveys']);
      expect(draftBody.rows.map((row) => [row.city, row.rank])).toEqual([
        ['1501', 1],
        ['1502', 2],
      ]);
      expect(draftBody.rows[0]?.components).toMatchObject({ cases: 100, inspections: null, surveys: null });

      // The month is published; once only; an unfinished month cannot be.
      const published = await post(`/api/region/ranking/${month.key}/publish`, {});
      expect(published.statusCode, published.body).toBe(201);
      const again = await post(`/api/region/ranking/${month.key}/publish`, {});
      expectProblem(again, 409, 'CONFLICT');
      expect(again.json().detailZh).toMatch(/已于 .* 发布，不能重复发布/);
      expectProblem(await post(`/api/region/ranking/${today.slice(0, 7)}/publish`, {}), 409, 'CONFLICT');
      const first = (await get(`/api/region/bulletins/${month.key}`)).json();
      expect(first).toMatchObject({
        period: month.key,
        published: true,
        publishedBy: 'region1',
        praised: [{ city: '1501', rank: 1 }],
        criticised: [{ city: '1502', rank: 2 }],
        recount: { changed: false },
      });
      expect(first.title).toMatch(/月全区城市精细化管理排名通报$/);
      const baotouGaps = first.gaps.find((row: { city: string }) => row.city === '1502').indicators;
      expect(baotouGaps.find((cell: { code: string }) => cell.code === 'ON_TIME_CLOSING_RATE')).toMatchObject(
        {
          target: 90,
          value: 50,
          gap: 40,
          measuredBy: 'system',
        },
      );
      expect(baotouGaps.find((cell: { code: string }) => cell.code === 'GREEN_SPACE_RATE')).toMatchObject({
        value: null,
        attainment: 0,
        measuredBy: 'city',
      });

      // More data arrives for the published month: Baotou's late cases close, its reports are accepted.
      await db.insert(reportRollups).values({ ...closedCases('1502', 90, 90, 0), key: '150299b' });
      for (const indicator of ['GREEN_SPACE_RATE', 'PARK_GREEN_PER_CAPITA', 'ROAD_CLEANLINESS'])
        await reportAccepted(
          '1502',
          'bt-supervisor1',
          indicator,
          indicator === 'PARK_GREEN_PER_CAPITA' ? 25 : 95,
        );

      const later = (await get(`/api/region/bulletins/${month.key}`)).json();
      expect(later.ranking).toEqual(first.ranking);
      expect(later.praised).toEqual(first.praised);
      expect(later.recount.changed).toBe(true);
      const recountBaotou = later.recount.rows.find((row: { city: string }) => row.city === '1502');
      expect(recountBaotou.rank).toBe(1);
      expect(recountBaotou.scoreChange).toBeGreaterThan(0);
      expect((await get(`/api/region/ranking?period=${month.key}`)).json().rows).toEqual(
        first.ranking.rows.map(({ cells: _, ...row }: { cells: unknown }) => row),
      );
      // The database keeps the publication as written.
      await expect(
        db.execute(sql`update ${regionRankingPublications} set published_by = 'x'`),
      ).rejects.toMatchObject({ cause: { message: expect.stringMatching(/kept as written/) } });

      // The workbook: ranking, gaps, praise and criticism, and the recount.
      const file = await get(`/api/region/bulletins/${month.key}?format=xlsx`);
      expect(file.headers['content-type']).toMatch(/spreadsheetml/);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
      expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
        '排名',
        '差距',
        '表扬与批评',
        '重新核算',
      ]);
      expect(workbook.getWorksheet('排名')?.getRow(3).getCell(2).value).toBe('呼和浩特市');

      // The next month ranks against the published one: Baotou's recount moves it up.
      const next = (await get(`/api/region/ranking?period=${periodOf('month', today).key}`)).json<{
        rows: RankingRow[];
      }>();
      expect(next.rows.every((row) => row.rankChange === null || Number.isInteger(row.rankChange))).toBe(
        true,
      );

      // The attainment matrix: every target of each city, met or not.
      const matrix = (await get(`/api/region/attainment?period=${month.key}`)).json();
      expect(matrix.published).toBe(true);
      const hohhotGreen = matrix.rows[0].cells.find(
        (cell: { code: string }) => cell.code === 'GREEN_SPACE_RATE',
      );
      expect(hohhotGreen).toMatchObject({ value: 36, target: 35, met: true, reportedFor: quarter });

      // As a workbook: one row per city and target, Chinese headers, the short ones 未达标.
      const matrixFile = await get(`/api/region/attainment?period=${month.key}&format=xlsx`);
      expect(matrixFile.statusCode).toBe(200);
      expect(matrixFile.headers['content-type']).toMatch(/spreadsheetml/);
      const matrixBook = new ExcelJS.Workbook();
      await matrixBook.xlsx.load(matrixFile.rawPayload as unknown as ArrayBuffer);
      const matrixSheet = matrixBook.worksheets[0];
      expect(matrixSheet?.getRow(2).values).toEqual([
        undefined,
        '城市',
        '代码',
        '指标',
        '方向',
        '单位',
        '目标值',
        '实际值',
        '差距',
        '是否达标',
        '来源',
      ]);
      const sheetRows = (matrixSheet?.getRows(3, (matrixSheet?.rowCount ?? 2) - 2) ?? []).map((row) =>
        (row.values as unknown[]).slice(1),
      );
      expect(sheetRows).toContainEqual([
        '呼和浩特市',
        '1501',
        '建成区绿地率',
        '≥',
        '%',
        35,
        36,
        0,
        '达标',
        `报送 ${quarter}`,
      ]);
      expect(sheetRows).toContainEqual(
        expect.arrayContaining(['包头市', '按期结案率', 90, 50, 40, '未达标', '系统计算']),
      );

      // The scheduled publication is idempotent.
      const scheduled = await publishClosedRankings(db, new Date());
      expect(await publishClosedRankings(db, new Date())).toEqual([]);
      expect(scheduled).not.toContain(month.key);

      // 督办 on a lagging target (as published) and on an open case; a met target is refused.
      const lagging = await post('/api/region/supervision-orders', {
        city: '1502',
        indicatorCode: 'ON_TIME_CLOSING_RATE',
        period: month.key,
        reason: '按期结案率低于目标，请限期整改',
      });
      expect(lagging.statusCode, lagging.body).toBe(201);
      expect(lagging.json()).toMatchObject({
        subject: 'target',
        facts: { target: 90, value: 50, gap: 40, published: true },
      });
      const notices = await listNoticesOf(db, 'bt-supervisor1', { unreadOnly: true, limit: 20 });
      expect(notices.find((n) => n.event === 'region.supervisionOrder')?.data).toMatchObject({
        indicatorCode: 'ON_TIME_CLOSING_RATE',
        period: month.key,
      });
      expectProblem(
        await post('/api/region/supervision-orders', {
          city: '1501',
          indicatorCode: 'ON_TIME_CLOSING_RATE',
          period: month.key,
          reason: 'x',
        }),
        409,
        'CONFLICT',
      );
      // On a case it is the engine's 督办: only an overdue (red) one, like a city supervisor's.
      const greenCase = await insertTestCase(db, { state: 'handling' });
      expectProblem(
        await post('/api/region/supervision-orders', { city: '1501', caseId: greenCase.id, reason: 'x' }),
        409,
        'TRANSITION_NOT_ALLOWED',
      );
      const openCase = await insertTestCase(db, { state: 'handling', light: 'red' });
      const onCase = await post('/api/region/supervision-orders', {
        city: '1501',
        caseId: openCase.id,
        reason: '群众反映强烈',
      });
      expect(onCase.statusCode, onCase.body).toBe(201);
      expect(onCase.json()).toMatchObject({ subject: 'case', caseNo: openCase.caseNo });
      expectProblem(
        await post('/api/region/supervision-orders', { city: '1502', caseId: openCase.id, reason: 'x' }),
        404,
        'NOT_FOUND',
      );
      // A city reads its own orders; the ranking is the region's.
      const own = (await get('/api/region/supervision-orders', 'supervisor1')).json();
      expect(own.map((order: { city: string }) => order.city)).toEqual(['1501']);
      expectProblem(await get(`/api/region/ranking?period=${month.key}`, 'supervisor1'), 403, 'FORBIDDEN');
      expectProblem(
        await post(
          '/api/region/supervision-orders',
          { city: '1501', caseId: openCase.id, reason: 'x' },
          'supervisor1',
        ),
        403,
        'FORBIDDEN',
      );
      expectProblem(await get('/api/region/ranking?period=2026-Q5'), 400, 'VALIDATION_FAILED');
    },
  );
});
