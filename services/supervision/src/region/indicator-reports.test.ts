/**
 * Cities report, the region reviews, over HTTP on a real database: Hohhot's supervision centre
 * reports a quarter's green-space ratio with a photo as evidence, the region returns it with a
 * reason (the city is notified), the city resubmits, the region accepts; the history keeps every
 * step. The refusals: a value outside its unit, a closed period, a system-measured indicator, the
 * wrong roles, a second report while one waits.
 */
import { insertMediaOnce, listNoticesOf, regionIndicatorReportVersions } from '@urbangrid/db';
import { periodOf, previousPeriod } from '@urbangrid/domain';
import { createEngineContext, localDay } from '@urbangrid/engine';
import type { App } from '@urbangrid/platform';
import { bearer, buildTestApp, expectProblem, loginAs } from '@urbangrid/platform/test-support';
import { redisTest } from '@urbangrid/test-support';
import { sql } from 'drizzle-orm';
import { describe, expect } from 'vitest';
import { supervisionService } from '../index.js';

describe('city indicator reports', () => {
  let app: App;
  let tokens: Record<string, Record<string, string>>;
  // The quarter open today, and one long closed.
  const today = localDay(new Date(), 'Asia/Shanghai');
  const quarter = periodOf('quarter', today).key;
  const closed = previousPeriod(previousPeriod(periodOf('quarter', today))).key;

  redisTest.beforeAll(async ({ database, redis }) => {
    const engine = createEngineContext({ db: database.db });
    app = await buildTestApp({ database, redis }, { services: [supervisionService({ engine })] });
    tokens = {};
    for (const user of ['region1', 'region-admin', 'supervisor1', 'supervisor-150102', 'bt-supervisor1'])
      tokens[user] = bearer((await loginAs(app, user)).token);
  });
  redisTest.afterAll(async () => {
    await app?.close();
  });

  const url = (indicator: string, period = quarter, city = '1501') =>
    `/api/region/reports/${city}/${indicator}/${period}`;
  const report = (
    body: Record<string, unknown>,
    options: { user?: string; indicator?: string; period?: string; city?: string } = {},
  ) =>
    app.inject({
      method: 'PUT',
      url: url(options.indicator ?? 'GREEN_SPACE_RATE', options.period, options.city),
      headers: tokens[options.user ?? 'supervisor1'],
      payload: body,
    });
  const review = (body: Record<string, unknown>, user = 'region1') =>
    app.inject({
      method: 'POST',
      url: `${url('GREEN_SPACE_RATE')}/review`,
      headers: tokens[user],
      payload: body,
    });

  redisTest(
    'a report returned with a reason, resubmitted and accepted keeps its whole history',
    async ({ database }) => {
      const photo = await insertMediaOnce(database.db, {
        id: 'evidence-green-1',
        city: '1501',
        sha256: 'e'.repeat(64),
        contentType: 'image/jpeg',
        size: 1234,
        storageKey: 'test/evidence-green-1',
        uploadedBy: 'supervisor1',
        createdAt: new Date(),
      });
      const first = await report({ value: 33.5, note: '园林局统计', evidence: [photo.id] });
      expect(first.statusCode, first.body).toBe(201);
      expect(first.json()).toMatchObject({
        state: 'submitted',
        version: 1,
        value: 33.5,
        evidence: [photo.id],
      });
      // While it waits for review the city cannot replace it.
      expectProblem(await report({ value: 34 }), 409, 'CONFLICT');

      const returned = await review({ decision: 'return', reason: '缺少遥感测绘佐证' });
      expect(returned.statusCode, returned.body).toBe(200);
      expect(returned.json()).toMatchObject({
        state: 'returned',
        version: 2,
        returnReason: '缺少遥感测绘佐证',
      });
      const notices = await listNoticesOf(database.db, 'supervisor1', { unreadOnly: true, limit: 20 });
      expect(notices.find((n) => n.event === 'region.reportReturned')?.data).toMatchObject({
        indicatorCode: 'GREEN_SPACE_RATE',
        period: quarter,
        reason: '缺少遥感测绘佐证',
      });
      // A returned report is not reviewed again until resubmitted.
      expectProblem(await review({ decision: 'accept' }), 409, 'TRANSITION_NOT_ALLOWED');

      // Resubmitted against a stale version: 409; against the one seen: 200.
      const stale = await app.inject({
        method: 'PUT',
        url: url('GREEN_SPACE_RATE'),
        headers: { ...tokens.supervisor1, 'if-match': '"1"' },
        payload: { value: 34.2, evidence: [photo.id] },
      });
      expectProblem(stale, 409, 'VERSION_CONFLICT');
      const again = await app.inject({
        method: 'PUT',
        url: url('GREEN_SPACE_RATE'),
        headers: { ...tokens.supervisor1, 'if-match': '"2"' },
        payload: { value: 34.2, note: '补充遥感测绘报告', evidence: [photo.id] },
      });
      expect(again.statusCode, again.body).toBe(200);
      expect(again.json()).toMatchObject({ state: 'submitted', version: 3, value: 34.2, returnReason: null });

      const accepted = await review({ decision: 'accept' }, 'region-admin');
      expect(accepted.json()).toMatchObject({ state: 'accepted', version: 4, decidedBy: 'region-admin' });
      expectProblem(await report({ value: 40 }), 409, 'CONFLICT');

      const detail = await app.inject({ url: url('GREEN_SPACE_RATE'), headers: tokens.region1 });
      expect(detail.headers.etag).toBe('"4"');
      expect(
        detail
          .json()
          .history.map((step: { action: string; value: number; reason: string | null; actor: string }) => [
            step.action,
            step.value,
            step.reason,
            step.actor,
          ]),
      ).toEqual([
        ['submit', 33.5, null, 'supervisor1'],
        ['return', 33.5, '缺少遥感测绘佐证', 'region1'],
        ['resubmit', 34.2, null, 'supervisor1'],
        ['accept', 34.2, null, 'region-admin'],
      ]);
      // The history is kept as written: the database refuses to change it.
      await expect(
        database.db.execute(sql`update ${regionIndicatorReportVersions} set value = 99`),
      ).rejects.toMatchObject({ cause: { message: expect.stringMatching(/kept as written/) } });

      // The region lists every city's; a city its own only.
      const list = await app.inject({
        url: `/api/region/reports?period=${quarter}`,
        headers: tokens.region1,
      });
      expect(list.json().map((r: { city: string }) => r.city)).toEqual(['1501']);
      const baotou = await app.inject({ url: '/api/region/reports', headers: tokens['bt-supervisor1'] });
      expect(baotou.json()).toEqual([]);
      expectProblem(
        await app.inject({ url: '/api/region/reports?city=1501', headers: tokens['bt-supervisor1'] }),
        403,
        'FORBIDDEN',
      );
    },
  );

  redisTest('bad input answers problem+json with a clear message in English and Chinese', async () => {
    const over = expectProblem(
      await report({ value: 120 }, { indicator: 'SEWAGE_TREATMENT' }),
      400,
      'VALUE_OUT_OF_RANGE',
    );
    expect(over.detail).toMatch(/120 lies outside 0–100 %/);
    expect(over.detailZh).toMatch(/超出单位 % 的范围/);
    const yesNo = expectProblem(
      await report({ value: 0.5 }, { indicator: 'DUST_CONTROL_MEASURES' }),
      400,
      'VALUE_OUT_OF_RANGE',
    );
    expect(yesNo.detailZh).toMatch(/1（已完成）或 0/);

    const late = expectProblem(
      await report({ value: 96 }, { indicator: 'SEWAGE_TREATMENT', period: closed }),
      409,
      'PERIOD_CLOSED',
    );
    expect(late.detail).toMatch(
      new RegExp(`period ${closed} is closed: its reports were due by \\d{4}-\\d{2}-\\d{2}`),
    );
    expect(late.detailZh).toMatch(/已关闭/);
    const future = `${Number(today.slice(0, 4)) + 1}-Q1`;
    expect(
      expectProblem(
        await report({ value: 96 }, { indicator: 'SEWAGE_TREATMENT', period: future }),
        409,
        'PERIOD_CLOSED',
      ).detail,
    ).toMatch(/has not begun/);

    // The period's kind is the indicator's (a quarter by default); a month is refused.
    expectProblem(
      await report({ value: 96 }, { indicator: 'SEWAGE_TREATMENT', period: today.slice(0, 7) }),
      400,
      'VALIDATION_FAILED',
    );
    expectProblem(
      await report({ value: 96 }, { indicator: 'SEWAGE_TREATMENT', period: '2026-Q5' }),
      400,
      'VALIDATION_FAILED',
    );
    // The system measures case indicators itself.
    expectProblem(
      await report({ value: 96 }, { indicator: 'ON_TIME_CLOSING_RATE', period: today.slice(0, 7) }),
      409,
      'CONFLICT',
    );
    // Evidence must be the city's own uploads.
    expectProblem(
      await report({ value: 96, evidence: ['no-such-media'] }, { indicator: 'SEWAGE_TREATMENT' }),
      400,
      'VALIDATION_FAILED',
    );
    // A county-level target does not apply to Hohhot.
    expectProblem(
      await report({ value: 90 }, { indicator: 'SEWAGE_TREATMENT_COUNTY' }),
      400,
      'VALIDATION_FAILED',
    );
    // A district supervisor, another city's centre and the region do not report Hohhot's values.
    expectProblem(
      await report({ value: 96 }, { indicator: 'SEWAGE_TREATMENT', user: 'supervisor-150102' }),
      403,
      'FORBIDDEN',
    );
    expectProblem(
      await report({ value: 96 }, { indicator: 'SEWAGE_TREATMENT', user: 'bt-supervisor1' }),
      403,
      'FORBIDDEN',
    );
    expectProblem(
      await report({ value: 96 }, { indicator: 'SEWAGE_TREATMENT', user: 'region1' }),
      403,
      'FORBIDDEN',
    );
    // A city does not review.
    expectProblem(
      await app.inject({
        method: 'POST',
        url: `${url('SEWAGE_TREATMENT')}/review`,
        headers: tokens.supervisor1,
        payload: { decision: 'accept' },
      }),
      403,
      'FORBIDDEN',
    );
    expectProblem(await review({ decision: 'return' }), 400, 'VALIDATION_FAILED');
  });
});
