import { bearer, expectProblem, loginAs } from '@urbangrid/platform/test-support';
import { redisTest } from '@urbangrid/test-support';
import { describe, expect } from 'vitest';
import { buildIntakeTestApp, type IntakeTestApp, insideHohhot } from '../test/intake-test-app.js';

describe('GET /api/public/cases/:caseNo', () => {
  let harness: IntakeTestApp;

  redisTest.beforeAll(async ({ database, redis }) => {
    harness = await buildIntakeTestApp(
      { database, redis },
      { rateLimits: { public: { max: 5, timeWindow: 60_000 } } },
    );
  });
  redisTest.afterAll(async () => harness.close());

  redisTest('shows progress without a token and without personal data', async () => {
    const operator = bearer((await loginAs(harness.app, 'operator1')).token);
    const created = await harness.app.inject({
      method: 'POST',
      url: '/api/intake/reports',
      headers: operator,
      payload: {
        source: 'hotline',
        categoryCode: 'E0101',
        description: '张三 says the bin at his door overflows',
        location: insideHohhot,
        address: '新华大街100号',
        reporter: { name: '张三', phone: '13812345678' },
        callId: 'CALL-1',
      },
    });
    const { caseNo, createdAt } = created.json();
    const response = await harness.app.inject({ method: 'GET', url: `/api/public/cases/${caseNo}` });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({
      caseNo,
      state: 'reported',
      categoryCode: 'E0101',
      createdAt,
      closedAt: null,
      followsCaseNo: null,
    });
    for (const secret of ['张三', '138', '5678', 'CALL-1', '新华大街', 'overflows']) {
      expect(response.body).not.toContain(secret);
    }
  });

  redisTest('an unknown number is 404 problem+json; too many lookups are 429', async () => {
    expectProblem(
      await harness.app.inject({ method: 'GET', url: '/api/public/cases/2099010100001' }),
      404,
      'NOT_FOUND',
    );
    const answers = [];
    for (let i = 0; i < 6; i++) {
      answers.push(
        (await harness.app.inject({ method: 'GET', url: '/api/public/cases/2099010100001' })).statusCode,
      );
    }
    expect(answers).toContain(429);
  });
});
