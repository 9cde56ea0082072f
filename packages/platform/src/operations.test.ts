import { redisTest } from '@urbangrid/test-support';
import { Redis } from 'ioredis';
import { describe, expect } from 'vitest';
import { createMetrics } from './observability/metrics.js';
import { bearer, buildTestApp, expectProblem, insertTestCase, loginAs } from './test-support/index.js';

// The business clock of the calendar alarm, whatever the machine's date.
const june1 = new Date('2026-06-01T10:00:00+08:00');
const december2 = new Date('2026-12-02T10:00:00+08:00');

describe('GET /health', () => {
  redisTest('is 200 {"status":"ok"} when PostgreSQL and Redis answer', async ({ database, redis }) => {
    // June 2026: the calendars' loaded years last well beyond 60 days, nothing to add.
    const app = await buildTestApp({ database, redis }, { live: false, now: () => june1 });
    try {
      const response = await app.inject({ url: '/health' });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({ status: 'ok' });
    } finally {
      await app.close();
    }
  });

  redisTest(
    'names, beside the status, each city whose calendar data ends within 60 days',
    async ({ database, redis }) => {
      const app = await buildTestApp({ database, redis }, { live: false, now: () => december2 });
      try {
        const response = await app.inject({ url: '/health' });
        expect(response.statusCode).toBe(200);
        const body = response.json<{ status: string; details: Record<string, string> }>();
        expect(body.status).toBe('ok');
        expect(Object.keys(body.details)).toEqual(['calendar 1501', 'calendar 1502']);
        expect(body.details['calendar 1501']).toMatch(/loaded up to 2026-12-31 \(29 days left\)/);
        const metrics = (await app.inject({ url: '/metrics' })).body;
        expect(metrics).toContain('urbangrid_calendar_days_left{city="1501"} 29');
        expect(metrics).toContain('urbangrid_calendar_ending{city="1502"} 1');
      } finally {
        await app.close();
      }
    },
  );

  redisTest('is 503 problem+json when Redis does not answer', async ({ database, redis }) => {
    // Nothing listens on port 1: every command waits in the offline queue until the health timeout.
    const dead = new Redis('redis://127.0.0.1:1', { lazyConnect: true, retryStrategy: () => 200 });
    dead.on('error', () => undefined);
    const app = await buildTestApp(
      { database, redis: { client: dead, prefix: redis.prefix } },
      { healthTimeoutMs: 300 },
    );
    try {
      const response = await app.inject({ url: '/health' });
      const body = expectProblem(response, 503, 'SERVICE_UNAVAILABLE');
      expect(body.detail).toBe('Redis did not answer');
    } finally {
      await app.close();
      dead.disconnect();
    }
  });
});

describe('GET /metrics', () => {
  redisTest(
    'exposes request durations by route pattern and open cases by state and light',
    async ({ database, redis }) => {
      const metrics = createMetrics();
      const app = await buildTestApp({ database, redis }, { metrics, live: false });
      try {
        await insertTestCase(database.db, {
          state: 'handling',
          light: 'red',
          city: '1502',
          gridCode: '150203001001001',
        });
        await insertTestCase(database.db, {
          state: 'closed',
          light: 'green',
          city: '1502',
          gridCode: '150203001001001',
        });
        const { token } = await loginAs(app, 'admin');
        await app.inject({ url: '/api/auth/me', headers: bearer(token) });
        await app.inject({ url: '/no/such/route/42' });
        // The engine's way in: a gauge filled at scrape time.
        metrics.registerGauge({
          name: 'urbangrid_queue_depth',
          help: 'Jobs waiting per queue',
          labelNames: ['queue'] as const,
          collect() {
            this.set({ queue: 'task' }, 3);
          },
        });
        expect(metrics.registerGauge({ name: 'urbangrid_queue_depth', help: 'again' })).toBe(
          metrics.registry.getSingleMetric('urbangrid_queue_depth'),
        );

        const response = await app.inject({ url: '/metrics' });
        expect(response.statusCode).toBe(200);
        expect(response.headers['content-type']).toMatch(/^text\/plain/);
        const text = response.body;
        expect(text).toMatch(
          /http_request_duration_seconds_count\{method="GET",route="\/api\/auth\/me",status_code="200"\} 1/,
        );
        expect(text).toMatch(
          /http_request_duration_seconds_bucket\{le="0.005",method="POST",route="\/api\/auth\/login"/,
        );
        // Unknown URLs share one series instead of one each.
        expect(text).toContain('route="unmatched",status_code="404"');
        expect(text).not.toContain('/no/such/route/42');
        expect(text).toMatch(/urbangrid_open_cases\{city="1502",state="handling",light="red"\} 1/);
        expect(text).not.toMatch(/urbangrid_open_cases\{city="1502",state="closed"/);
        expect(text).toMatch(/urbangrid_queue_depth\{queue="task"\} 3/);
        expect(text).toContain('process_cpu_user_seconds_total');
      } finally {
        await app.close();
      }
    },
  );
});

describe('GET /docs', () => {
  redisTest(
    'serves Swagger UI and the OpenAPI document generated from the zod schemas',
    async ({ database, redis }) => {
      const app = await buildTestApp({ database, redis }, { live: false });
      try {
        const ui = await app.inject({ url: '/docs/' });
        expect(ui.statusCode).toBe(200);
        expect(ui.headers['content-type']).toMatch(/text\/html/);
        const response = await app.inject({ url: '/docs/json' });
        expect(response.statusCode).toBe(200);
        const spec = response.json();
        expect(spec.openapi).toMatch(/^3\./);
        const login = spec.paths['/api/auth/login'].post;
        expect(login.requestBody.content['application/json'].schema).toMatchObject({
          type: 'object',
          required: ['username', 'password'],
          properties: { username: { type: 'string' }, password: { type: 'string' } },
        });
        expect(login.responses['200'].content['application/json'].schema.properties).toHaveProperty(
          'refreshToken',
        );
        expect(spec.paths['/health'].get).toBeDefined();
        expect(spec.paths['/api/auth/me'].get).toBeDefined();
        expect(spec.components.securitySchemes).toHaveProperty('bearerAuth');
        // Login, refresh and health are open.
        expect(login.security).toEqual([]);
        expect(spec.paths['/health'].get.security).toEqual([]);
        // The WebSocket and the metrics are not HTTP API routes.
        expect(spec.paths['/api/live']).toBeUndefined();
        expect(spec.paths['/metrics']).toBeUndefined();
      } finally {
        await app.close();
      }
    },
  );
});
