/**
 * The outbox relay: moves committed follow-ups (outbox rows) into the stage queues. Rows are
 * claimed with `FOR UPDATE SKIP LOCKED`, so any number of relays (one per process) share the work
 * without waiting on each other; a job id derives from the row, so relaying a row twice adds
 * nothing. A row that cannot be handed over (Redis away) keeps its own retry state — attempts,
 * availableAt, lastError — and waits; commands keep committing meanwhile. While the queues do not
 * answer, the relay asks them (`queuesAnswer`) on every poll instead of claiming rows only to fail
 * them again; the first time they answer, every waiting row is made due and handed over at once.
 */
import {
  claimPendingOutbox,
  makeWaitingOutboxDue,
  markOutboxFailed,
  markOutboxRelayed,
  type OutboxRow,
  oldestPendingOutboxAgeSeconds,
} from '@urbangrid/db';
import type { EngineContext } from './engine-context.js';
import { upgradeLegacyJob } from './legacy-queues.js';
import { isQueueKind, type JobToAdd, type QueueKind, type StageQueues, safeParsePayload } from './queues.js';

export interface OutboxRelayOptions {
  context: EngineContext;
  queues: Pick<StageQueues, 'enqueueMany'>;
  /** Rows claimed per pass; default 100. */
  batchSize?: number;
  /** How often to look for rows when no commit in this process woke the relay; default 1 s. */
  pollIntervalMs?: number;
  /** How long one hand-over may take before the row counts as failed; default 5 s. */
  enqueueTimeoutMs?: number;
  /** Wait before a failed row is tried again, from its attempt count (1 after the first failure). */
  retryDelayMs?: (attempts: number) => number;
  /**
   * Whether the queues answer now (a PING, bounded in time). Given, a hand-over that failed for want
   * of the queues pauses the relay until they answer, then every waiting row is made due.
   */
  queuesAnswer?: () => Promise<boolean>;
}

export interface RelayPass {
  relayed: number;
  failed: number;
}

export interface OutboxRelay {
  /** Starts the loop: a pass on every in-process commit, and every poll interval. */
  start(): void;
  /** Stops the loop after the pass in flight. */
  stop(): Promise<void>;
  /** One pass: claim due rows, hand them over, record each outcome. */
  relayOnce(): Promise<RelayPass>;
  /** Passes until no due row is left; stops early when a pass fails rows (they wait their backoff). */
  drain(): Promise<number>;
  /** Asks the loop for a pass now. */
  wake(): void;
  /** Seconds since the oldest row still waiting was written (0 when none waits). */
  oldestPendingAgeSeconds(): Promise<number>;
}

/** 1 s, 2 s, 4 s, … capped at one minute: a Redis outage is retried often enough to drain soon after. */
export function defaultRetryDelayMs(attempts: number): number {
  return Math.min(60_000, 1_000 * 2 ** Math.max(0, attempts - 1));
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`queue did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function createOutboxRelay(options: OutboxRelayOptions): OutboxRelay {
  const { context, queues } = options;
  const batchSize = options.batchSize ?? 100;
  const pollIntervalMs = options.pollIntervalMs ?? 1_000;
  const enqueueTimeoutMs = options.enqueueTimeoutMs ?? 5_000;
  const retryDelayMs = options.retryDelayMs ?? defaultRetryDelayMs;
  /** A hand-over failed for want of the queues, and they have not answered since. */
  let queuesAway = false;

  /** Whether to claim rows now: the queues are not known to be away, or answer again. */
  async function queuesBack(): Promise<boolean> {
    if (!queuesAway || options.queuesAnswer === undefined) return true;
    if (!(await options.queuesAnswer())) return false;
    queuesAway = false;
    const due = await makeWaitingOutboxDue(context.db);
    context.logger.info({ due }, 'the queues answer again: waiting outbox rows are due now');
    return true;
  }

  /**
   * Hands the rows of one queue over in one round trip. A row whose payload the queue refuses
   * fails alone (it is left out and the others go); Redis away fails them all.
   */
  async function handOver(
    kind: QueueKind,
    rows: readonly { row: OutboxRow; payload: unknown }[],
  ): Promise<Map<number, unknown>> {
    const failures = new Map<number, unknown>();
    const jobs: JobToAdd[] = [];
    const sent: OutboxRow[] = [];
    for (const { row, payload } of rows) {
      const check = safeParsePayload(kind, payload);
      if (!check.success) {
        failures.set(row.id, check.error);
        continue;
      }
      // Deadline timers are delayed on the engine's clock (the one that armed them).
      const delay =
        row.runAt === null ? undefined : Math.max(0, row.runAt.getTime() - context.now().getTime());
      jobs.push({ name: row.jobName, payload: check.data, jobId: row.jobId, delay });
      sent.push(row);
    }
    try {
      await withTimeout(queues.enqueueMany(kind, jobs), enqueueTimeoutMs);
    } catch (error) {
      queuesAway = true;
      for (const row of sent) failures.set(row.id, error);
    }
    return failures;
  }

  async function relayOnce(): Promise<RelayPass> {
    return context.db.transaction(async (tx) => {
      const rows = await claimPendingOutbox(tx, batchSize);
      if (rows.length === 0) return { relayed: 0, failed: 0 };
      const byQueue = new Map<QueueKind, { row: OutboxRow; payload: unknown }[]>();
      const failures = new Map<number, unknown>();
      for (const row of rows) {
        // A row of an earlier release names a legacy queue: it goes to the one doing that work now.
        const target = isQueueKind(row.queue)
          ? { kind: row.queue, payload: row.payload }
          : upgradeLegacyJob(row.queue, row.payload);
        if (target === null) {
          failures.set(row.id, new Error(`unknown queue '${row.queue}'`));
          continue;
        }
        byQueue.set(target.kind, [...(byQueue.get(target.kind) ?? []), { row, payload: target.payload }]);
      }
      const passes = await Promise.all([...byQueue].map(([kind, group]) => handOver(kind, group)));
      for (const pass of passes) for (const [id, error] of pass) failures.set(id, error);
      const relayed: number[] = [];
      let failed = 0;
      for (const row of rows) {
        if (!failures.has(row.id)) {
          relayed.push(row.id);
          continue;
        }
        failed += 1;
        await markOutboxFailed(tx, row.id, errorText(failures.get(row.id)), retryDelayMs(row.attempts + 1));
      }
      await markOutboxRelayed(tx, relayed);
      if (failed > 0) {
        context.logger.warn({ failed, relayed: relayed.length }, 'outbox rows wait for the queues');
      }
      return { relayed: relayed.length, failed };
    });
  }

  async function drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const pass = await relayOnce();
      total += pass.relayed;
      if (pass.failed > 0 || pass.relayed < batchSize) return total;
    }
  }

  let running = false;
  let loop: Promise<void> | null = null;
  let pending = false;
  let sleeper: { timer: NodeJS.Timeout; resolve: () => void } | null = null;
  let unsubscribe: (() => void) | null = null;

  const wake = () => {
    pending = true;
    if (sleeper !== null) {
      clearTimeout(sleeper.timer);
      sleeper.resolve();
      sleeper = null;
    }
  };

  const sleep = () =>
    new Promise<void>((resolve) => {
      if (pending || !running) return resolve();
      sleeper = { timer: setTimeout(resolve, pollIntervalMs), resolve };
    });

  async function run(): Promise<void> {
    while (running) {
      pending = false;
      try {
        if (await queuesBack()) await drain();
      } catch (error) {
        // PostgreSQL away: nothing was claimed; try again next round.
        context.logger.warn({ err: errorText(error) }, 'outbox relay pass failed');
      }
      await sleep();
      sleeper = null;
    }
  }

  return {
    start() {
      if (running) return;
      running = true;
      unsubscribe = context.onCommitted(wake);
      loop = run();
    },
    async stop() {
      running = false;
      unsubscribe?.();
      unsubscribe = null;
      wake();
      await loop;
      loop = null;
    },
    relayOnce,
    drain,
    wake,
    oldestPendingAgeSeconds: () => oldestPendingOutboxAgeSeconds(context.db),
  };
}
