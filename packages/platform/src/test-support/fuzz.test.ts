import { redisTest } from '@urbangrid/test-support';
import { describe, expect } from 'vitest';
import { buildTestApp, loginAs } from './app.js';
import { fuzzRoutes } from './fuzz.js';
import { probeRoutes } from './probe-routes.js';

describe('fuzzRoutes', () => {
  // 60 requests to each of the platform's routes (over 30, and every admin screen adds some): the
  // time grows with the route table, not with any one route.
  redisTest(
    'finds no 5xx on any route of the platform',
    { timeout: 120_000 },
    async ({ database, redis }) => {
      const app = await buildTestApp({ database, redis }, { env: { BODY_LIMIT_BYTES: '65536' } });
      // The probe routes minus the two that fail on purpose.
      await app.register(probeRoutes, { prefix: '/api/probe' });
      await app.ready();
      try {
        const { token } = await loginAs(app, 'operator1');
        const fuzzed = app.registeredRoutes.filter(
          (r) => !r.websocket && !r.url.startsWith('/docs') && !/crash|log-reporter|errors/.test(r.url),
        );
        expect(fuzzed.map((r) => `${r.method} ${r.url}`)).toEqual(
          expect.arrayContaining([
            'POST /api/auth/login',
            'POST /api/auth/refresh',
            'GET /api/auth/me',
            'GET /health',
          ]),
        );
        await fuzzRoutes(app, {
          token,
          apiKey: 'hotline-demo-key',
          runs: 60,
          include: (r) => fuzzed.includes(r),
        });
      } finally {
        await app.close();
      }
    },
  );

  redisTest('reports a route that answers 5xx', async ({ database, redis }) => {
    const app = await buildTestApp({ database, redis }, { live: false });
    await app.register(probeRoutes, { prefix: '/api/probe' });
    await app.ready();
    try {
      await expect(
        fuzzRoutes(app, {
          // Each run picks its credentials at random (none, a bad token, the admin's); enough runs
          // that one of them gets past authentication to the crash, whatever the seed.
          runs: 40,
          include: (r) => r.url === '/api/probe/crash',
          token: (await loginAs(app, 'admin')).token,
        }),
      ).rejects.toThrow(/GET \/api\/probe\/crash/);
    } finally {
      await app.close();
    }
  });
});
