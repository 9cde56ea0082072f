/**
 * The engine as a process runs it (`npm start`, or one service alone): workers when the process
 * runs them, and one engine context shared by the HTTP routes and the workers, so a command
 * committed over HTTP wakes this process's outbox relay at once. A process without workers gets a
 * context of its own that only publishes live changes.
 *
 * The process's reference data is made here, once: the engine context and the HTTP layer
 * (`buildApp({ reference })`) share it, and it follows the admin changes announced on the live
 * channel. A process running workers also loads the public holidays its chinese-days release
 * covers (a newer release brings the next year), watches how long each city's calendar lasts and
 * prunes read notices past their retention every night (`notice-pruning.ts`).
 */
import type { Db } from '@urbangrid/db';
import type { RedisClient, RedisTarget } from '@urbangrid/redis';
import {
  announceReferenceChange,
  createReferenceData,
  followReferenceChanges,
  type ReferenceData,
  type ReferenceFollower,
  syncPublicHolidays,
  watchCalendarCoverage,
} from '@urbangrid/reference';
import {
  createEngineContext,
  type EngineContext,
  type EngineLogger,
  publishToRedis,
} from './engine-context.js';
import { startLogPartitions } from './log-partitions.js';
import { startNoticePruning } from './notice-pruning.js';
import type { ReporterUpdateSettings } from './reporter-updates/reporter-update-worker.js';
import { type GaugeRegistry, type RunningEngine, startEngine } from './start-engine.js';

export interface EngineProcessContext {
  db: Db;
  redis: RedisClient;
  redisTarget: RedisTarget;
  logger: EngineLogger;
  config: {
    QUEUE_PREFIX: string;
    SHUTDOWN_TIMEOUT_MS?: number;
    webhookSecret?: string;
    /** Reporter updates: the key their addresses are sealed with, the mail server, the SMS adapter. */
    phoneEncryptionKey?: Buffer;
    PUBLIC_BASE_URL?: string;
    SMTP_URL?: string;
    MAIL_FROM?: string;
    SMS_WEBHOOK_URL?: string;
    SMS_WEBHOOK_SECRET?: string;
    /** How long read notices are kept (default 30 days). */
    NOTICE_RETENTION_DAYS?: number;
  };
}

export interface ProcessEngine {
  startWorkers(ctx: EngineProcessContext): Promise<RunningEngine>;
  /** The context HTTP routes use: the workers' own when they run in this process. */
  context(ctx: EngineProcessContext): EngineContext;
  /** The process's one reference data, for `buildApp({ reference })`. */
  reference(ctx: EngineProcessContext): ReferenceData;
}

/** Loads the public holidays every city lacks; announces the change when there was one. */
async function loadPublicHolidays(ctx: EngineProcessContext, reference: ReferenceData): Promise<void> {
  try {
    const cities = (await reference.cities()).map((city) => city.code);
    const loaded = (await syncPublicHolidays(ctx.db, cities)).filter((city) => city.years.length > 0);
    if (loaded.length === 0) return;
    ctx.logger.info({ loaded }, 'public holidays loaded');
    await reference.refresh(['calendars']);
    await announceReferenceChange(ctx.redis, `${ctx.config.QUEUE_PREFIX}:live`, { parts: ['calendars'] });
  } catch (error) {
    // The calendars keep what they had; the coverage watch says so if that runs out.
    ctx.logger.warn({ err: error }, 'public holidays not loaded');
  }
}

/** Reporter updates as the configuration sets them; none without the key that opens the addresses. */
function reporterUpdateSettings(config: EngineProcessContext['config']): ReporterUpdateSettings | undefined {
  const { phoneEncryptionKey: contactKey, SMTP_URL, SMS_WEBHOOK_URL } = config;
  if (contactKey === undefined) return undefined;
  const smsSecret = config.SMS_WEBHOOK_SECRET ?? config.webhookSecret;
  return {
    contactKey,
    publicBaseUrl: config.PUBLIC_BASE_URL ?? 'http://localhost:3000',
    email:
      SMTP_URL === undefined ? undefined : { url: SMTP_URL, from: config.MAIL_FROM ?? 'noreply@localhost' },
    sms:
      SMS_WEBHOOK_URL === undefined || smsSecret === undefined
        ? undefined
        : { url: SMS_WEBHOOK_URL, secret: smsSecret },
  };
}

export function processEngine(options: { metrics?: GaugeRegistry } = {}): ProcessEngine {
  let running: RunningEngine | undefined;
  let httpOnly: EngineContext | undefined;
  let shared: { reference: ReferenceData; follower: ReferenceFollower } | undefined;

  const referenceOf = (ctx: EngineProcessContext): ReferenceData => {
    if (shared === undefined) {
      const reference = createReferenceData({ db: ctx.db });
      const channel = `${ctx.config.QUEUE_PREFIX}:live`;
      shared = {
        reference,
        follower: followReferenceChanges(reference, ctx.redis.duplicate(), channel, ctx.logger),
      };
    }
    return shared.reference;
  };

  return {
    async startWorkers(ctx) {
      const reference = referenceOf(ctx);
      await loadPublicHolidays(ctx, reference);
      const engine = await startEngine({
        db: ctx.db,
        redis: ctx.redisTarget,
        prefix: ctx.config.QUEUE_PREFIX,
        logger: ctx.logger,
        metrics: options.metrics,
        reference,
        closeGraceMs: ctx.config.SHUTDOWN_TIMEOUT_MS,
        webhookSecret: ctx.config.webhookSecret,
        reporterUpdates: reporterUpdateSettings(ctx.config),
      });
      const coverage = watchCalendarCoverage({
        db: ctx.db,
        reference,
        now: engine.context.now,
        logger: ctx.logger,
      });
      // Read notices past their retention go every night (any process running workers may set it).
      const pruning = await startNoticePruning({
        db: ctx.db,
        redis: ctx.redisTarget,
        prefix: ctx.config.QUEUE_PREFIX,
        retentionDays: ctx.config.NOTICE_RETENTION_DAYS ?? 30,
        now: engine.context.now,
        logger: ctx.logger,
      });
      // The coming months' partitions of the event log and the outbox, now and every night.
      const partitions = await startLogPartitions({
        db: ctx.db,
        redis: ctx.redisTarget,
        prefix: ctx.config.QUEUE_PREFIX,
        logger: ctx.logger,
      });
      running = {
        ...engine,
        async stop() {
          coverage.stop();
          await partitions.stop();
          await pruning.stop();
          await engine.stop();
          await shared?.follower.stop();
        },
      };
      return running;
    },
    context(ctx) {
      if (running !== undefined) return running.context;
      httpOnly ??= createEngineContext({
        db: ctx.db,
        logger: ctx.logger,
        publish: publishToRedis(ctx.redis, ctx.config.QUEUE_PREFIX),
        reference: referenceOf(ctx),
      });
      return httpOnly;
    },
    reference: referenceOf,
  };
}
