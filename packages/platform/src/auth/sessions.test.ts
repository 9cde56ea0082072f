import { redisTest } from '@urbangrid/test-support';
import { describe, expect } from 'vitest';
import type { WebSocket } from 'ws';
import type { App } from '../app.js';
import { bearer, buildTestApp, expectProblem, loginAs } from '../test-support/index.js';

const me = (app: App, token: string) => app.inject({ url: '/api/auth/me', headers: bearer(token) });
const refresh = (app: App, refreshToken: string) =>
  app.inject({ method: 'POST', url: '/api/auth/refresh', payload: { refreshToken } });
const closed = (socket: WebSocket) =>
  new Promise<{ code: number; ms: number }>((resolve) => {
    const started = performance.now();
    socket.on('close', (code) => resolve({ code, ms: performance.now() - started }));
  });

describe('sessions', () => {
  // Two processes on one database and one Redis prefix, each with its own session cache (an
  // hour long, so only an announcement can make the second one forget).
  let app: App;
  let other: App;
  redisTest.beforeAll(async ({ database, redis }) => {
    app = await buildTestApp({ database, redis }, { sessions: { cacheTtlMs: 3_600_000 } });
    other = await buildTestApp({ database, redis }, { sessions: { cacheTtlMs: 3_600_000 } });
    await Promise.all([app.ready(), other.ready()]);
    await Promise.all([app.sessions.following(), other.sessions.following()]);
  });
  redisTest.afterAll(async () => {
    await Promise.all([app?.close(), other?.close()]);
  });

  redisTest('a refresh token works once; a replayed one ends the whole session', async () => {
    const first = await loginAs(app, 'operator1');
    const second = (await refresh(app, first.refreshToken)).json();
    expect((await me(app, second.token)).statusCode).toBe(200);
    const third = (await refresh(app, second.refreshToken)).json();
    expect((await me(other, third.token)).statusCode).toBe(200);

    // The first refresh token again: a stolen copy. Its whole family is revoked, in both processes.
    const replay = await refresh(app, first.refreshToken);
    expect(expectProblem(replay, 401, 'UNAUTHENTICATED').detail).toMatch(/already used/);
    expectProblem(await refresh(app, third.refreshToken), 401, 'UNAUTHENTICATED');
    await expect.poll(async () => (await me(other, third.token)).statusCode).toBe(401);
    expectProblem(await me(app, third.token), 401, 'UNAUTHENTICATED');

    // Other sessions of the same user are not touched.
    const elsewhere = await loginAs(app, 'operator1');
    expect((await me(app, elsewhere.token)).statusCode).toBe(200);
  });

  redisTest('two refreshes racing with one token: one wins, the session ends', async () => {
    const { refreshToken } = await loginAs(app, 'operator1');
    const answers = await Promise.all([refresh(app, refreshToken), refresh(other, refreshToken)]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 401]);
    const winner = answers.find((a) => a.statusCode === 200)?.json();
    // The loser was a reuse: the winner's tokens are revoked with the rest of the family.
    expectProblem(await refresh(app, winner.refreshToken), 401, 'UNAUTHENTICATED');
  });

  redisTest('logout ends the access and refresh tokens of that session only', async () => {
    const session = await loginAs(app, 'dispatcher1');
    const kept = await loginAs(app, 'dispatcher1');
    expect((await me(other, session.token)).statusCode).toBe(200);
    const out = await app.inject({ method: 'POST', url: '/api/auth/logout', headers: bearer(session.token) });
    expect(out.statusCode).toBe(204);
    expectProblem(await me(app, session.token), 401, 'UNAUTHENTICATED');
    await expect.poll(async () => (await me(other, session.token)).statusCode).toBe(401);
    expectProblem(await refresh(app, session.refreshToken), 401, 'UNAUTHENTICATED');
    expect((await me(other, kept.token)).statusCode).toBe(200);
    // An API key has no session to end.
    const key = await app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { 'x-api-key': 'hotline-demo-key' },
    });
    expectProblem(key, 403, 'FORBIDDEN');
  });

  redisTest('a token without an expiry is refused', async () => {
    const { token } = await loginAs(app, 'admin');
    const claims = app.jwt.decode<{ sub: string; sid: string }>(token);
    const forever = app.jwt.sign({ sub: claims?.sub ?? '', sid: claims?.sid, typ: 'access' });
    expect(app.jwt.decode<{ exp?: number }>(forever)?.exp).toBeUndefined();
    expect(expectProblem(await me(app, forever), 401, 'UNAUTHENTICATED').detail).toMatch(/expiry/);
  });

  redisTest("ending a user's sessions closes their live sockets in every process", async () => {
    const { token } = await loginAs(app, 'shiftlead1');
    const board = await other.injectWS(`/api/live?token=${encodeURIComponent(token)}`);
    const bystanderToken = (await loginAs(app, 'supervisor1')).token;
    const bystander = await other.injectWS(`/api/live?token=${encodeURIComponent(bystanderToken)}`);
    try {
      const closing = closed(board);
      await app.sessions.endAll('user-shiftlead1', 'roles-changed');
      expect((await closing).code).toBe(4401);
      await expect.poll(async () => (await me(other, token)).statusCode).toBe(401);
      expect(bystander.readyState).toBe(bystander.OPEN);
    } finally {
      board.terminate();
      bystander.terminate();
    }
  });
});
