/**
 * The engine's running part in a process: the context (what commands need), the stage queues, the
 * outbox relay and one worker per queue. Nothing here is required for a command to commit: with
 * Redis away, commands commit, outbox rows wait, and everything drains when Redis is back.
 */
import { type Db, webhookSealingKey } from '@urbangrid/db';
import { encodeLiveMessage, liveChannel } from '@urbangrid/live';
import { connectRedis, publish, type RedisTarget } from '@urbangrid/redis';
import type { ReferenceData } from '@urbangrid/reference';
import {
  type CaseChangedMessage,
  createEngineContext,
  type EngineContext,
  type EngineLogger,
  type LocateGrid,
  type PublishCaseChanged,
} from './engine-context.js';
import { type LegacyMove, moveLegacyJobs } from './legacy-queues.js';
import { createOutboxRelay, type OutboxRelay } from './outbox-relay.js';
import { queueConnection } from './queue-connection.js';
import { createStageQueues, queueKinds, type StageQueues } from './queues.js';
import {
  createReporterUpdateWorker,
  type ReporterUpdateSettings,
  type ReporterUpdateWorker,
} from './reporter-updates/reporter-update-worker.js';
import { createWebhookWorker, type WebhookSettings, type WebhookWorker } from './webhooks/webhook-worker.js';
import {
  type AnnounceNotice,
  type DeliverNotice,
  type NoticeMessage,
  storeNotices,
} from './workers/notices.js';
import { createStageWorkers, type StageWorkers } from './workers/stage-workers.js';

/**
 * Where the engine's gauges go. platform's `createMetrics()` fits (its `registerGauge`); the engine
 * does not import platform.
 */
export interface GaugeRegistry {
  registerGauge(config: {
    name: string;
    help: string;
    labelNames?: readonly string[];
    collect?: (this: {
      set(value: number): void;
      set(labels: Record<string, string>, value: number): void;
    }) => void | Promise<void>;
  }): unknown;
}

export interface StartEngineOptions {
  db: Db;
  /** Where Redis is: one server or a cluster (where `keyPrefixFor` gives `prefix` a hash tag). */
  redis: RedisTarget;
  /** Key prefix of queues and the live channel (QUEUE_PREFIX). */
  prefix: string;
  logger: EngineLogger;
  now?: () => Date;
  /** Default: publish on the Redis channel `liveChannel(prefix)` (what every live hub listens to). */
  publish?: PublishCaseChanged;
  /** Default: each recipient's inbox (`storeNotices`), announced live with `announceNotice`. */
  deliverNotice?: DeliverNotice;
  /** Default: on the live channel, as `publish` does (none when `publish` is given instead). */
  announceNotice?: AnnounceNotice;
  locateGrid?: LocateGrid;
  /** The process's reference data (shared with its HTTP layer); default one of the engine's own. */
  reference?: ReferenceData;
  metrics?: GaugeRegistry;
  /** Start the queue workers (default true); false runs only the relay. */
  workers?: boolean;
  /** How long `stop()` lets the jobs in hand finish (SHUTDOWN_TIMEOUT_MS); default 5 s. */
  closeGraceMs?: number;
  /**
   * WEBHOOK_SECRET: the subscriptions' signing secrets are sealed under a key derived from it.
   * Without it no webhook is sent (deliveries wait in their queue).
   */
  webhookSecret?: string;
  /** How webhooks are sent (concurrency, time limit, retry waits); defaults for production. */
  webhooks?: WebhookSettings;
  /**
   * How reporters hear of their cases (SMTP, the SMS webhook, the public page's address). Without
   * it no update is sent (they wait in their queue).
   */
  reporterUpdates?: ReporterUpdateSettings;
  relay?: { pollIntervalMs?: number; retryDelayMs?: (attempts: number) => number; enqueueTimeoutMs?: number };
  /**
   * How often jobs of the legacy queues are looked for again after the start (processes of the
   * earlier release may still add some during a rolling upgrade); default ten minutes.
   */
  legacySweepMs?: number;
}

export interface RunningEngine {
  context: EngineContext;
  queues: StageQueues;
  relay: OutboxRelay;
  workers: StageWorkers | null;
  /** The sender of webhook deliveries, when the workers run and WEBHOOK_SECRET is given. */
  webhookWorker: WebhookWorker | null;
  /** The sender of reporter updates, when the workers run and their settings are given. */
  reporterUpdateWorker: ReporterUpdateWorker | null;
  /** The start's move of jobs still waiting in legacy queues (null when Redis did not answer). */
  legacyMoved: Promise<LegacyMove | null>;
  stop(): Promise<void>;
}

/** The live publish on the channel every hub listens to, validated by @urbangrid/live. */
function redisPublisher(target: RedisTarget, prefix: string, logger: EngineLogger) {
  const redis = connectRedis(target, { maxRetriesPerRequest: 1, lazyConnect: true });
  redis.on('error', (error: Error) => logger.debug({ err: error.message }, 'live publisher: redis error'));
  const publishChange = async (message: CaseChangedMessage | NoticeMessage) => {
    await publish(redis, liveChannel(prefix), encodeLiveMessage(message));
  };
  return {
    publish: publishChange,
    close: () =>
      redis.quit().then(
        () => undefined,
        () => redis.disconnect(),
      ),
  };
}

/** Whether the queues' Redis answers within a second (the relay asks while it waits). */
async function queuesAnswer(queues: StageQueues): Promise<boolean> {
  let answered = false;
  await settledWithin(
    queues
      .get('task')
      .count()
      .then(() => {
        answered = true;
      }),
    1_000,
  );
  return answered;
}

/** Waits for `work` at most `ms`; what it does after that no longer matters to the caller. */
async function settledWithin(work: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    work.catch(() => undefined),
    new Promise((resolve) => {
      timer = setTimeout(resolve, ms);
    }),
  ]);
  clearTimeout(timer);
}

export async function startEngine(options: StartEngineOptions): Promise<RunningEngine> {
  const { logger } = options;
  // ioredis reconnects for ever while Redis is away; BullMQ turns a server's URL into its connections.
  const queuesRedis = queueConnection(options.redis, 'queues');
  const workersRedis = options.workers === false ? null : queueConnection(options.redis, 'workers');
  const publisher =
    options.publish === undefined ? redisPublisher(options.redis, options.prefix, logger) : null;
  const context = createEngineContext({
    db: options.db,
    now: options.now,
    logger,
    locateGrid: options.locateGrid,
    reference: options.reference,
    publish: options.publish ?? publisher?.publish,
  });
  const queues = createStageQueues({
    connection: queuesRedis.connection,
    prefix: options.prefix,
    onError: (error, kind) => logger.debug({ err: error.message, queue: kind }, 'queue: redis error'),
  });
  const relay = createOutboxRelay({
    context,
    queues,
    queuesAnswer: () => queuesAnswer(queues),
    ...options.relay,
  });
  const moveLegacy = () =>
    moveLegacyJobs({ connection: queuesRedis.connection, prefix: options.prefix, queues, logger }).catch(
      (error: unknown) => {
        logger.warn({ err: (error as Error).message }, 'legacy queues not swept; tried again later');
        return null;
      },
    );
  const legacyMoved = moveLegacy();
  let legacySweep: Promise<unknown> = legacyMoved;
  const legacyTimer = setInterval(
    () => {
      legacySweep = legacySweep.then(moveLegacy);
    },
    options.legacySweepMs ?? 10 * 60_000,
  );
  legacyTimer.unref();
  const workers =
    workersRedis === null
      ? null
      : createStageWorkers({
          context,
          connection: workersRedis.connection,
          prefix: options.prefix,
          closeGraceMs: options.closeGraceMs,
          deliverNotice:
            options.deliverNotice ??
            storeNotices(options.db, options.announceNotice ?? publisher?.publish, logger),
        });
  const webhookWorker =
    workersRedis === null || options.webhookSecret === undefined
      ? null
      : createWebhookWorker({
          ...options.webhooks,
          context,
          connection: workersRedis.connection,
          prefix: options.prefix,
          queue: queues.get('webhook'),
          sealingKey: webhookSealingKey(options.webhookSecret),
          closeGraceMs: options.closeGraceMs,
        });
  const reporterUpdateWorker =
    workersRedis === null || options.reporterUpdates === undefined
      ? null
      : createReporterUpdateWorker({
          ...options.reporterUpdates,
          context,
          connection: workersRedis.connection,
          prefix: options.prefix,
          closeGraceMs: options.closeGraceMs,
        });
  options.metrics?.registerGauge({
    name: 'urbangrid_outbox_oldest_pending_seconds',
    help: 'Age of the oldest outbox row not yet handed to the queues (0 when none waits)',
    async collect() {
      try {
        this.set(await relay.oldestPendingAgeSeconds());
      } catch {
        // PostgreSQL away during a scrape: keep the last value.
      }
    },
  });
  options.metrics?.registerGauge({
    name: 'urbangrid_queue_jobs',
    help: 'Jobs in each queue of the queue map by state (waiting, active, delayed, failed)',
    labelNames: ['queue', 'state'],
    async collect() {
      for (const kind of queueKinds) {
        try {
          const counts = await queues.get(kind).getJobCounts('waiting', 'active', 'delayed', 'failed');
          for (const [state, value] of Object.entries(counts)) this.set({ queue: kind, state }, value);
        } catch {
          // Redis away during a scrape: keep the last values.
        }
      }
    },
  });
  relay.start();
  logger.info({ prefix: options.prefix }, 'engine started');
  return {
    context,
    queues,
    relay,
    workers,
    webhookWorker,
    reporterUpdateWorker,
    legacyMoved,
    async stop() {
      clearInterval(legacyTimer);
      await relay.stop();
      await settledWithin(legacySweep, 5_000);
      await Promise.all([workers?.close(), webhookWorker?.close(), reporterUpdateWorker?.close()]);
      // With Redis away a queue's close waits for a connection that never comes: bounded.
      await settledWithin(queues.close(), 5_000);
      await queuesRedis.close();
      await workersRedis?.close();
      await settledWithin(publisher?.close() ?? Promise.resolve(), 2_000);
    },
  };
}
