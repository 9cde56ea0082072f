/**
 * The worker of the `reporterUpdate` queue: each job sends one update on one channel; a failed send
 * moves the job back to wait for its backoff without spending a BullMQ attempt (the send row counts
 * the tries), and PostgreSQL away puts it off as the stage workers do.
 */
import { isDatabaseUnavailable } from '@urbangrid/db';
import { connectionTrouble } from '@urbangrid/redis';
import { type ConnectionOptions, DelayedError, type Worker } from 'bullmq';
import type { EngineContext } from '../engine-context.js';
import { cappedBackoffMs, createQueueWorker } from '../queues.js';
import { closeWorker, putOff, watchWorker } from '../workers/stage-workers.js';
import { type EmailSettings, emailSender, type SmsSettings, smsSender } from './reporter-senders.js';
import { type ReporterUpdateSenders, sendReporterUpdate } from './send-reporter-update.js';

export interface ReporterUpdateSettings {
  /** PHONE_ENCRYPTION_KEY: opens the reporters' sealed phones and emails. */
  contactKey: Buffer;
  /** PUBLIC_BASE_URL: where the case's public page (`/r/<token>`) is linked from. */
  publicBaseUrl: string;
  /** SMTP_URL and MAIL_FROM; without them emails are skipped. */
  email?: EmailSettings;
  /** SMS_WEBHOOK_URL and SMS_WEBHOOK_SECRET; without them text messages are skipped. */
  sms?: SmsSettings;
  /** Tries before an update is recorded as failed; default 8. */
  maxAttempts?: number;
  /** The wait before the next try; default 30 s doubling, at most an hour. */
  retryDelayMs?: (attempts: number) => number;
  /** How long a mail server or the SMS adapter may take; default 15 s. */
  timeoutMs?: number;
  /** Sends at once; default 4. */
  concurrency?: number;
}

/** 30 s, 1 min, 2 min, … at most an hour. */
export function reporterUpdateRetryDelayMs(attempts: number): number {
  return Math.min(3_600_000, 30_000 * 2 ** Math.max(0, attempts - 1));
}

export interface ReporterUpdateWorker {
  readonly worker: Worker;
  close(): Promise<void>;
}

export function createReporterUpdateWorker(
  options: ReporterUpdateSettings & {
    context: EngineContext;
    connection: ConnectionOptions;
    prefix: string;
    closeGraceMs?: number;
  },
): ReporterUpdateWorker {
  const { context } = options;
  const timeoutMs = options.timeoutMs ?? 15_000;
  const email = options.email === undefined ? undefined : emailSender(options.email, timeoutMs);
  const send: ReporterUpdateSenders['send'] = {};
  if (email !== undefined) send.email = email.send;
  if (options.sms !== undefined) send.sms = smsSender(options.sms, timeoutMs, context.now);
  const senders: ReporterUpdateSenders = {
    contactKey: options.contactKey,
    publicBaseUrl: options.publicBaseUrl,
    send,
    maxAttempts: options.maxAttempts ?? 8,
    // A send takes at most a connection, a greeting and an answer.
    leaseMs: 3 * timeoutMs + 30_000,
    retryDelayMs: options.retryDelayMs ?? reporterUpdateRetryDelayMs,
  };
  const worker = createQueueWorker(
    'reporterUpdate',
    async (payload, _run, job, token) => {
      try {
        const step = await sendReporterUpdate(context, senders, payload);
        if (step.kind !== 'retry' || job === undefined || token === undefined) return step.kind;
        await putOff(job, token, () => step.inMs);
        throw new DelayedError();
      } catch (error) {
        if (job === undefined || token === undefined || !isDatabaseUnavailable(error)) throw error;
        await putOff(job, token, (times) => cappedBackoffMs(times, 1_000));
        throw new DelayedError();
      }
    },
    { connection: options.connection, prefix: options.prefix, concurrency: options.concurrency ?? 4 },
  );
  watchWorker(worker, context, 'reporterUpdate', connectionTrouble('reporter update worker', context.logger));
  return {
    worker,
    async close() {
      await closeWorker(worker, context, options.closeGraceMs);
      email?.close();
    },
  };
}
