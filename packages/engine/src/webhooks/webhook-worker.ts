/**
 * The worker of the `webhook` queue: many deliveries at once (a slow receiver holds a few slots,
 * bounded by the request time limit), each job moved back to wait — without spending an attempt —
 * while it is not its turn or its receiver failed; a finished delivery wakes the case's next one.
 * Every `sweepIntervalMs` it hands back to the queue the deliveries a dead run left claimed.
 */
import {
  isDatabaseUnavailable,
  nextPendingDeliveryId,
  sweepStuckWebhookDeliveries,
  type WebhookDeliveryRow,
} from '@urbangrid/db';
import { connectionTrouble } from '@urbangrid/redis';
import { type ConnectionOptions, DelayedError, type Worker } from 'bullmq';
import type { EngineContext } from '../engine-context.js';
import { cappedBackoffMs, createQueueWorker, type StageQueue } from '../queues.js';
import { closeWorker, putOff, watchWorker } from '../workers/stage-workers.js';
import {
  type DeliverySettings,
  deliverWebhook,
  subscriptionSlots,
  webhookRetryDelayMs,
} from './deliver-webhook.js';

export interface WebhookSettings {
  /** Deliveries sent at once by this process; default 16. */
  concurrency?: number;
  /** Of those, at most this many to one subscription; default 4. */
  perSubscription?: number;
  /** How long a receiver may take to answer; default 10 s. */
  timeoutMs?: number;
  /** The wait before retry n (n attempts made); default 10 s doubling, at most an hour. */
  retryDelayMs?: (attempts: number) => number;
  /** How often deliveries left claimed by a dead run are looked for; default a minute. */
  sweepIntervalMs?: number;
}

export interface WebhookWorkerOptions extends WebhookSettings {
  context: EngineContext;
  connection: ConnectionOptions;
  prefix: string;
  /** The `webhook` queue, to wake a waiting delivery. */
  queue: StageQueue<'webhook'>;
  sealingKey: Buffer;
  closeGraceMs?: number;
}

export interface WebhookWorker {
  readonly worker: Worker;
  close(): Promise<void>;
}

/** A lease over for this long is a dead run's, not a slow one's (its request timed out long before). */
const leaseGraceMs = 5_000;

export function createWebhookWorker(options: WebhookWorkerOptions): WebhookWorker {
  const { context, queue } = options;
  const retryDelayMs = options.retryDelayMs ?? webhookRetryDelayMs;
  const settings: DeliverySettings = {
    sealingKey: options.sealingKey,
    timeoutMs: options.timeoutMs ?? 10_000,
    retryDelayMs,
    slots: subscriptionSlots(options.perSubscription ?? 4),
  };

  /** The case's next delivery to the subscription waits for this one: it may go now. */
  async function wakeNext(delivery: WebhookDeliveryRow): Promise<void> {
    const next = await nextPendingDeliveryId(context.db, delivery);
    if (next === null) return;
    const job = await queue.getJob(`webhook-${next}`);
    if (job !== undefined && (await job.isDelayed())) await job.promote();
  }

  const worker = createQueueWorker(
    'webhook',
    async ({ deliveryId }, _run, job, token) => {
      try {
        const step = await deliverWebhook(context, settings, deliveryId);
        if (step.kind === 'finished') {
          await wakeNext(step.delivery).catch((error: unknown) =>
            context.logger.debug({ err: (error as Error).message }, 'next webhook delivery not woken'),
          );
          return step.status;
        }
        if (step.kind === 'skipped' || job === undefined || token === undefined) return step.kind;
        const wait =
          step.kind === 'retry'
            ? () => step.inMs
            : step.reason === 'busy'
              ? () => Math.min(1_000, retryDelayMs(1))
              : (times: number) => retryDelayMs(times);
        await putOff(job, token, wait);
        throw new DelayedError();
      } catch (error) {
        if (job === undefined || token === undefined || !isDatabaseUnavailable(error)) throw error;
        await putOff(job, token, (times) => cappedBackoffMs(times, 1_000));
        throw new DelayedError();
      }
    },
    { connection: options.connection, prefix: options.prefix, concurrency: options.concurrency ?? 16 },
  );
  watchWorker(worker, context, 'webhook', connectionTrouble('webhook worker', context.logger));

  // A run that died after claiming its delivery leaves it pending under a lease nobody gives back.
  let sweeping: Promise<unknown> = Promise.resolve();
  const sweep = async () => {
    try {
      const swept = await sweepStuckWebhookDeliveries(context.db, leaseGraceMs);
      if (swept > 0)
        context.logger.warn({ swept }, 'webhook deliveries left claimed by a dead run: sent again');
    } catch (error) {
      context.logger.debug({ err: (error as Error).message }, 'webhook sweep not done; tried again later');
    }
  };
  const sweepTimer = setInterval(() => {
    sweeping = sweeping.then(sweep);
  }, options.sweepIntervalMs ?? 60_000);
  sweepTimer.unref();
  return {
    worker,
    async close() {
      clearInterval(sweepTimer);
      await sweeping;
      await closeWorker(worker, context, options.closeGraceMs);
    },
  };
}
