/**
 * The text guard over the app's whole route table, read from fastify: every text input of every
 * route (each path parameter, each string field of its query string and JSON body, as its zod
 * schema declares them) is sent a control character, and every JSON text field a lone surrogate;
 * each answers 400 VALIDATION_FAILED naming that field (Open311 in its own error format), never a
 * 5xx. A route added later is covered without touching this file.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { dispatchService } from '@urbangrid/dispatch';
import type { Role } from '@urbangrid/domain';
import { createEngineContext } from '@urbangrid/engine';
import { handlingService } from '@urbangrid/handling';
import { intakeService } from '@urbangrid/intake';
import { type App, defaultRateLimits, type RouteSummary, roles } from '@urbangrid/platform';
import {
  bearer,
  buildTestApp,
  demoUserOf,
  loginAs,
  requestWithText,
  type TextInput,
  textInputsOf,
} from '@urbangrid/platform/test-support';
import { supervisionService } from '@urbangrid/supervision';
import { redisTest } from '@urbangrid/test-support';
import { describe, expect } from 'vitest';
import { sign } from '../integrations/police110-stand-in.js';

/** What no text field accepts; the guard's rule says why each is here. */
const controlCharacters = ['\u0000', '\u0001', '\u001b[31m', '\u007f', '\u0085'];
const loneSurrogates = ['\ud800', 'x\udfff', '\udc00\ud800'];

describe('the text guard over every route', () => {
  let app: App;
  /** A token of each role, so each route is sent by a caller it admits (the guard then reads the text). */
  const tokens = new Map<Role, string>();
  /** 110's key: its routes admit a signed request only (README "110 linkage"). */
  let police110 = { key: '', signingSecret: '' };
  let mediaDir: string;

  redisTest.beforeAll(async ({ database, redis }) => {
    const engine = createEngineContext({ db: database.db });
    mediaDir = await mkdtemp(path.join(tmpdir(), 'urbangrid-text-guard-'));
    app = await buildTestApp(
      { database, redis },
      {
        live: false,
        env: { MEDIA_DIR: mediaDir },
        // Every route is called many times here; the limits have their own tests.
        rateLimits: Object.fromEntries(
          Object.keys(defaultRateLimits).map((group) => [group, { max: 1_000_000, timeWindow: 60_000 }]),
        ),
        services: [intakeService, dispatchService, handlingService, supervisionService].map((service) =>
          service({ engine }),
        ),
      },
    );
    await app.ready();
    for (const [role, username] of Object.entries(demoUserOf) as [Role, string][]) {
      tokens.set(role, (await loginAs(app, username)).token);
    }
    const key = await app.inject({
      method: 'POST',
      url: '/api/admin/api-keys',
      headers: bearer(tokens.get('admin') ?? ''),
      payload: { name: '110', source: 'police110', scopes: ['police110'], rateLimitPerMinute: 100_000 },
    });
    expect(key.statusCode, key.body).toBe(201);
    police110 = key.json<{ key: string; signingSecret: string }>();
  });
  redisTest.afterAll(async () => {
    await app?.close();
    if (mediaDir) await rm(mediaDir, { recursive: true, force: true });
  });

  const httpRoutes = () =>
    app.registeredRoutes.filter((r) => !r.websocket && r.url !== '/docs' && !r.url.startsWith('/docs/'));

  function callerOf(route: RouteSummary, payload = ''): Record<string, string> {
    if (route.access === 'public') return {};
    const access = route.access;
    if (access.scopes?.includes('police110')) {
      return { 'x-api-key': police110.key, 'x-urbangrid-signature': sign(police110.signingSecret, payload) };
    }
    const role = roles.find((r) => access.roles?.includes(r));
    const token = role === undefined ? undefined : tokens.get(role);
    if (token !== undefined) return bearer(token);
    return { 'x-api-key': 'hotline-demo-key' };
  }

  async function send(route: RouteSummary, input: TextInput, text: string) {
    const request = requestWithText(route, input, text);
    return app.inject({ ...request, headers: { ...callerOf(route, request.payload), ...request.headers } });
  }

  /** The refusal names the field: problem+json `errors`, or the Open311 error's description. */
  function expectRefusal(
    route: RouteSummary,
    input: TextInput,
    text: string,
    response: { statusCode: number; body: string; headers: Record<string, unknown> },
  ) {
    const what = `${route.method} ${route.url} ${input.in}.${input.path.join('.')} = ${JSON.stringify(text)}`;
    expect(response.statusCode, `${what}: ${response.body.slice(0, 300)}`).toBe(400);
    const field = input.path.join('.');
    if (route.url.startsWith('/open311/')) {
      expect(response.body, what).toContain(`${input.in}.${field} contains a control character`);
      return;
    }
    expect(String(response.headers['content-type']), what).toMatch(/^application\/problem\+json/);
    const body = JSON.parse(response.body) as { code: string; errors?: unknown };
    expect(body.code, what).toBe('VALIDATION_FAILED');
    expect(body.errors, what).toEqual([
      { in: input.in, path: field, message: expect.stringMatching(/control character/) },
    ]);
  }

  redisTest('the route table is the whole app, and most of it takes text', () => {
    const withText = httpRoutes().filter((r) => textInputsOf(r).length > 0);
    expect(withText.map((r) => `${r.method} ${r.url}`)).toEqual(
      expect.arrayContaining([
        'POST /api/intake/reports',
        'POST /api/dispatch/cases/:id/verify',
        'POST /api/handling/cases/:id/complete',
        'GET /api/supervision/reports/timeliness',
        'POST /open311/v2/requests.:format',
        'GET /api/cases',
      ]),
    );
    const report = withText.find((r) => r.method === 'POST' && r.url === '/api/intake/reports');
    expect(report && textInputsOf(report)).toEqual(
      expect.arrayContaining([
        { in: 'body', path: ['description'] },
        { in: 'body', path: ['reporter', 'name'] },
        { in: 'body', path: ['mediaIds', '0'] },
      ]),
    );
  });

  redisTest('a control character in any text input of any route is a 400 naming the field', async () => {
    let sent = 0;
    for (const route of httpRoutes()) {
      for (const input of textInputsOf(route)) {
        for (const text of controlCharacters) {
          expectRefusal(route, input, text, await send(route, input, text));
          sent++;
        }
      }
    }
    expect(sent).toBeGreaterThan(200);
  });

  redisTest('a lone surrogate in any JSON text field of any route is a 400 naming the field', async () => {
    let sent = 0;
    for (const route of httpRoutes()) {
      for (const input of textInputsOf(route).filter((i) => i.in === 'body')) {
        for (const text of loneSurrogates) {
          expectRefusal(route, input, text, await send(route, input, text));
          sent++;
        }
      }
    }
    expect(sent).toBeGreaterThan(50);
  });
});
