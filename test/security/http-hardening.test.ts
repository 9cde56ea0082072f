/**
 * HTTP hardening (issue 14 point 10): every answer carries the security headers and a
 * Content-Security-Policy (extendable by configuration for a city's base map), and CORS is open for
 * Open311 only (its reads, and its POST with an api_key, never credentials) — any other route gives
 * another origin's page nothing to read. (That the console keeps to the policy is the browser walk's last step.)
 */
import { readFileSync } from 'node:fs';
import { createEngineContext } from '@urbangrid/engine';
import { intakeService } from '@urbangrid/intake';
import { type App, ConfigError, contentSecurityDirectives, loadConfig } from '@urbangrid/platform';
import { bearer, buildTestApp, loginAs } from '@urbangrid/platform/test-support';
import { redisTest } from '@urbangrid/test-support';
import { describe, expect } from 'vitest';

const elsewhere = 'https://elsewhere.example';

describe('HTTP hardening', () => {
  let app: App;

  redisTest.beforeAll(async ({ database, redis }) => {
    const engine = createEngineContext({ db: database.db });
    app = await buildTestApp(
      { database, redis },
      { services: [intakeService({ engine })], env: { CSP_IMG_SOURCES: 'https://tiles.example.gov.cn' } },
    );
    await app.ready();
  });
  redisTest.afterAll(async () => {
    await app.close();
  });

  redisTest('every answer carries the security headers and the Content-Security-Policy', async () => {
    for (const url of ['/health', '/api/auth/me', '/no-such-page']) {
      const response = await app.inject({ url });
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(response.headers['referrer-policy']).toBe('same-origin');
      const policy = String(response.headers['content-security-policy']);
      for (const directive of [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "object-src 'none'",
        "frame-ancestors 'none'",
        "connect-src 'self'",
      ]) {
        expect(policy).toContain(directive);
      }
      expect(policy).not.toContain('unsafe-inline');
      expect(policy).not.toContain('unsafe-eval');
      // A city's tile server, named in CSP_IMG_SOURCES, may serve the console images.
      expect(policy).toContain("img-src 'self' data: blob: https://tiles.example.gov.cn");
    }
  });

  redisTest("the docker gateway serves the console's page with the app's default policy", () => {
    const nginx = readFileSync(new URL('../../docker/nginx.conf', import.meta.url), 'utf8');
    const served = /add_header Content-Security-Policy "([^"]+)"/.exec(nginx)?.[1] ?? '';
    const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
    const expected = Object.entries(contentSecurityDirectives()).map(
      ([k, v]) => `${kebab(k)} ${v.join(' ')}`,
    );
    expect(served.split(';')).toEqual(expected);
  });

  redisTest('a source that would smuggle a directive into the policy stops the start', () => {
    expect(() =>
      loadConfig({ CSP_CONNECT_SOURCES: "https://ok.example; script-src 'unsafe-inline'" }),
    ).toThrow(ConfigError);
    expect(
      loadConfig({ CSP_CONNECT_SOURCES: 'https://a.example, wss://*.b.example:8443' }).CSP_CONNECT_SOURCES,
    ).toEqual(['https://a.example', 'wss://*.b.example:8443']);
  });

  redisTest('any origin may read Open311, preflight included', async () => {
    const read = await app.inject({
      url: '/open311/v2/services.json?jurisdiction_id=1501',
      headers: { origin: elsewhere },
    });
    expect(read.statusCode, read.body).toBe(200);
    expect(read.headers['access-control-allow-origin']).toBe('*');
    const preflight = await app.inject({
      method: 'OPTIONS',
      url: '/open311/v2/requests.json',
      headers: { origin: elsewhere, 'access-control-request-method': 'GET' },
    });
    expect(preflight.statusCode).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe('*');
    expect(String(preflight.headers['access-control-allow-methods'])).toBe('GET, HEAD, POST');
  });

  redisTest('a browser app may POST to Open311 with its api_key, preflight included', async () => {
    const preflight = await app.inject({
      method: 'OPTIONS',
      url: '/open311/v2/requests.json',
      headers: {
        origin: elsewhere,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    });
    expect(preflight.statusCode).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe('*');
    expect(String(preflight.headers['access-control-allow-methods'])).toContain('POST');
    expect(String(preflight.headers['access-control-allow-headers'])).toMatch(/content-type/i);
    expect(preflight.headers['access-control-allow-credentials']).toBeUndefined();
    const posted = await app.inject({
      method: 'POST',
      url: '/open311/v2/requests.json',
      headers: { origin: elsewhere, 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'api_key=nothing',
    });
    // Refused for its key, in a form the browser lets the app read.
    expect(posted.statusCode).toBe(403);
    expect(posted.headers['access-control-allow-origin']).toBe('*');
    expect(posted.headers['access-control-allow-credentials']).toBeUndefined();
  });

  redisTest('no other route lets another origin read it', async () => {
    const { token } = await loginAs(app, 'dispatcher1');
    const answers = [
      await app.inject({ url: '/api/cases', headers: { origin: elsewhere, ...bearer(token) } }),
      await app.inject({ url: '/api/public/cases/none', headers: { origin: elsewhere } }),
      await app.inject({
        method: 'OPTIONS',
        url: '/api/auth/login',
        headers: { origin: elsewhere, 'access-control-request-method': 'POST' },
      }),
      await app.inject({
        method: 'OPTIONS',
        url: '/open311/v2/requests.json',
        headers: { origin: elsewhere, 'access-control-request-method': 'DELETE' },
      }),
    ];
    for (const answer of answers) {
      expect(answer.headers['access-control-allow-origin'], answer.body).toBeUndefined();
      expect(answer.headers['access-control-allow-credentials']).toBeUndefined();
    }
    // The preflights are refused outright.
    expect(answers.slice(2).map((a) => a.statusCode)).toEqual([404, 404]);
  });
});
