/**
 * One BullMQ worker per queue of the engine's work (the queue map's kinds but `publication`, which
 * the supervision service works): `task` hands a task to an officer, `dispatchSuggestion` and
 * `notice` deliver notices (the task and suggestion jobs first deliver the notices of their
 * transition they carry), `deadline` fires a stage timer. Payloads are checked against the queue
 * map before anything runs. Every handler is safe to run twice (jobs may be replayed): a replay
 * finds the case moved on or re-delivers a notice under the same id.
 */
import { findCaseById, isDatabaseUnavailable } from '@urbangrid/db';
import { type ConnectionTrouble, connectionTrouble } from '@urbangrid/redis';
import { type ConnectionOptions, DelayedError, type Job, type MinimalJob, type Worker } from 'bullmq';
import type { EngineContext } from '../engine-context.js';
import {
  cappedBackoffMs,
  createQueueWorker,
  type JobRun,
  parsePayload,
  type QueueHandler,
  type QueueKind,
  type ScheduledKind,
} from '../queues.js';
import { fireDeadline } from './deadline-timer.js';
import { type DeliverNotice, sendCarriedNotices, sendNoticeAbout } from './notices.js';
import { assignTask } from './task-assignment.js';

export type { JobRun };

/** The queues whose jobs the stage workers do (webhooks, reporter updates and the schedules have workers of their own). */
export type StageKind = Exclude<QueueKind, ScheduledKind | 'webhook' | 'reporterUpdate'>;
export const stageKinds: readonly StageKind[] = ['task', 'dispatchSuggestion', 'notice', 'deadline'];

export type StageHandlers = { readonly [K in StageKind]: QueueHandler<K> };

/** What each queue's job does; the workers run these, tests may call them directly. */
export function stageHandlers(context: EngineContext, deliver: DeliverNotice): StageHandlers {
  // Each job reads its case once: for the notices it carries and for its own work.
  return {
    async task(job, run) {
      const row = await findCaseById(context.db, job.caseId);
      await sendCarriedNotices(context, deliver, job, row);
      return assignTask(context, deliver, job, run, row);
    },
    async dispatchSuggestion(job, { id }) {
      const row = await findCaseById(context.db, job.caseId);
      await sendCarriedNotices(context, deliver, job, row);
      // The suggested department was recorded at filing (权责清单); the dispatchers decide.
      if (row === null || row.state !== 'filed') return null;
      return sendNoticeAbout(context, deliver, row, {
        id,
        audience: 'dispatcher',
        event: 'dispatch.suggested',
        departmentId: row.suggestedDepartmentId,
      });
    },
    async notice(job, { id }) {
      const row = await findCaseById(context.db, job.caseId);
      const notice = await sendNoticeAbout(context, deliver, row, { ...job, id });
      await sendCarriedNotices(context, deliver, job, row);
      return notice;
    },
    deadline: (job) => fireDeadline(context, job),
  };
}

/** Runs the handler of `kind` on an unchecked payload (what a worker received). */
export async function runStageJob<K extends StageKind>(
  handlers: StageHandlers,
  kind: K,
  payload: unknown,
  jobId: string,
  attemptsMade = 0,
): Promise<unknown> {
  return (handlers[kind] as QueueHandler<K>)(parsePayload(kind, payload), { id: jobId, attemptsMade });
}

/** The `backoff.delay` a job was added with (a bare number is the delay too). */
function backoffDelayOf(job: MinimalJob | undefined): number {
  const backoff = job?.opts.backoff;
  return typeof backoff === 'number' ? backoff : (backoff?.delay ?? 1_000);
}

export interface StageWorkersOptions {
  context: EngineContext;
  connection: ConnectionOptions;
  prefix: string;
  deliverNotice: DeliverNotice;
  /** Jobs run at once per queue; default 4. */
  concurrency?: number;
  /** How long `close()` waits for the jobs in hand before dropping the connections; default 5 s. */
  closeGraceMs?: number;
  kinds?: readonly StageKind[];
}

export interface StageWorkers {
  readonly workers: ReadonlyMap<StageKind, Worker>;
  readonly handlers: StageHandlers;
  close(): Promise<void>;
}

export function createStageWorkers(options: StageWorkersOptions): StageWorkers {
  const { context } = options;
  const handlers = stageHandlers(context, options.deliverNotice);
  const workers = new Map<StageKind, Worker>();
  // Without an 'error' listener a Redis outage would take the whole process down; one report of
  // the outage for every stage worker of the process.
  const trouble = connectionTrouble('stage workers', context.logger);
  for (const kind of options.kinds ?? stageKinds) {
    const handler = handlers[kind] as QueueHandler<typeof kind>;
    const worker = createQueueWorker(
      kind,
      async (payload, run, job, token) => {
        try {
          return await handler(payload, run);
        } catch (error) {
          if (job === undefined || token === undefined || !isDatabaseUnavailable(error)) throw error;
          await postpone(job, token);
          throw new DelayedError();
        }
      },
      {
        connection: options.connection,
        prefix: options.prefix,
        concurrency: options.concurrency ?? 4,
        // The one custom retry rule (`cappedBackoff`, the task queue's): BullMQ asks the worker for it.
        settings: {
          backoffStrategy: (attemptsMade, _type, _error, job) =>
            cappedBackoffMs(attemptsMade, backoffDelayOf(job)),
        },
      },
    );
    watchWorker(worker, context, kind, trouble);
    workers.set(kind, worker);
  }
  return {
    workers,
    handlers,
    async close() {
      await Promise.all(
        [...workers.values()].map((worker) => closeWorker(worker, context, options.closeGraceMs)),
      );
    },
  };
}

/**
 * Reports a worker's connection errors to `trouble` (a worker without an 'error' listener would
 * take the process down while Redis is away) and logs its failed jobs.
 */
export function watchWorker(
  worker: Worker,
  context: EngineContext,
  kind: QueueKind,
  trouble: Pick<ConnectionTrouble, 'error'>,
): void {
  worker.on('error', trouble.error);
  worker.on('failed', (job, error) =>
    context.logger.warn({ err: error.message, queue: kind, jobId: job?.id }, 'stage job failed'),
  );
}

/**
 * A job that met PostgreSQL away waits and runs again without spending one of its attempts, so an
 * outage of any length loses no job (a job's own failures still count): 1 s, 2 s, 4 s, … at most a
 * minute, from how often it has been put off.
 */
async function postpone(job: Job, token: string): Promise<void> {
  await putOff(job, token, (times) => cappedBackoffMs(times, 1_000));
}

/**
 * Moves a running job back to wait `waitMs(times put off so far)` without spending an attempt; the
 * handler then throws BullMQ's DelayedError.
 */
export async function putOff(job: Job, token: string, waitMs: (times: number) => number): Promise<void> {
  const times = Math.max(1, job.attemptsStarted - job.attemptsMade);
  await job.moveToDelayed(Date.now() + waitMs(times), token);
}

/**
 * Closing takes no new job and waits for the jobs in hand; with Redis away it would wait for ever,
 * so after a while the worker's connections are dropped instead (an unfinished job is retried by
 * another worker once its lock runs out).
 */
export async function closeWorker(worker: Worker, context: EngineContext, graceMs = 5_000): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const closed = worker.close().then(() => true);
  const gaveUp = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), graceMs);
  });
  const inTime = await Promise.race([closed, gaveUp]);
  clearTimeout(timer);
  if (!inTime) {
    context.logger.warn({ queue: worker.name }, 'stage worker did not close in time; disconnecting');
    void worker.disconnect().catch(() => undefined);
  }
}
