import { fuzzRoutes, loginAs } from '@urbangrid/platform/test-support';
import { redisTest } from '@urbangrid/test-support';
import { describe, expect } from 'vitest';
import { buildIntakeTestApp } from './test/intake-test-app.js';

const generous = { max: 100_000, timeWindow: 60_000 };

describe('intake routes', () => {
  redisTest('no input gives a 5xx on any intake, public or Open311 route', async ({ database, redis }) => {
    const harness = await buildIntakeTestApp(
      { database, redis },
      {
        rateLimits: {
          public: generous,
          open311Read: generous,
          open311Write: generous,
        },
      },
    );
    try {
      const ours = (url: string) => /^\/(api\/intake|api\/public|open311)\//.test(url);
      const routes = harness.app.registeredRoutes
        .filter((r) => ours(r.url))
        .map((r) => `${r.method} ${r.url}`);
      expect(routes).toEqual(
        expect.arrayContaining([
          'POST /api/intake/reports',
          'POST /api/intake/media',
          'GET /api/intake/media/:id',
          'GET /api/intake/addresses',
          'GET /api/intake/duplicates',
          'POST /api/intake/cases/:id/duplicate-of',
          'GET /api/public/cases/:caseNo',
          'GET /open311/v2/discovery.:format',
          'GET /open311/v2/services.:format',
          'GET /open311/v2/services/:service_code.:format',
          'GET /open311/v2/requests.:format',
          'POST /open311/v2/requests.:format',
          'GET /open311/v2/requests/:service_request_id.:format',
          'GET /open311/v2/tokens/:token.:format',
          'GET /open311/v2/servicerequestupdates.:format',
          'GET /open311/v2/media/:media_id',
        ]),
      );
      const { token } = await loginAs(harness.app, 'operator1');
      await fuzzRoutes(harness.app, {
        token,
        apiKey: 'open311-demo-key',
        runs: 50,
        include: (r) => ours(r.url),
      });
      const lead = await loginAs(harness.app, 'shiftlead1');
      await fuzzRoutes(harness.app, {
        token: lead.token,
        runs: 30,
        include: (r) => r.url.includes('duplicate'),
      });
    } finally {
      await harness.close();
    }
  });

  redisTest('every route is documented in OpenAPI with a tag and a summary', async ({ database, redis }) => {
    const harness = await buildIntakeTestApp({ database, redis });
    try {
      const response = await harness.app.inject({ method: 'GET', url: '/docs/json' });
      expect(response.statusCode).toBe(200);
      const paths = response.json().paths as Record<
        string,
        Record<string, { tags?: string[]; summary?: string }>
      >;
      const ours = Object.entries(paths).filter(([path]) =>
        /^\/(api\/intake|api\/public|open311)\//.test(path),
      );
      expect(ours.length).toBeGreaterThanOrEqual(13);
      for (const [path, operations] of ours) {
        for (const [method, operation] of Object.entries(operations)) {
          expect(operation.tags?.length, `${method} ${path}`).toBeGreaterThan(0);
          expect(operation.summary, `${method} ${path}`).toBeTruthy();
        }
      }
    } finally {
      await harness.close();
    }
  });

  redisTest(
    'Open311 POSTs without a valid api_key are rate limited per address',
    async ({ database, redis }) => {
      const harness = await buildIntakeTestApp(
        { database, redis },
        { rateLimits: { open311Write: { max: 2, timeWindow: 60_000 } } },
      );
      try {
        const statuses: number[] = [];
        for (let i = 0; i < 4; i++) {
          const response = await harness.app.inject({
            method: 'POST',
            url: '/open311/v2/requests.json',
            // An address of its own: the fuzz test above spent this file's counters for 127.0.0.1.
            remoteAddress: '10.31.1.1',
            headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-api-key': `guess-${i}` },
            payload: `api_key=guess-${i}&service_code=E0101&lat=40.83&long=111.67`,
          });
          statuses.push(response.statusCode);
          // The spec's status (400), the limit's own number as the error's code, and when to retry.
          if (response.statusCode === 400) {
            expect(response.json()).toEqual([{ code: 429, description: expect.any(String) }]);
            expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
          }
        }
        // Guessed keys are refused (403) until the address has spent its tries, whatever key it names.
        expect(statuses).toEqual([403, 403, 400, 400]);
      } finally {
        await harness.close();
      }
    },
  );
});
