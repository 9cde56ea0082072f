/**
 * The HTTP side of a graceful shutdown, on a real socket: once `close()` begins, new connections
 * are refused, a request already in flight finishes with its normal answer (and closes its
 * connection), a request that still arrives on an open connection answers 503 problem+json with
 * Retry-After, and the close completes as soon as the requests in flight are done — not when idle
 * keep-alive connections time out.
 */
import { connect, type Socket } from 'node:net';
import { redisTest } from '@urbangrid/test-support';
import { describe, expect } from 'vitest';
import { retryAfterSeconds } from './problem-details.js';
import { buildTestApp } from './test-support/index.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A raw HTTP/1.1 connection: what was received so far, and whether the server closed it. */
async function openConnection(port: number) {
  const socket: Socket = connect(port, '127.0.0.1');
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  let received = Buffer.alloc(0);
  let closed = false;
  socket.on('data', (chunk: Buffer) => {
    received = Buffer.concat([received, chunk]);
  });
  socket.on('error', () => undefined);
  socket.on('close', () => {
    closed = true;
  });
  return {
    socket,
    received: () => received,
    closed: () => closed,
    async waitFor(check: () => boolean, ms = 10_000) {
      for (let waited = 0; !check() && waited < ms; waited += 20) await sleep(20);
    },
  };
}

function refused(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(true));
  });
}

/** The responses in `bytes`, in order: status, header block and body (by Content-Length). */
function responses(bytes: Buffer): { status: number; headers: string; body: string }[] {
  const found: { status: number; headers: string; body: string }[] = [];
  let rest = bytes;
  for (;;) {
    const end = rest.indexOf('\r\n\r\n');
    if (end < 0) return found;
    const head = rest.subarray(0, end).toString('latin1');
    const status = /^HTTP\/1\.1 (\d{3})/.exec(head);
    if (status === null) return found;
    const length = Number(/content-length: (\d+)/i.exec(head)?.[1] ?? 0);
    const body = rest.subarray(end + 4, end + 4 + length).toString('utf8');
    found.push({ status: Number(status[1]), headers: head, body });
    rest = rest.subarray(end + 4 + length);
  }
}

describe('closing the app while requests are in flight', () => {
  redisTest(
    'finishes them, answers 503 to late ones, refuses new ones, and closes promptly',
    async ({ database, redis }) => {
      const app = await buildTestApp({ database, redis }, { live: false });
      // Other work of the close before the server stops listening (the live hub closes its sockets
      // here): a window in which requests still reach the app on open connections.
      app.addHook('preClose', async () => {
        await sleep(1_000);
      });
      await app.listen({ port: 0, host: '127.0.0.1' });
      const address = app.server.address();
      if (address === null || typeof address === 'string') throw new Error('no port');
      const port = address.port;

      // A keep-alive connection that served a request, and a sign-in whose body is on its way.
      const open = await openConnection(port);
      open.socket.write('GET /health HTTP/1.1\r\nHost: test\r\n\r\n');
      await open.waitFor(() => responses(open.received()).length === 1);
      expect(responses(open.received())[0]?.headers).not.toMatch(/^connection: close/im);
      const body = JSON.stringify({ username: 'operator1', password: 'urbangrid' });
      const inFlight = await openConnection(port);
      inFlight.socket.write(
        `POST /api/auth/login HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body.slice(0, 10)}`,
      );
      await sleep(200);

      const started = Date.now();
      const closing = app.close();
      await sleep(100);
      // A request on the open connection during the drain: 503 with Retry-After, connection closed.
      open.socket.write('GET /api/categories HTTP/1.1\r\nHost: test\r\n\r\n');
      await open.waitFor(open.closed);
      const late = responses(open.received())[1];
      expect(late?.status).toBe(503);
      expect(late?.headers).toMatch(new RegExp(`^retry-after: ${retryAfterSeconds}$`, 'im'));
      expect(late?.headers).toMatch(/^content-type: application\/problem\+json/im);
      expect(JSON.parse(late?.body ?? '{}')).toMatchObject({ status: 503, code: 'SERVICE_UNAVAILABLE' });
      expect(open.closed()).toBe(true);

      // New connections are refused once the server stops listening.
      for (let waited = 0; !(await refused(port)) && waited < 5_000; waited += 50) await sleep(50);
      expect(await refused(port)).toBe(true);

      // The rest of the body arrives during the drain: the sign-in is served as usual.
      inFlight.socket.write(body.slice(10));
      await inFlight.waitFor(inFlight.closed);
      await closing;
      // Not held open by keep-alive connections (fastify keeps an idle one 72 s).
      expect(Date.now() - started).toBeLessThan(10_000);
      const [signIn] = responses(inFlight.received());
      expect(signIn?.status).toBe(200);
      expect(JSON.parse(signIn?.body ?? '{}')).toHaveProperty('token');
      expect(signIn?.headers).toMatch(/^connection: close$/im);
    },
  );
});
