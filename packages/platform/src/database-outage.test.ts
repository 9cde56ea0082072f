/**
 * PostgreSQL away, as the HTTP layer meets it: every request that needs the database answers 503
 * problem+json SERVICE_UNAVAILABLE with a Retry-After — sign-in, a bearer token's account, an
 * integration key — never a 500 or a misleading 401. (test/process restarts a real server under
 * running processes.)
 */
import { createDatabase, type Database } from '@urbangrid/db';
import { redisTest } from '@urbangrid/test-support';
import getPort from 'get-port';
import { afterAll, describe, expect } from 'vitest';
import type { App } from './app.js';
import { retryAfterSeconds } from './problem-details.js';
import { bearer, buildTestApp, expectProblem, loginAs } from './test-support/index.js';

describe('with PostgreSQL away', () => {
  let away: Database | undefined;
  let down: App | undefined;
  let up: App | undefined;

  afterAll(async () => {
    await down?.close();
    await up?.close();
    await away?.close();
  });

  redisTest('requests that need the database answer 503 with Retry-After', async ({ database, redis }) => {
    up = await buildTestApp({ database, redis }, { live: false });
    const { token } = await loginAs(up, 'operator1');
    // Nothing listens there: every connection is refused, as while the server is stopped.
    const port = await getPort({ host: '127.0.0.1' });
    away = createDatabase(`postgres://postgres@127.0.0.1:${port}/urbangrid`, { max: 2 });
    down = await buildTestApp({ database: { db: away.db }, redis }, { live: false, healthTimeoutMs: 2_000 });

    const requests = [
      { method: 'POST' as const, url: '/api/auth/login', payload: { username: 'operator1', password: 'x' } },
      { method: 'GET' as const, url: '/api/auth/me', headers: bearer(token) },
      { method: 'GET' as const, url: '/api/auth/me', headers: { 'x-api-key': 'hotline-demo-key' } },
      { method: 'GET' as const, url: '/health' },
    ];
    for (const request of requests) {
      const response = await down.inject(request);
      const body = expectProblem(response, 503, 'SERVICE_UNAVAILABLE');
      expect(response.headers['retry-after'], request.url).toBe(String(retryAfterSeconds));
      expect(JSON.stringify(body)).not.toContain(String(port));
    }
    // /health names the part that is down.
    const health = expectProblem(await down.inject({ url: '/health' }), 503, 'SERVICE_UNAVAILABLE');
    expect(health.detail).toBe('PostgreSQL did not answer');
    // The same request on the database that answers is fine: the 503 was the outage.
    expect((await up.inject({ url: '/api/auth/me', headers: bearer(token) })).statusCode).toBe(200);
  });
});
