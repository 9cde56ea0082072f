import { type CaseChangedMessage, encodeLiveMessage, liveChannel } from '@urbangrid/live';
import { publish, type RedisClient } from '@urbangrid/redis';
import { redisTest } from '@urbangrid/test-support';
import { describe, expect } from 'vitest';
import type { WebSocket } from 'ws';
import type { App } from '../app.js';
import { buildTestApp, loginAs } from '../test-support/index.js';

/** Every message a client receives, read in order with `next`. */
function inbox(socket: WebSocket) {
  const received: Record<string, unknown>[] = [];
  const waiters: (() => void)[] = [];
  let read = 0;
  socket.on('message', (data) => {
    received.push(JSON.parse(String(data)));
    for (const wake of waiters.splice(0)) wake();
  });
  return {
    received,
    /** The first message not read yet, waiting for it if need be. */
    async next(timeoutMs = 2000): Promise<Record<string, unknown>> {
      const seen = read;
      read += 1;
      const deadline = Date.now() + timeoutMs;
      while (received.length <= seen) {
        if (Date.now() > deadline) throw new Error('no live message arrived');
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 50);
        });
      }
      return received[seen] ?? {};
    },
    /**
     * The next message about one of `caseIds`, reading past others: on a Redis Cluster an earlier
     * test's messages may still be crossing the cluster bus to this process when a test begins.
     */
    async nextOf(caseIds: readonly string[]): Promise<Record<string, unknown>> {
      for (;;) {
        const message = await this.next();
        if (caseIds.includes(String(message.caseId))) return message;
      }
    },
  };
}

/** What the engine does after a commit: the message, validated, on the prefix's live channel. */
const publishCaseChanged = async (redis: RedisClient, prefix: string, message: CaseChangedMessage) =>
  publish(redis, liveChannel(prefix), encodeLiveMessage(message));

let seq = 0;
function change(fields: Partial<CaseChangedMessage>): CaseChangedMessage {
  seq += 1;
  return {
    type: 'case.changed',
    caseId: `case-live-${seq}`,
    caseNo: `1501-20261125-${String(seq).padStart(4, '0')}`,
    state: 'dispatched',
    version: 3,
    at: new Date().toISOString(),
    city: '1501',
    gridCode: '150102001001001',
    districtCode: '150102',
    departmentId: null,
    assignee: null,
    ...fields,
  };
}

describe('the live hub', () => {
  let app: App;
  let second: App;
  let prefix: string;
  const sockets: WebSocket[] = [];
  const connect = async (target: App, username: string) => {
    const { token } = await loginAs(target, username);
    const socket = await target.injectWS(`/api/live?token=${encodeURIComponent(token)}`);
    sockets.push(socket);
    return socket;
  };

  redisTest.beforeAll(async ({ database, redis }) => {
    prefix = redis.prefix;
    app = await buildTestApp({ database, redis });
    // A second process on the same Redis channel.
    second = await buildTestApp({ database, redis });
    await Promise.all([app.ready(), second.ready()]);
    await Promise.all([app.liveHub.subscribed(), second.liveHub.subscribed()]);
  });
  redisTest.afterAll(async () => {
    for (const socket of sockets) socket.terminate();
    await Promise.all([app.close(), second.close()]);
  });

  redisTest('refuses the upgrade without a valid token, and for API keys', async () => {
    await expect(app.injectWS('/api/live')).rejects.toThrow(/401/);
    await expect(app.injectWS('/api/live?token=not-a-token')).rejects.toThrow(/401/);
    const { refreshToken } = await loginAs(app, 'dispatcher1');
    await expect(app.injectWS(`/api/live?token=${refreshToken}`)).rejects.toThrow(/401/);
    await expect(app.injectWS('/api/live', { headers: { 'x-api-key': 'hotline-demo-key' } })).rejects.toThrow(
      /403/,
    );
  });

  redisTest("a department's board gets its own cases and never another department's", async ({ redis }) => {
    const mine = inbox(await connect(app, 'handler-sanitation-150102'));
    const theirs = inbox(await connect(app, 'handler-sanitation-150103'));
    const forMine = change({ departmentId: 'dept-1501-sanitation-150102' });
    const forTheirs = change({ departmentId: 'dept-1501-sanitation-150103', districtCode: '150103' });

    // One channel, one subscriber: order is kept, so the first message each board gets must be its own.
    await publishCaseChanged(redis.client, prefix, forTheirs);
    await publishCaseChanged(redis.client, prefix, forMine);
    expect(await mine.next()).toEqual({
      type: 'case.changed',
      caseId: forMine.caseId,
      caseNo: forMine.caseNo,
      state: 'dispatched',
      version: 3,
      at: forMine.at,
    });
    expect(await theirs.next()).toMatchObject({ caseId: forTheirs.caseId });
    await publishCaseChanged(redis.client, prefix, change({ departmentId: 'dept-1501-sanitation-150102' }));
    await mine.next();
    expect(mine.received.map((m) => m.caseId)).not.toContain(forTheirs.caseId);
    expect(theirs.received.map((m) => m.caseId)).not.toContain(forMine.caseId);
    // Jurisdiction facts stay on the server.
    for (const message of [...mine.received, ...theirs.received]) {
      expect(Object.keys(message).sort()).toEqual(['at', 'caseId', 'caseNo', 'state', 'type', 'version']);
    }
  });

  redisTest(
    'every process relays: boards on another process, an officer, the city desk',
    async ({ redis }) => {
      const desk = inbox(await connect(second, 'dispatcher1'));
      const officer = inbox(await connect(second, 'officer1'));
      const elsewhere = change({ gridCode: '150104001001001', districtCode: '150104' });
      const assigned = change({ gridCode: '150104001001001', districtCode: '150104', assignee: 'officer1' });
      await publishCaseChanged(redis.client, prefix, elsewhere);
      await publishCaseChanged(redis.client, prefix, assigned);
      const ours = [elsewhere.caseId, assigned.caseId];
      expect((await desk.nextOf(ours)).caseId).toBe(elsewhere.caseId);
      expect((await officer.nextOf(ours)).caseId).toBe(assigned.caseId);
    },
  );

  redisTest(
    'a notice reaches the consoles of its recipients only, without the recipient list',
    async ({ redis }) => {
      const addressed = inbox(await connect(second, 'dispatcher1'));
      const bystander = inbox(await connect(app, 'shiftlead1'));
      const notice = {
        type: 'notice',
        id: `notice-live-${++seq}`,
        caseId: `case-live-${seq}`,
        caseNo: '1501-20261125-0999',
        audience: 'dispatcher',
        event: 'case.filed',
        urgent: false,
        at: new Date().toISOString(),
        recipients: ['dispatcher1', 'dispatcher2'],
      };
      const after = change({});
      await redis.client.publish(liveChannel(prefix), JSON.stringify(notice));
      await publishCaseChanged(redis.client, prefix, after);
      const { recipients: _recipients, ...shown } = notice;
      expect(await addressed.nextOf([notice.caseId])).toEqual(shown);
      // The shift lead's board gets the change published after the notice, and never the notice.
      await bystander.nextOf([after.caseId]);
      expect(bystander.received.some((m) => m.type === 'notice')).toBe(false);
    },
  );

  redisTest('ignores malformed messages and keeps relaying', async ({ redis }) => {
    const desk = inbox(await connect(app, 'shiftlead1'));
    await redis.client.publish(liveChannel(prefix), 'not json');
    await redis.client.publish(liveChannel(prefix), JSON.stringify({ type: 'case.changed', caseId: 1 }));
    const good = change({});
    await publishCaseChanged(redis.client, prefix, good);
    expect((await desk.nextOf([good.caseId])).caseId).toBe(good.caseId);
    // Nothing malformed reached the board (only earlier tests' changes may have, on a cluster).
    expect(desk.received.every((m) => typeof m.caseId === 'string' && m.type === 'case.changed')).toBe(true);
    // The engine cannot publish a message the hub would drop.
    await expect(publishCaseChanged(redis.client, prefix, { ...good, version: 0 })).rejects.toThrow();
  });

  redisTest(
    "refuses one user's live connection past LIVE_CONNECTIONS_PER_USER, and no one else's",
    async () => {
      const cap = app.config.LIVE_CONNECTIONS_PER_USER;
      const { token } = await loginAs(app, 'officer1');
      const open = async () => {
        const socket = await app.injectWS(`/api/live?token=${encodeURIComponent(token)}`);
        sockets.push(socket);
        return socket;
      };
      for (let i = 0; i < cap; i += 1) await open();
      await expect(open()).rejects.toThrow(/429/);
      // Another person is not affected by officer1's sockets.
      await connect(app, 'officer2');
    },
  );

  redisTest('closes the connection when its token expires', async () => {
    const { token } = await loginAs(app, 'dispatcher1');
    const sid = app.jwt.decode<{ sid: string }>(token)?.sid;
    const shortLived = app.jwt.sign({ sub: 'user-dispatcher1', sid, typ: 'access' }, { expiresIn: 1 });
    const socket = await app.injectWS(`/api/live?token=${shortLived}`);
    sockets.push(socket);
    const code = await new Promise<number>((resolve) => socket.on('close', (c) => resolve(c)));
    expect(code).toBe(4401);
  });
});
