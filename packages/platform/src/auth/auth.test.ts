import { randomUUID } from 'node:crypto';
import { apiKeys, cities, users } from '@urbangrid/db';
import { redisTest } from '@urbangrid/test-support';
import { eq } from 'drizzle-orm';
import { describe, expect } from 'vitest';
import type { App } from '../app.js';
import { bearer, buildTestApp, expectProblem, loginAs, probeRoutes } from '../test-support/index.js';
import { hashApiKey } from './api-keys.js';
import { hashPassword } from './passwords.js';

describe('authentication', () => {
  let app: App;

  redisTest.beforeAll(async ({ database, redis }) => {
    app = await buildTestApp({ database, redis });
    await app.register(probeRoutes, { prefix: '/api/probe' });
    await app.ready();
  });
  redisTest.afterAll(async () => {
    await app.close();
  });

  redisTest('a demo user signs in and gets a token, a refresh token and who they are', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'dispatcher1', password: 'urbangrid' },
    });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toEqual({
      token: expect.any(String),
      refreshToken: expect.any(String),
      expiresAt: expect.any(String),
      user: {
        id: 'user-dispatcher1',
        username: 'dispatcher1',
        displayName: expect.any(String),
        roles: ['dispatcher'],
        mustChangePassword: false,
        city: '1501',
        // The zone the console shows the city's dates and times in.
        timeZones: { '1501': 'Asia/Shanghai' },
      },
    });
    // Short-lived (15 min by default, 30 at most): a stolen token works until it expires.
    const minutes = (Date.parse(body.expiresAt) - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(14);
    expect(minutes).toBeLessThanOrEqual(15);
    // The token itself says the same.
    const claims = app.jwt.decode<{ exp: number; typ: string }>(body.token);
    expect(claims?.typ).toBe('access');
    expect((claims?.exp ?? 0) * 1000).toBe(Date.parse(body.expiresAt));
    const refreshClaims = app.jwt.decode<{ exp: number }>(body.refreshToken);
    expect(((refreshClaims?.exp ?? 0) * 1000 - Date.now()) / 86_400_000).toBeCloseTo(1, 1);

    const me = await app.inject({ url: '/api/auth/me', headers: bearer(body.token) });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({
      kind: 'user',
      username: 'dispatcher1',
      city: '1501',
      roles: ['dispatcher'],
      timeZones: { '1501': 'Asia/Shanghai' },
    });
  });

  redisTest(
    "region staff are told every city's zone, each as the city's set-up says",
    async ({ database }) => {
      await database.db.update(cities).set({ timeZone: 'Asia/Urumqi' }).where(eq(cities.code, '1501'));
      await app.reference.refresh(['cities']);
      try {
        const response = await app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { username: 'region1', password: 'urbangrid' },
        });
        const { user } = response.json();
        expect(user.city).toBeNull();
        expect(user.timeZones).toMatchObject({ '1501': 'Asia/Urumqi' });
        expect(Object.keys(user.timeZones).length).toBeGreaterThan(1);
      } finally {
        await database.db.update(cities).set({ timeZone: 'Asia/Shanghai' }).where(eq(cities.code, '1501'));
        await app.reference.refresh(['cities']);
      }
    },
  );

  redisTest(
    'a wrong password and an unknown user get the same 401 after similar work',
    async ({ database }) => {
      const attempt = async (username: string) => {
        const started = performance.now();
        const response = await app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { username, password: 'not-the-password' },
        });
        return { response, ms: performance.now() - started };
      };
      // Fresh usernames: failed logins are counted per account (login-throttle.test.ts).
      const name = `timing-${randomUUID().slice(0, 8)}`;
      await database.db.insert(users).values({
        id: `user-${name}`,
        username: name,
        displayName: 'Timing',
        passwordHash: await hashPassword('the-password'),
        roles: ['intake_operator'],
        city: '1501',
      });
      const wrong = await attempt(name);
      const unknown = await attempt(`nobody-${randomUUID()}`);
      const a = expectProblem(wrong.response, 401, 'UNAUTHENTICATED');
      const b = expectProblem(unknown.response, 401, 'UNAUTHENTICATED');
      expect(a).toEqual(b);
      // Without the decoy verification an unknown user would answer in a fraction of the time.
      expect(unknown.ms).toBeGreaterThan(wrong.ms / 3);
    },
  );

  redisTest('an inactive account cannot sign in, and its tokens stop working', async ({ database }) => {
    const name = `leaver-${randomUUID().slice(0, 8)}`;
    await database.db.insert(users).values({
      id: `user-${name}`,
      username: name,
      displayName: 'Leaver',
      passwordHash: await hashPassword('pw'),
      roles: ['dispatcher'],
      city: '1501',
    });
    const { token, refreshToken } = await loginAs(app, name, 'pw');
    await database.db.update(users).set({ active: false }).where(eq(users.username, name));
    expectProblem(await app.inject({ url: '/api/auth/me', headers: bearer(token) }), 401, 'UNAUTHENTICATED');
    const refresh = await app.inject({ method: 'POST', url: '/api/auth/refresh', payload: { refreshToken } });
    expectProblem(refresh, 401, 'UNAUTHENTICATED');
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: name, password: 'pw' },
    });
    expectProblem(login, 401, 'UNAUTHENTICATED');
  });

  redisTest('every /api route but login, refresh and /api/public/* wants a caller', async () => {
    expectProblem(await app.inject({ url: '/api/auth/me' }), 401, 'UNAUTHENTICATED');
    expectProblem(await app.inject({ url: '/api/probe/dispatchers-only' }), 401, 'UNAUTHENTICATED');
    const garbage = await app.inject({ url: '/api/auth/me', headers: bearer('not.a.jwt') });
    expectProblem(garbage, 401, 'UNAUTHENTICATED');
    const basic = await app.inject({ url: '/api/auth/me', headers: { authorization: 'Basic YTpi' } });
    expectProblem(basic, 401, 'UNAUTHENTICATED');
    // A token in the query string counts only for the WebSocket upgrade.
    const { token } = await loginAs(app, 'admin');
    expectProblem(await app.inject({ url: `/api/auth/me?token=${token}` }), 401, 'UNAUTHENTICATED');
    // Routes outside /api are open.
    expect((await app.inject({ url: '/health' })).statusCode).toBe(200);
  });

  redisTest('an expired or foreign token is 401', async () => {
    const shiftAgo = Math.floor(Date.now() / 1000) - 11 * 3600;
    const { token } = await loginAs(app, 'admin');
    const sid = app.jwt.decode<{ sid: string }>(token)?.sid;
    // expiresIn in seconds, as @fastify/jwt reads numbers.
    const expired = app.jwt.sign(
      { sub: 'user-admin', sid, typ: 'access', iat: shiftAgo },
      { expiresIn: 10 * 3600 },
    );
    const response = await app.inject({ url: '/api/auth/me', headers: bearer(expired) });
    expect(expectProblem(response, 401, 'UNAUTHENTICATED').detail).toMatch(/expired/);

    const [header, payload] = app.jwt.sign({ sub: 'user-admin', sid, typ: 'access' }).split('.');
    const forged = `${header}.${payload}.${Buffer.from('forged').toString('base64url')}`;
    expectProblem(await app.inject({ url: '/api/auth/me', headers: bearer(forged) }), 401, 'UNAUTHENTICATED');
  });

  redisTest('a refresh token gives a new pair; neither kind passes for the other', async () => {
    const first = await loginAs(app, 'shiftlead1');
    const refreshed = await app.inject({
      method: 'POST',
      url: '/api/auth/refresh',
      payload: { refreshToken: first.refreshToken },
    });
    expect(refreshed.statusCode).toBe(200);
    const pair = refreshed.json();
    expect(pair.user.username).toBe('shiftlead1');
    expect((await app.inject({ url: '/api/auth/me', headers: bearer(pair.token) })).statusCode).toBe(200);

    expectProblem(
      await app.inject({ url: '/api/auth/me', headers: bearer(first.refreshToken) }),
      401,
      'UNAUTHENTICATED',
    );
    const wrongKind = await app.inject({
      method: 'POST',
      url: '/api/auth/refresh',
      payload: { refreshToken: first.token },
    });
    expectProblem(wrongKind, 401, 'UNAUTHENTICATED');
  });

  redisTest('API keys authenticate integrations, with their city and scopes', async ({ database }) => {
    const key = { 'x-api-key': 'hotline-demo-key' };
    const me = await app.inject({ url: '/api/auth/me', headers: key });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toEqual({
      kind: 'integration',
      keyId: 'apikey-hotline-demo',
      name: expect.any(String),
      city: '1501',
      scopes: ['report:create', 'report:read'],
      source: 'hotline',
    });
    expect((await app.inject({ url: '/api/probe/reports-key-only', headers: key })).statusCode).toBe(200);
    // A key is not staff: role-guarded routes refuse it.
    expectProblem(await app.inject({ url: '/api/probe/dispatchers-only', headers: key }), 403, 'FORBIDDEN');
    expectProblem(
      await app.inject({ url: '/api/auth/me', headers: { 'x-api-key': 'open311-wrong-key' } }),
      401,
      'UNAUTHENTICATED',
    );

    // A key without the scope, and a revoked key.
    const limited = `limited-${randomUUID()}`;
    const revoked = `revoked-${randomUUID()}`;
    await database.db.insert(apiKeys).values([
      {
        id: `k-${limited}`,
        city: '1501',
        name: 'read only',
        keyHash: hashApiKey(limited),
        scopes: ['report:read'],
        source: 'public',
      },
      {
        id: `k-${revoked}`,
        city: '1501',
        name: 'revoked',
        keyHash: hashApiKey(revoked),
        scopes: ['report:create'],
        source: 'public',
        revokedAt: new Date(),
      },
    ]);
    const noScope = await app.inject({
      url: '/api/probe/reports-key-only',
      headers: { 'x-api-key': limited },
    });
    expectProblem(noScope, 403, 'FORBIDDEN');
    const gone = await app.inject({ url: '/api/probe/reports-key-only', headers: { 'x-api-key': revoked } });
    expectProblem(gone, 401, 'UNAUTHENTICATED');
  });

  redisTest('requireRoles lets the role through and answers 403 to the others', async () => {
    const dispatcher = await loginAs(app, 'dispatcher1');
    const officer = await loginAs(app, 'officer1');
    const ok = await app.inject({ url: '/api/probe/dispatchers-only', headers: bearer(dispatcher.token) });
    expect(ok.statusCode).toBe(200);
    const refused = await app.inject({ url: '/api/probe/dispatchers-only', headers: bearer(officer.token) });
    expect(expectProblem(refused, 403, 'FORBIDDEN').detail).toContain('dispatcher');
    // Staff are refused on key-only routes too.
    const staff = await app.inject({ url: '/api/probe/reports-key-only', headers: bearer(dispatcher.token) });
    expectProblem(staff, 403, 'FORBIDDEN');
  });
});
