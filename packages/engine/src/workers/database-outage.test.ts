/**
 * A stage worker while PostgreSQL is away: the job that meets the outage is put off (delayed)
 * without spending one of its attempts, again and again, and runs once the database is back —
 * an outage of any length loses no job. The database is reached through a TCP proxy the test cuts
 * (every connection dropped, new ones refused) and restores, as a server stop and start look.
 */
import { createServer, type Server, type Socket, connect as tcpConnect } from 'node:net';
import { createDatabase, type Database, listOutboxOfCase, listTasksOfCase } from '@urbangrid/db';
import { redisTest } from '@urbangrid/test-support';
import { afterAll, describe, expect } from 'vitest';
import { createEngineContext } from '../engine-context.js';
import { queueConnection } from '../queue-connection.js';
import { createStageQueues, type StageQueues } from '../queues.js';
import { reportTestCase } from '../test-support/index.js';
import { createStageWorkers, type StageWorkers } from './stage-workers.js';

const now = new Date('2026-03-02T01:00:00Z');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A TCP proxy to `target` that can be cut (connections dropped, port closed) and restored. */
async function databaseProxy(target: URL) {
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = tcpConnect(Number(target.port || 5432), target.hostname);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('error', () => undefined);
      socket.on('close', () => {
        sockets.delete(socket);
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream).pipe(client);
  });
  const listen = (port: number) =>
    new Promise<number>((resolve) =>
      server.listen(port, '127.0.0.1', () => {
        const address = server.address();
        resolve(typeof address === 'object' && address !== null ? address.port : port);
      }),
    );
  const port = await listen(0);
  const url = new URL(target);
  url.hostname = '127.0.0.1';
  url.port = String(port);
  return {
    url: url.toString(),
    async cut() {
      const closed = new Promise((resolve) => server.close(resolve));
      for (const socket of sockets) socket.destroy();
      await closed;
    },
    async restore() {
      await listen(port);
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      if (server.listening) await new Promise((resolve) => server.close(resolve));
    },
  };
}

describe('a stage job that meets PostgreSQL away', () => {
  let proxied: Database | undefined;
  let workers: StageWorkers | undefined;
  let queues: StageQueues | undefined;
  let proxy: Awaited<ReturnType<typeof databaseProxy>> | undefined;

  afterAll(async () => {
    await workers?.close();
    await queues?.close();
    await proxied?.close();
    await proxy?.close();
  });

  redisTest(
    'is put off without spending an attempt and runs when it is back',
    async ({ database, redis }) => {
      const direct = createEngineContext({ db: database.db, now: () => now });
      const { case: reported } = await reportTestCase(direct);
      const row = (await listOutboxOfCase(database.db, reported.id)).find((r) => r.queue === 'task');
      if (row === undefined) throw new Error('no verification job written');

      proxy = await databaseProxy(new URL(database.url));
      proxied = createDatabase(proxy.url, { max: 2, connectTimeoutMs: 1_000 });
      const context = createEngineContext({ db: proxied.db, now: () => now });
      // A connection of the pool is open when the server goes away, as in a running process.
      await proxied.pool.query('select 1');
      const prefix = `${redis.prefix}:outage`;
      queues = createStageQueues({ connection: queueConnection(redis.target, 'queues').connection, prefix });
      workers = createStageWorkers({
        context,
        connection: queueConnection(redis.target, 'workers').connection,
        prefix,
        deliverNotice: () => undefined,
        kinds: ['task'],
      });

      await proxy.cut();
      await queues.enqueue('task', row.jobName, row.payload, { jobId: row.jobId });
      const queue = queues.get('task');
      // Put off at least twice (1 s, then 2 s), never failed, no attempt spent.
      let job = await queue.getJob(row.jobId);
      for (let waited = 0; (job?.attemptsStarted ?? 0) < 2 && waited < 20_000; waited += 200) {
        await sleep(200);
        job = await queue.getJob(row.jobId);
      }
      expect(job?.attemptsStarted).toBeGreaterThanOrEqual(2);
      expect(job?.attemptsMade).toBe(0);
      expect(await queue.getJobState(row.jobId)).toMatch(/delayed|active|waiting/);
      expect(await listTasksOfCase(database.db, reported.id)).toEqual([]);

      await proxy.restore();
      let state = await queue.getJobState(row.jobId);
      for (let waited = 0; state !== 'completed' && waited < 20_000; waited += 200) {
        await sleep(200);
        state = await queue.getJobState(row.jobId);
      }
      expect(state).toBe('completed');
      expect(await listTasksOfCase(database.db, reported.id)).toMatchObject([
        { kind: 'verification', assignee: 'officer1' },
      ]);
    },
  );
});
