import { redisTest } from '@urbangrid/test-support';
import { describe, expect } from 'vitest';
import { buildTestApp, expectProblem } from '../test-support/index.js';

describe('/metrics with METRICS_TOKEN', () => {
  redisTest('answers only a scraper that sends the token', async ({ database, redis }) => {
    const token = 'a-metrics-token-for-this-test-only';
    const app = await buildTestApp({ database, redis }, { env: { METRICS_TOKEN: token } });
    try {
      expectProblem(await app.inject({ url: '/metrics' }), 401, 'UNAUTHENTICATED');
      const wrong = await app.inject({
        url: '/metrics',
        headers: { authorization: 'Bearer not-the-token-at-all' },
      });
      expectProblem(wrong, 401, 'UNAUTHENTICATED');
      const right = await app.inject({ url: '/metrics', headers: { authorization: `Bearer ${token}` } });
      expect(right.statusCode).toBe(200);
      expect(right.body).toContain('urbangrid_');
    } finally {
      await app.close();
    }
  });
});
