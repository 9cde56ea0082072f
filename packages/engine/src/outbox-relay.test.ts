import { countPendingOutbox, insertOutboxRows, listOutboxOfCase, resetOutboxForReplay } from '@urbangrid/db';
import { redisTest as test } from '@urbangrid/test-support';
import getPort from 'get-port';
import { describe, expect } from 'vitest';
import { applyCommand } from './apply-command.js';
import { createEngineContext } from './engine-context.js';
import { createOutboxRelay } from './outbox-relay.js';
import { queueConnection } from './queue-connection.js';
import { createStageQueues, queueKinds } from './queues.js';
import { type GaugeRegistry, startEngine } from './start-engine.js';
import { reportTestCase, staff } from './test-support/index.js';

describe('the outbox relay', () => {
  test('with Redis down commands commit and rows wait; when Redis is back they drain once', async ({
    database,
    redis,
  }) => {
    const context = createEngineContext({ db: database.db, now: () => new Date('2026-03-02T01:00:00Z') });
    const prefix = `${redis.prefix}:relay`;
    // A port nothing listens on: Redis "down".
    const down = createStageQueues({
      connection: { host: '127.0.0.1', port: await getPort({ host: '127.0.0.1' }) },
      prefix,
    });
    const downRelay = createOutboxRelay({
      context,
      queues: down,
      enqueueTimeoutMs: 300,
      retryDelayMs: () => 0,
    });

    const { case: reported } = await reportTestCase(context);
    expect(await downRelay.relayOnce()).toMatchObject({ relayed: 0 });
    // The relay is down, the engine is not: a command still commits and adds its own rows.
    const rejected = await applyCommand(context, {
      caseId: reported.id,
      command: { type: 'reject', reason: 'duplicate' },
      actor: staff.shiftLead,
    });
    expect(rejected.case.state).toBe('rejected');
    await downRelay.relayOnce();
    const waiting = await listOutboxOfCase(database.db, reported.id);
    expect(waiting.length).toBeGreaterThan(2);
    expect(waiting.every((row) => row.relayedAt === null)).toBe(true);
    expect(waiting[0]).toMatchObject({ attempts: 2, lastError: expect.stringMatching(/did not answer/) });
    expect(await downRelay.oldestPendingAgeSeconds()).toBeGreaterThan(0);
    await down.close();

    const upRedis = queueConnection(redis.target, 'queues');
    const up = createStageQueues({ connection: upRedis.connection, prefix });
    const upRelay = createOutboxRelay({ context, queues: up });
    expect(await upRelay.drain()).toBe(waiting.length);
    expect(await countPendingOutbox(database.db)).toBe(0);
    expect(await upRelay.oldestPendingAgeSeconds()).toBe(0);
    const jobIds = async () => {
      const ids: string[] = [];
      for (const kind of queueKinds) {
        for (const job of await up.get(kind).getJobs()) ids.push(String(job.id));
      }
      return ids.sort();
    };
    const enqueued = await jobIds();
    expect(enqueued).toEqual(waiting.map((row) => row.jobId).sort());
    // A deadline timer waits in the queue until its instant: the stage's next light, yellow.
    const timers = await up.get('deadline').getDelayed();
    expect(timers.map((job) => job.name)).toEqual(['deadline.yellow']);

    // An operator's full replay relays every row again and adds no job.
    await resetOutboxForReplay(database.db);
    await upRelay.drain();
    expect(await jobIds()).toEqual(enqueued);
    await up.close();
    await upRedis.close();
  });

  test('after the queues were away, rows wait no backoff: the relay asks the queues, then hands everything over', async ({
    database,
  }) => {
    const context = createEngineContext({ db: database.db, now: () => new Date('2026-03-02T01:00:00Z') });
    let queuesUp = false;
    let handOvers = 0;
    const relayed: string[] = [];
    const relay = createOutboxRelay({
      context,
      queues: {
        async enqueueMany(_kind, jobs) {
          handOvers += 1;
          if (!queuesUp) throw new Error('Connection is closed.');
          relayed.push(...jobs.map((job) => job.jobId));
        },
      },
      pollIntervalMs: 50,
      // A row that failed would wait a minute on its own.
      retryDelayMs: () => 60_000,
      queuesAnswer: async () => queuesUp,
    });
    const { case: reported } = await reportTestCase(context);
    relay.start();
    try {
      await expect.poll(async () => (await listOutboxOfCase(database.db, reported.id))[0]?.attempts).toBe(1);
      // While the queues do not answer, the relay claims nothing (new commits wait untouched).
      const { case: another } = await reportTestCase(context);
      const tried = handOvers;
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(handOvers).toBe(tried);
      expect((await listOutboxOfCase(database.db, another.id)).every((row) => row.attempts === 0)).toBe(true);

      queuesUp = true;
      await expect.poll(() => countPendingOutbox(database.db)).toBe(0);
      const rows = [
        ...(await listOutboxOfCase(database.db, reported.id)),
        ...(await listOutboxOfCase(database.db, another.id)),
      ];
      expect(relayed.sort()).toEqual(rows.map((row) => row.jobId).sort());
    } finally {
      await relay.stop();
    }
  });

  test('a running engine relays on commit and reports the oldest waiting row as a gauge', async ({
    database,
    redis,
  }) => {
    // What a scrape reads: each gauge's values by label set ('' for a gauge without labels).
    const gauges = new Map<string, () => Promise<Map<string, number>>>();
    const metrics: GaugeRegistry = {
      registerGauge(config) {
        gauges.set(config.name, async () => {
          const values = new Map<string, number>();
          function set(value: number): void;
          function set(labels: Record<string, string>, value: number): void;
          function set(first: number | Record<string, string>, second?: number): void {
            if (typeof first === 'number') values.set('', first);
            else values.set(JSON.stringify(first), second ?? Number.NaN);
          }
          await config.collect?.call({ set });
          return values;
        });
      },
    };
    const engine = await startEngine({
      db: database.db,
      redis: redis.target,
      prefix: `${redis.prefix}:running`,
      logger: {
        debug: () => undefined,
        info: () => undefined,
        warn: () => undefined,
        error: () => undefined,
      },
      publish: () => undefined,
      workers: false,
      metrics,
      relay: { pollIntervalMs: 60_000 },
    });
    try {
      const { case: reported } = await reportTestCase(engine.context);
      // No poll for a minute: only the commit's wake-up can relay the rows.
      await expect
        .poll(async () =>
          (await listOutboxOfCase(database.db, reported.id)).every((r) => r.relayedAt !== null),
        )
        .toBe(true);
      const outboxAge = await gauges.get('urbangrid_outbox_oldest_pending_seconds')?.();
      expect(outboxAge?.get('')).toBe(0);
      const queueJobs = await gauges.get('urbangrid_queue_jobs')?.();
      // Without workers the verification job the report asked for waits in its queue.
      expect(queueJobs?.get(JSON.stringify({ queue: 'task', state: 'waiting' }))).toBe(1);
    } finally {
      await engine.stop();
    }
  });

  test('a row its queue refuses waits alone; the rows beside it are handed over', async ({
    database,
    redis,
  }) => {
    const context = createEngineContext({ db: database.db, now: () => new Date('2026-03-02T01:00:00Z') });
    const { case: reported } = await reportTestCase(context);
    await insertOutboxRows(database.db, [
      {
        city: reported.city,
        caseId: reported.id,
        queue: 'task',
        jobName: 'assignVerification',
        jobId: `broken-${reported.id}`,
        payload: { caseId: 42 },
      },
    ]);
    const connection = queueConnection(redis.target, 'queues');
    const queues = createStageQueues({
      connection: connection.connection,
      prefix: `${redis.prefix}:refused`,
    });
    try {
      const relay = createOutboxRelay({ context, queues, retryDelayMs: () => 60_000 });
      const pass = await relay.relayOnce();
      const rows = await listOutboxOfCase(database.db, reported.id);
      expect(pass).toEqual({ relayed: rows.length - 1, failed: 1 });
      const broken = rows.find((row) => row.jobId === `broken-${reported.id}`);
      expect(broken).toMatchObject({
        relayedAt: null,
        attempts: 1,
        lastError: expect.stringMatching(/caseId/),
      });
      expect(rows.filter((row) => row.relayedAt !== null)).toHaveLength(rows.length - 1);
      expect((await queues.get('task').getWaiting()).map((job) => job.id)).not.toContain(
        `broken-${reported.id}`,
      );
    } finally {
      await queues.close();
      await connection.close();
    }
  });
});
