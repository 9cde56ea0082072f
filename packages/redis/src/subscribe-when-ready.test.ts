import { type ChildProcess, spawn } from 'node:child_process';
import getPort from 'get-port';
import { afterEach, describe, expect, it } from 'vitest';
import { connectRedis, type RedisClient } from './redis-connection.js';
import { subscribeWhenReady } from './subscribe-when-ready.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A redis-server of the test's own on `port`, answering. */
async function startServer(port: number): Promise<ChildProcess> {
  const server = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', ''], {
    stdio: 'ignore',
  });
  const probe = connectRedis(
    { kind: 'server', url: `redis://127.0.0.1:${port}` },
    { maxRetriesPerRequest: 1 },
  );
  probe.on('error', () => undefined);
  try {
    for (let i = 0; i < 100; i++) {
      if ((await probe.ping().catch(() => '')) === 'PONG') return server;
      await sleep(100);
    }
  } finally {
    probe.disconnect();
  }
  throw new Error(`redis-server on ${port} did not start`);
}

describe('a subscription made while Redis is away', () => {
  const opened: Array<{ disconnect(): void }> = [];
  let server: ChildProcess | undefined;
  afterEach(() => {
    for (const client of opened.splice(0)) client.disconnect();
    server?.kill('SIGKILL');
  });

  it('is made when Redis comes, and messages published then arrive', async () => {
    const port = await getPort({ host: '127.0.0.1' });
    const target = { kind: 'server', url: `redis://127.0.0.1:${port}` } as const;
    // As the processes' connections are: a command gives up after one reconnect attempt.
    const subscriber: RedisClient = connectRedis(target, { maxRetriesPerRequest: 1 });
    subscriber.on('error', () => undefined);
    opened.push(subscriber);
    const received: string[] = [];
    subscriber.on('message', (_channel: string, message: string) => received.push(message));
    let subscribed = false;
    const subscription = subscribeWhenReady(subscriber, 'live').then(() => {
      subscribed = true;
    });
    // Long enough for a plain SUBSCRIBE to have failed (a reconnect attempt is ~50-2000 ms).
    await sleep(1_500);
    expect(subscribed).toBe(false);

    server = await startServer(port);
    await subscription;
    const publisher = connectRedis(target);
    opened.push(publisher);
    await publisher.publish('live', 'after');
    for (let i = 0; i < 50 && received.length === 0; i++) await sleep(100);
    expect(received).toEqual(['after']);
  });
});
