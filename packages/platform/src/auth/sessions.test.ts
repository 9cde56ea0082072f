import { once } from 'node:events';
import { type AddressInfo, connect, createServer, type Socket } from 'node:net';
import { connectRedis } from '@urbangrid/redis';
import { redisTest } from '@urbangrid/test-support';
import { describe, expect } from 'vitest';
import type { WebSocket } from 'ws';
import type { App } from '../app.js';
import { bearer, buildTestApp, expectProblem, loginAs } from '../test-support/index.js';

const me = (app: App, token: string) => app.inject({ url: '/api/auth/me', headers: bearer(token) });
const refresh = (app: App, refreshToken: string) =>
  app.inject({ method: 'POST', url: '/api/auth/refresh', payload: { refreshToken } });
/** A TCP hop in front of Redis that can be cut, as a network failure or a Redis restart cuts it. */
async function redisHop(url: string) {
  const target = new URL(url);
  const [host, redisPort] = [target.hostname, Number(target.port || 6379)];
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = connect(redisPort, host);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('error', () => undefined);
      socket.on('close', () => sockets.delete(socket));
    }
    client.pipe(upstream).pipe(client);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  target.host = `127.0.0.1:${port}`;
  return {
    url: target.toString(),
    /** Refuses new connections and drops the open ones. */
    cut() {
      server.close();
      for (const socket of sockets) socket.destroy();
    },
  };
}

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

  redisTest(
    'a process that cannot hear the live channel trusts no cached identity: a revocation counts at once',
    async ({ database, redis, skip }) => {
      const { target } = redis;
      if (target.kind !== 'server') return skip('the hop stands in front of one Redis server');
      const hop = await redisHop(target.url);
      // As the processes connect (packages/platform process.ts): a command fails while Redis is away.
      const client = connectRedis({ kind: 'server', url: hop.url }, { maxRetriesPerRequest: 1 });
      client.on('error', () => undefined);
      const away = await buildTestApp(
        { database, redis: { client, prefix: redis.prefix } },
        { sessions: { cacheTtlMs: 3_600_000 } },
      );
      try {
        await away.ready();
        await away.sessions.following();
        const { token } = await loginAs(app, 'officer1');
        expect((await me(away, token)).statusCode).toBe(200);
        hop.cut();
        await expect.poll(() => client.status).not.toBe('ready');
        // Ended in another process; its announcement cannot reach this one.
        await app.sessions.endAll('user-officer1', 'deactivated');
        expectProblem(await me(away, token), 401, 'UNAUTHENTICATED');
      } finally {
        await away.close();
        client.disconnect();
      }
    },
  );
});
