/**
 * The engine for other packages' tests: real queues and workers on the test file's Redis, with
 * the business clock in the test's hands. `settle()` replaces sleeping (relay everything pending,
 * wait until the queues are idle); `fireDueDeadlines()` replaces waiting for a timer (promote the
 * delayed deadline jobs whose instant the injected clock has reached).
 */
import { randomBytes } from 'node:crypto';
import type { Db } from '@urbangrid/db';
import { encodeLiveMessage, liveChannel } from '@urbangrid/live';
import { publish, type RedisClient, type RedisTarget } from '@urbangrid/redis';
import type { JobType } from 'bullmq';
import {
  type CaseChangedMessage,
  type EngineContext,
  type EngineLogger,
  silentLogger,
} from '../engine-context.js';
import type { OutboxRelay } from '../outbox-relay.js';
import { deadlineJobSchema, type QueueKind, queueKinds, type StageQueues } from '../queues.js';
import type { ReporterUpdateSettings } from '../reporter-updates/reporter-update-worker.js';
import { startEngine } from '../start-engine.js';
import type { WebhookSettings } from '../webhooks/webhook-worker.js';
import { type Notice, storeNotices } from '../workers/notices.js';
import type { StageWorkers } from '../workers/stage-workers.js';

export interface TestEngineOptions {
  database: { db: Db };
  /** The fixture's Redis (`redisTest`): where it is, a client and the file's prefix. */
  redis: { target: RedisTarget; client: RedisClient; prefix: string };
  now?: () => Date;
  /** Give up settling after this long (a job that keeps failing); default 15 s. */
  settleTimeoutMs?: number;
  /** Where the engine's workers log; default nowhere. */
  logger?: EngineLogger;
  /** WEBHOOK_SECRET, to send webhooks (none are sent without it), and how to send them. */
  webhookSecret?: string;
  webhooks?: WebhookSettings;
  /** How reporters are told; default: no channel, so every update is skipped (nothing waits). */
  reporterUpdates?: ReporterUpdateSettings;
}

export interface TestEngine {
  context: EngineContext;
  queues: StageQueues;
  relay: OutboxRelay;
  workers: StageWorkers;
  /** Every notice delivered, in order (a replayed job delivers the same id again). */
  notices: Notice[];
  /** Every live message published. */
  published: CaseChangedMessage[];
  settle(): Promise<void>;
  fireDueDeadlines(): Promise<void>;
  stop(): Promise<void>;
}

const busyStates = ['waiting', 'active', 'prioritized', 'waiting-children'] as const;

export async function startTestEngine(options: TestEngineOptions): Promise<TestEngine> {
  const { redis } = options;
  const notices: Notice[] = [];
  const published: CaseChangedMessage[] = [];
  // Queues of this engine alone (tests of one file may start several); live on the file's channel.
  const prefix = `${redis.prefix}:engine-${randomBytes(3).toString('hex')}`;
  const inboxes = storeNotices(options.database.db, async (message) => {
    await publish(redis.client, liveChannel(redis.prefix), encodeLiveMessage(message));
  });
  const engine = await startEngine({
    db: options.database.db,
    redis: redis.target,
    prefix,
    logger: options.logger ?? silentLogger,
    now: options.now,
    publish: async (message) => {
      published.push(message);
      await publish(redis.client, liveChannel(redis.prefix), encodeLiveMessage(message));
    },
    // Kept as a process keeps them (inboxes, live), and listed here for the test to read.
    deliverNotice: (notice) => {
      notices.push(notice);
      return inboxes(notice);
    },
    relay: { pollIntervalMs: 100, retryDelayMs: () => 100 },
    webhookSecret: options.webhookSecret,
    webhooks: options.webhooks,
    reporterUpdates: options.reporterUpdates ?? {
      contactKey: randomBytes(32),
      publicBaseUrl: 'http://127.0.0.1',
    },
  });
  const { context, queues, relay, workers } = engine;
  if (workers === null) throw new Error('the test engine runs its workers');
  const timeoutMs = options.settleTimeoutMs ?? 15_000;

  async function busyJobs(): Promise<number> {
    let busy = 0;
    for (const kind of queueKinds) {
      const queue = queues.get(kind);
      // Retries of stage jobs wait as delayed jobs; deadline timers are delayed by design, and so is
      // a webhook delivery waiting for its receiver (up to a day).
      const states: JobType[] =
        kind === 'deadline' || kind === 'webhook' ? [...busyStates] : [...busyStates, 'delayed'];
      const counts = await queue.getJobCounts(...states);
      busy += Object.values(counts).reduce((sum, n) => sum + n, 0);
    }
    return busy;
  }

  async function failures(): Promise<string[]> {
    const messages: string[] = [];
    for (const kind of queueKinds) {
      for (const job of await queues.get(kind as QueueKind).getFailed()) {
        messages.push(`${kind} ${job.name} ${job.id}: ${job.failedReason}`);
      }
    }
    return messages;
  }

  async function settle(): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let quietRounds = 0;
    // Two quiet rounds in a row: a job that just finished may have committed new outbox rows.
    while (quietRounds < 2) {
      if (Date.now() > deadline) {
        throw new Error(`the engine did not settle in ${timeoutMs} ms: ${(await failures()).join('; ')}`);
      }
      const relayed = await relay.drain();
      const busy = await busyJobs();
      quietRounds = relayed === 0 && busy === 0 ? quietRounds + 1 : 0;
      if (quietRounds < 2) await new Promise((resolve) => setTimeout(resolve, busy > 0 ? 20 : 5));
    }
    const failed = await failures();
    if (failed.length > 0) throw new Error(`stage jobs failed: ${failed.join('; ')}`);
  }

  async function fireDueDeadlines(): Promise<void> {
    for (;;) {
      await settle();
      const now = context.now().getTime();
      const due = [];
      for (const job of await queues.get('deadline').getDelayed()) {
        const payload = deadlineJobSchema.safeParse(job.data);
        if (payload.success && Date.parse(payload.data.at) <= now) due.push(job);
      }
      if (due.length === 0) return;
      // The earliest threshold first and alone, as real time would fire them.
      due.sort((a, b) => Date.parse(String(a.data.at)) - Date.parse(String(b.data.at)));
      await due[0]?.promote();
    }
  }

  return { context, queues, relay, workers, notices, published, settle, fireDueDeadlines, stop: engine.stop };
}
