/**
 * Route access over the app's whole route table, read from fastify: every route is sent by every
 * staff role and by every kind of API key, and answers (any status but a refusal) exactly when its
 * declared `config.access` lets that caller in; a refusal is a 403 from the access check, before
 * any handler runs. Keys are held to the brief: a reporting key creates reports (and their photos)
 * and reads the status of its own reports, nothing else. A route added later is covered without
 * touching this file.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { apiKeys } from '@urbangrid/db';
import { dispatchService } from '@urbangrid/dispatch';
import { createEngineContext } from '@urbangrid/engine';
import { handlingService } from '@urbangrid/handling';
import { intakeService } from '@urbangrid/intake';
import {
  type Actor,
  type ApiKeyScope,
  type App,
  defaultRateLimits,
  hashApiKey,
  isAllowed,
  type RouteSummary,
  roles,
} from '@urbangrid/platform';
import { bearer, buildTestApp, demoUserOf, expectProblem, loginAs } from '@urbangrid/platform/test-support';
import { supervisionService } from '@urbangrid/supervision';
import { redisTest } from '@urbangrid/test-support';
import { describe, expect } from 'vitest';

/** Every kind of key an admin can issue: the demo reporting keys and every narrower grant. */
const keyKinds: Record<string, readonly ApiKeyScope[]> = {
  reporting: ['report:create', 'report:read'],
  createOnly: ['report:create'],
  readOnly: ['report:read'],
  noScope: [],
};

interface Caller {
  name: string;
  actor: Actor;
  /** Headers that authenticate it (or, for Open311's POST, the api_key it sends). */
  headers: Record<string, string>;
  apiKey?: string;
}

describe('route access over every route', () => {
  let app: App;
  let mediaDir: string;
  const callers: Caller[] = [];

  redisTest.beforeAll(async ({ database, redis }) => {
    const engine = createEngineContext({ db: database.db });
    mediaDir = await mkdtemp(path.join(tmpdir(), 'urbangrid-route-access-'));
    app = await buildTestApp(
      { database, redis },
      {
        env: { MEDIA_DIR: mediaDir },
        // Every route is called by every caller; the limits have their own tests.
        rateLimits: Object.fromEntries(
          Object.keys(defaultRateLimits).map((group) => [group, { max: 1_000_000, timeWindow: 60_000 }]),
        ),
        services: [intakeService, dispatchService, handlingService, supervisionService].map((service) =>
          service({ engine }),
        ),
      },
    );
    await app.ready();
    for (const role of roles) {
      const { token } = await loginAs(app, demoUserOf[role]);
      const me = (await app.inject({ url: '/api/auth/me', headers: bearer(token) })).json<Actor>();
      callers.push({ name: role, actor: me, headers: bearer(token) });
    }
    for (const [kind, scopes] of Object.entries(keyKinds)) {
      const key = `route-access-${kind}-key`;
      await database.db.insert(apiKeys).values({
        id: `apikey-${kind}`,
        city: '1501',
        name: `${kind} key`,
        keyHash: hashApiKey(key),
        scopes: [...scopes],
        source: 'public',
      });
      const actor: Actor = {
        kind: 'integration',
        keyId: `apikey-${kind}`,
        name: `${kind} key`,
        city: '1501',
        scopes,
        source: 'public',
        rateLimitPerMinute: 10,
      };
      callers.push({ name: `${kind} key`, actor, headers: { 'x-api-key': key }, apiKey: key });
    }
  });
  redisTest.afterAll(async () => {
    await app?.close();
    if (mediaDir) await rm(mediaDir, { recursive: true, force: true });
  });

  const routes = () => app.registeredRoutes.filter((r) => r.url !== '/docs' && !r.url.startsWith('/docs/'));

  const admits = (route: RouteSummary, caller: Caller) =>
    route.access === 'public' || isAllowed(caller.actor, route.access);

  async function send(route: RouteSummary, caller: Caller) {
    const url = route.url.replace(/:([A-Za-z_]+)/g, (_, name: string) => (name === 'format' ? 'json' : 'x1'));
    const withBody = route.method !== 'GET' && route.method !== 'DELETE';
    const keyInBody = route.access !== 'public' && route.access.apiKeyField !== undefined;
    return app.inject({
      method: route.method,
      url,
      headers: keyInBody ? {} : caller.headers,
      ...(withBody ? { payload: keyInBody && caller.apiKey ? { api_key: caller.apiKey } : {} } : {}),
    });
  }

  /** A refusal by the access check: 403 naming what the route needs (Open311: its api_key error). */
  function isRefusal(route: RouteSummary, response: { statusCode: number; body: string }): boolean {
    if (response.statusCode !== 403) return false;
    if (route.url.startsWith('/open311/')) return /api_key/.test(response.body);
    return /this needs/.test((JSON.parse(response.body) as { detail?: string }).detail ?? '');
  }

  redisTest('every route declares who may call it, and most are for staff only', () => {
    const all = routes();
    expect(all.length).toBeGreaterThan(60);
    const open = all.filter((r) => r.access === 'public').map((r) => `${r.method} ${r.url}`);
    expect(open.sort()).toEqual(
      [
        'GET /health',
        'GET /metrics',
        'POST /api/auth/login',
        'POST /api/auth/refresh',
        'GET /api/public/cases/:caseNo',
        // The reporter's page: its token is the credential (reporter updates).
        'GET /api/public/reporter/:token',
        'POST /api/public/reporter/:token/opt-out',
        'POST /api/public/reporter/:token/satisfaction',
        // A citizen's opinion survey (民意调查): its token is the credential.
        'GET /api/public/surveys/:token',
        'POST /api/public/surveys/:token/answers',
        'GET /open311/v2/discovery.:format',
        'GET /open311/v2/services.:format',
        'GET /open311/v2/services/:service_code.:format',
        'GET /open311/v2/requests.:format',
        'GET /open311/v2/requests/:service_request_id.:format',
        'GET /open311/v2/tokens/:token.:format',
        'GET /open311/v2/servicerequestupdates.:format',
        'GET /open311/v2/media/:media_id',
        // @fastify/cors's preflight: CORS headers for Open311, 404 for everything else.
        'OPTIONS *',
      ].sort(),
    );
  });

  redisTest('a key reaches only reporting and the status of its own reports', () => {
    const keyRoutes = (scopes: readonly ApiKeyScope[]) =>
      routes()
        .filter((r) => r.access !== 'public' && (r.access.scopes ?? []).some((s) => scopes.includes(s)))
        .map((r) => `${r.method} ${r.url}`)
        .sort();
    expect(keyRoutes(['report:create'])).toEqual(
      [
        'GET /api/auth/me',
        'POST /api/intake/reports',
        'POST /api/intake/media',
        'POST /open311/v2/requests.:format',
      ].sort(),
    );
    expect(keyRoutes(['report:read'])).toEqual(['GET /api/auth/me', 'GET /api/intake/reports/:id']);
  });

  redisTest(
    'every route answers exactly the callers its declaration admits, for every role and key kind',
    async () => {
      const wrong: string[] = [];
      let sent = 0;
      // Signing out ends the callers' sessions: it goes last.
      const signOut = (r: RouteSummary) => (r.url === '/api/auth/logout' ? 1 : 0);
      for (const route of routes().sort((a, b) => signOut(a) - signOut(b))) {
        for (const caller of callers) {
          const response = await send(route, caller);
          sent++;
          const expected = admits(route, caller);
          const refused = response.statusCode === 401 || isRefusal(route, response);
          if (expected === refused) {
            wrong.push(
              `${route.method} ${route.url} as ${caller.name}: ${response.statusCode} ${response.body.slice(0, 160)}`,
            );
          }
        }
      }
      expect(wrong).toEqual([]);
      expect(sent).toBeGreaterThan(700);
    },
    // Every route × every caller, one after another: the table grows with each admin screen.
    120_000,
  );

  redisTest('the Open311 demo key no longer lists the city’s cases', async () => {
    const response = await app.inject({ url: '/api/cases', headers: { 'x-api-key': 'open311-demo-key' } });
    expectProblem(response, 403, 'FORBIDDEN');
    expect(response.body).not.toContain('reporter');
  });

  redisTest('a key reads the status of its own reports, and of no one else’s', async () => {
    const report = (headers: Record<string, string>, source: string) =>
      app.inject({
        method: 'POST',
        url: '/api/intake/reports',
        headers,
        payload: {
          source,
          categoryCode: 'C0101',
          description: 'Manhole cover missing',
          location: { lat: 40.83, lng: 111.67 },
          reporter: { name: '张三', phone: '13812345678' },
        },
      });
    const hotline = { 'x-api-key': 'hotline-demo-key' };
    const ours = await report(hotline, 'hotline');
    expect(ours.statusCode, ours.body).toBe(201);
    const theirs = await report({ 'x-api-key': 'open311-demo-key' }, 'public');
    expect(theirs.statusCode, theirs.body).toBe(201);
    const staff = await report(bearer((await loginAs(app, 'operator1')).token), 'hotline');
    expect(staff.statusCode, staff.body).toBe(201);

    const status = await app.inject({ url: `/api/intake/reports/${ours.json().id}`, headers: hotline });
    expect(status.statusCode, status.body).toBe(200);
    expect(status.json()).toEqual({
      id: ours.json().id,
      caseNo: ours.json().caseNo,
      state: 'reported',
      status: 'open',
      categoryCode: 'C0101',
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
      closedAt: null,
    });
    for (const other of [theirs, staff]) {
      const answer = await app.inject({ url: `/api/intake/reports/${other.json().id}`, headers: hotline });
      expectProblem(answer, 404, 'NOT_FOUND');
    }
    // The case view is staff's: the key that made the case cannot read it there either.
    expectProblem(
      await app.inject({ url: `/api/cases/${ours.json().id}`, headers: hotline }),
      403,
      'FORBIDDEN',
    );
  });
});
