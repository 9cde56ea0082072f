import { bearer, expectProblem, loginAs } from '@urbangrid/platform/test-support';
import { redisTest } from '@urbangrid/test-support';
import { describe, expect } from 'vitest';
import { buildIntakeTestApp, type IntakeTestApp, insideHohhot } from '../test/intake-test-app.js';

const phone = '13912345678';

interface Entry {
  at: string;
  actor: string;
  caseNo: string;
  caseId: string;
  route: string;
  districtCode: string;
}

describe('every view of a full phone number is recorded', () => {
  let harness: IntakeTestApp;
  const as: Record<string, Record<string, string>> = {};

  redisTest.beforeAll(async ({ database, redis }) => {
    harness = await buildIntakeTestApp({ database, redis });
    for (const who of ['operator1', 'shiftlead1', 'supervisor1', 'supervisor-150102', 'region1'])
      as[who] = bearer((await loginAs(harness.app, who)).token);
  });
  redisTest.afterAll(async () => harness.close());

  const get = (who: string, url: string) => harness.app.inject({ url, headers: as[who] });
  const accessLog = async (who: string, query = '') => {
    const answer = await get(who, `/api/admin/phone-access${query}`);
    expect(answer.statusCode, answer.body).toBe(200);
    return answer.json() as { items: Entry[]; total: number };
  };

  redisTest(
    'the operator who sees it is recorded with the case and route; a masked view is not',
    async () => {
      const reported = await harness.app.inject({
        method: 'POST',
        url: '/api/intake/reports',
        headers: as.operator1,
        payload: {
          source: 'hotline',
          categoryCode: 'E0101',
          description: '垃圾堆积',
          location: insideHohhot,
          reporter: { name: '李秀英', phone },
        },
      });
      expect(reported.statusCode, reported.body).toBe(201);
      const { id, caseNo } = reported.json();
      expect(reported.json().reporter.phone).toBe(phone);

      const full = await get('operator1', `/api/cases/${id}`);
      expect(full.json().reporter.phone).toBe(phone);
      const masked = await get('shiftlead1', `/api/cases/${id}`);
      expect(masked.json().reporter.phone).toBe('139****5678');
      const listed = await get('operator1', '/api/cases?limit=200');
      expect(listed.json().items.find((c: { id: string }) => c.id === id).reporter.phone).toBe(phone);

      const { items, total } = await accessLog('supervisor1', `?caseNo=${caseNo}`);
      expect(total).toBe(3);
      expect(items.map((e) => [e.actor, e.caseId, e.route])).toEqual([
        ['operator1', id, 'GET /api/cases'],
        ['operator1', id, 'GET /api/cases/:id'],
        ['operator1', id, 'POST /api/intake/reports'],
      ]);
      expect(items.every((e) => e.districtCode === reported.json().districtCode)).toBe(true);
      // Nobody else's view of it (the shift lead saw it masked).
      expect(items.some((e) => e.actor === 'shiftlead1')).toBe(false);
      // Nor does the log itself carry the number.
      expect(JSON.stringify(items)).not.toContain(phone);
    },
  );

  redisTest('supervisors read it by period, and export it as CSV', async () => {
    const all = await accessLog('supervisor1');
    expect(all.total).toBeGreaterThanOrEqual(3);
    const newest = all.items[0] as Entry;
    const oldest = all.items.at(-1) as Entry;
    // `from` is inclusive, `to` exclusive.
    expect((await accessLog('supervisor1', `?from=${encodeURIComponent(oldest.at)}`)).total).toBe(all.total);
    expect((await accessLog('supervisor1', `?to=${encodeURIComponent(oldest.at)}`)).total).toBe(0);
    const upToNewest = await accessLog('supervisor1', `?to=${encodeURIComponent(newest.at)}`);
    expect(upToNewest.items.every((e) => e.at < newest.at)).toBe(true);

    const csv = await get('supervisor1', '/api/admin/phone-access?format=csv');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.headers['content-disposition']).toContain('phone-access.csv');
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(lines[0]).toContain('查看人 actor');
    expect(lines).toHaveLength(all.total + 1);
    expect(lines[1]).toContain(`operator1,1501,${newest.districtCode},${newest.caseNo},${newest.route}`);

    // The district's supervisor reads their district's views; the region's every city's.
    const district = await accessLog('supervisor-150102');
    expect(district.total).toBe(all.items.filter((e) => e.districtCode === '150102').length);
    expect(district.total).toBeLessThan(all.total);
    expect((await accessLog('region1')).total).toBe(all.total);
    expectProblem(await get('supervisor1', '/api/admin/phone-access?city=1502'), 403, 'FORBIDDEN');
    expectProblem(await get('operator1', '/api/admin/phone-access'), 403, 'FORBIDDEN');
    expectProblem(
      await get('supervisor1', '/api/admin/phone-access?from=yesterday'),
      400,
      'VALIDATION_FAILED',
    );
  });
});
