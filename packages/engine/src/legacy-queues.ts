/**
 * Queues of earlier releases, named for stages rather than for their work (`verify` and `review`
 * carried tasks, `handle`, `close` and `notify` carried notices, `dispatch` the department
 * suggestion). An upgrade strands nothing: their outbox rows (written before the upgrade, by a
 * process not yet upgraded, or brought back by a restore) are relayed to the queue that does that
 * work now, and jobs still waiting in them in Redis are moved there when the engine starts, under
 * the same job id (so a move that runs twice, in two processes or after a crash, adds nothing twice).
 */
import type { ConnectionOptions, Job } from 'bullmq';
import { Queue } from 'bullmq';
import type { EngineLogger } from './engine-context.js';
import { type QueueKind, queueHashTag, type StageQueues, safeParsePayload } from './queues.js';

interface LegacyQueue {
  kind: QueueKind;
  /** The payload as the queue of `kind` reads it. */
  upgrade?: (payload: Record<string, unknown>) => Record<string, unknown>;
}

const legacyQueues: Readonly<Record<string, LegacyQueue>> = {
  verify: { kind: 'task' },
  review: { kind: 'task' },
  dispatch: { kind: 'dispatchSuggestion' },
  handle: { kind: 'notice' },
  close: { kind: 'notice' },
  // A staff notice, shaped as a webhook (`target: {kind: 'staff'}`), for no department.
  notify: {
    kind: 'notice',
    upgrade: ({ target: _target, ...notice }) => ({ ...notice, departmentId: null }),
  },
};

export const legacyQueueNames: readonly string[] = Object.keys(legacyQueues);

export function isLegacyQueue(queue: string): boolean {
  return Object.hasOwn(legacyQueues, queue);
}

/** The queue that does a legacy queue's work now and the payload as it reads it; null for none. */
export function upgradeLegacyJob(
  queue: string,
  payload: unknown,
): { kind: QueueKind; payload: unknown } | null {
  if (!isLegacyQueue(queue)) return null;
  const legacy = legacyQueues[queue];
  if (legacy === undefined) return null;
  const upgraded =
    legacy.upgrade !== undefined && typeof payload === 'object' && payload !== null
      ? legacy.upgrade(payload as Record<string, unknown>)
      : payload;
  return { kind: legacy.kind, payload: upgraded };
}

/** Jobs that wait for a worker; active ones belong to a worker of the earlier release still running. */
const waitingStates = ['wait', 'prioritized', 'delayed'] as const;
const page = 500;

export interface LegacyMove {
  moved: number;
  /** Jobs whose payload the new queue refuses: left where they are, and logged. */
  refused: number;
}

/**
 * Moves every job waiting in a legacy queue of `prefix` into the queue that does its work now, with
 * the time it still had to wait. Safe to run in every process at once and again after a crash: the
 * job keeps its id, so the new queue adds it once, and only then is it removed from the old one.
 */
export async function moveLegacyJobs(options: {
  connection: ConnectionOptions;
  prefix: string;
  queues: Pick<StageQueues, 'get'>;
  logger: EngineLogger;
  now?: () => number;
}): Promise<LegacyMove> {
  const now = options.now ?? Date.now;
  const result: LegacyMove = { moved: 0, refused: 0 };
  for (const legacy of legacyQueueNames) {
    const old = new Queue(`${queueHashTag}.${legacy}`, {
      connection: options.connection,
      prefix: options.prefix,
    });
    old.on('error', () => undefined);
    try {
      const counts = await old.getJobCounts(...waitingStates);
      const total = Object.values(counts).reduce((sum, n) => sum + n, 0);
      if (total === 0) continue;
      const jobs: Job[] = [];
      for (let start = 0; ; start += page) {
        const batch = await old.getJobs([...waitingStates], start, start + page - 1, true);
        jobs.push(...batch);
        if (batch.length < page) break;
      }
      for (const job of jobs) {
        const moved = await moveJob(job, legacy, options.queues, now());
        if (moved) result.moved += 1;
        else {
          result.refused += 1;
          options.logger.warn({ queue: legacy, jobId: job.id }, 'legacy queue job refused by its new queue');
        }
      }
    } finally {
      await old.close();
    }
  }
  if (result.moved > 0 || result.refused > 0) {
    options.logger.info({ ...result }, 'jobs of legacy queues moved to the queue map');
  }
  return result;
}

async function moveJob(job: Job, legacy: string, queues: Pick<StageQueues, 'get'>, now: number) {
  const upgraded = upgradeLegacyJob(legacy, job.data);
  if (upgraded === null || job.id === undefined) return false;
  const check = safeParsePayload(upgraded.kind, upgraded.payload);
  if (!check.success) return false;
  const delay = Math.max(0, job.timestamp + (job.delay ?? 0) - now);
  // BullMQ's add under an id it holds already is a no-op: a second move adds nothing.
  await (queues.get(upgraded.kind) as unknown as Queue).add(job.name, check.data, {
    jobId: job.id,
    delay: delay > 0 ? delay : undefined,
  });
  await job.remove().catch(() => undefined);
  return true;
}
