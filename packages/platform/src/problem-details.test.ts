import { redisTest } from '@urbangrid/test-support';
import { describe, expect } from 'vitest';
import type { App } from './app.js';
import {
  bearer,
  buildTestApp,
  catalogueEntries,
  expectProblem,
  loginAs,
  probeRoutes,
} from './test-support/index.js';

describe('errors as application/problem+json', () => {
  let app: App;
  let token: string;

  redisTest.beforeAll(async ({ database, redis }) => {
    app = await buildTestApp({ database, redis }, { env: { BODY_LIMIT_BYTES: '2048' } });
    await app.register(probeRoutes, { prefix: '/api/probe' });
    await app.ready();
    token = (await loginAs(app, 'admin')).token;
  });
  redisTest.afterAll(async () => {
    await app.close();
  });

  redisTest('every catalogue code answers with its status and the five members', async () => {
    for (const [code, { status }] of catalogueEntries) {
      const response = await app.inject({ url: `/api/probe/errors/${code}`, headers: bearer(token) });
      if (status >= 500 && code !== 'SERVICE_UNAVAILABLE') {
        // A 500 never describes itself, even when thrown on purpose.
        const body = expectProblem(response, 500, 'INTERNAL');
        expect(body.detail).not.toContain('probe');
        continue;
      }
      const body = expectProblem(response, status, code);
      expect(body).toEqual({
        type: `urn:urbangrid:problem:${code.toLowerCase().replace(/_/g, '-')}`,
        title: expect.any(String),
        titleZh: expect.stringMatching(/\p{Script=Han}/u),
        status,
        detail: `probe ${code}`,
        code,
      });
    }
  });

  redisTest('a validation failure names each failing field', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/probe/validated?page=0',
      headers: bearer(token),
      payload: { name: 'ok', location: { lat: 1, lng: 2 } },
    });
    const body = expectProblem(response, 400, 'VALIDATION_FAILED');
    const errors = body.errors as { in: string; path: string; message: string }[];
    expect(errors).toEqual([{ in: 'querystring', path: 'page', message: expect.any(String) }]);
    expect(body.detail).toContain('querystring.page');

    const bodyOnly = await app.inject({
      method: 'POST',
      url: '/api/probe/validated',
      headers: bearer(token),
      payload: { name: '', location: { lat: 91, lng: 'east' }, tags: ['a', 'b', 'c', 'd'] },
    });
    const paths = (
      expectProblem(bodyOnly, 400, 'VALIDATION_FAILED').errors as { in: string; path: string }[]
    ).map((e) => `${e.in}:${e.path}`);
    expect(paths.sort()).toEqual(['body:location.lat', 'body:location.lng', 'body:name', 'body:tags']);
  });

  redisTest(
    'malformed JSON, an empty JSON body and a wrong content type are mapped to the catalogue',
    async () => {
      const headers = { ...bearer(token), 'content-type': 'application/json' };
      const bad = await app.inject({
        method: 'POST',
        url: '/api/probe/validated',
        headers,
        payload: '{"name": ',
      });
      expectProblem(bad, 400, 'VALIDATION_FAILED');
      const empty = await app.inject({ method: 'POST', url: '/api/probe/validated', headers, payload: '' });
      expectProblem(empty, 400, 'VALIDATION_FAILED');
      const xml = await app.inject({
        method: 'POST',
        url: '/api/probe/validated',
        headers: { ...bearer(token), 'content-type': 'application/xml' },
        payload: '<name/>',
      });
      expectProblem(xml, 415, 'UNSUPPORTED_MEDIA_TYPE');
    },
  );

  redisTest('a body over the limit is PAYLOAD_TOO_LARGE', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/probe/validated',
      headers: bearer(token),
      payload: { name: 'x'.repeat(4096), location: { lat: 1, lng: 1 } },
    });
    expectProblem(response, 413, 'PAYLOAD_TOO_LARGE');
  });

  redisTest(
    'a NUL character anywhere, or an over-long path parameter, is VALIDATION_FAILED, not a 500',
    async () => {
      const headers = bearer(token);
      expectProblem(await app.inject({ url: '/api/probe/cases/a%00b', headers }), 400, 'VALIDATION_FAILED');
      expectProblem(
        await app.inject({ url: `/api/probe/cases/${'x'.repeat(400)}`, headers }),
        400,
        'VALIDATION_FAILED',
      );
      const response = await app.inject({
        method: 'POST',
        url: '/api/probe/validated',
        headers,
        payload: { name: 'a\u0000b', location: { lat: 1, lng: 1 } },
      });
      expectProblem(response, 400, 'VALIDATION_FAILED');
    },
  );

  redisTest('an unknown route is NOT_FOUND (and under /api, 401 first without a token)', async () => {
    expectProblem(await app.inject({ url: '/nowhere' }), 404, 'NOT_FOUND');
    expectProblem(await app.inject({ url: '/api/nowhere' }), 401, 'UNAUTHENTICATED');
    expectProblem(await app.inject({ url: '/api/nowhere', headers: bearer(token) }), 404, 'NOT_FOUND');
  });

  redisTest('an unexpected error is a 500 that leaks nothing', async () => {
    const response = await app.inject({ url: '/api/probe/crash', headers: bearer(token) });
    const body = expectProblem(response, 500, 'INTERNAL');
    expect(response.body).not.toMatch(/hunter2|db\.internal|secret|stack/);
    expect(Object.keys(body).sort()).toEqual(['code', 'detail', 'status', 'title', 'titleZh', 'type']);
  });

  redisTest('the request id is honoured when sane, generated otherwise, and echoed', async () => {
    const given = await app.inject({ url: '/health', headers: { 'x-request-id': 'console-42.a:b' } });
    expect(given.headers['x-request-id']).toBe('console-42.a:b');
    const forged = await app.inject({ url: '/health', headers: { 'x-request-id': 'evil\nline' } });
    expect(forged.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const none = await app.inject({ url: '/health' });
    expect(none.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});
