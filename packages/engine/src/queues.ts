/**
 * The stage queues (one per stage of the closed loop, plus deadline timers and notifications) and
 * the one typed map from queue to job payload. Names carry the hash tag `{urbangrid}` so every key
 * of every queue hashes to one Redis Cluster slot; the key prefix is the deployment's (tests pass
 * their own, so files never share queues).
 */
import { stages } from '@urbangrid/domain';
import { type ConnectionOptions, type DefaultJobOptions, Queue } from 'bullmq';
import { z } from 'zod';

const audiences = [
  'assignee',
  'department',
  'dispatcher',
  'intake_operator',
  'reporter',
  'shift_lead',
  'supervisor',
] as const;

const caseJob = {
  caseId: z.string().min(1),
  city: z.string().min(1),
  /** The event that asked for this work; job ids derive from it. */
  eventId: z.string().min(1),
  /** The case version that event produced. */
  caseVersion: z.number().int().positive(),
};

/** Hand a personal task to an officer: verification (核实) or check (核查). */
export const taskJobSchema = z.object({ ...caseJob, task: z.enum(['verification', 'check']) });
/** After filing or a return: the dispatch stage (propose or perform dispatch). */
export const dispatchJobSchema = z.object(caseJob);
/** Someone should hear about a change (the handle and close stages, and staff notices). */
export const noticeJobSchema = z.object({
  ...caseJob,
  audience: z.enum(audiences),
  event: z.string().min(1),
  /** The department concerned when the change happened (it may change later). */
  departmentId: z.string().nullable(),
});
/** A stage timer: at 80 % of the limit (yellow) or at 100 % (red). */
export const deadlineJobSchema = z.object({
  caseId: z.string().min(1),
  city: z.string().min(1),
  stage: z.enum(stages),
  /** The case's deadlineArmedVersion when armed; any other value means the timer is stale. */
  armedVersion: z.number().int().positive(),
  light: z.enum(['yellow', 'red']),
  /** When the threshold is reached (ISO 8601). */
  at: z.iso.datetime({ offset: true }),
});
/** A signed webhook to deliver. */
export const webhookJobSchema = z.object({
  ...caseJob,
  audience: z.enum(audiences),
  event: z.string().min(1),
  target: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('department'), departmentId: z.string().min(1) }),
    /** The hotline platform's callback (回访) endpoint. */
    z.object({ kind: z.literal('hotline') }),
    z.object({ kind: z.literal('staff') }),
  ]),
});

export type TaskJob = z.infer<typeof taskJobSchema>;
export type DispatchJob = z.infer<typeof dispatchJobSchema>;
export type NoticeJob = z.infer<typeof noticeJobSchema>;
export type DeadlineJob = z.infer<typeof deadlineJobSchema>;
export type WebhookJob = z.infer<typeof webhookJobSchema>;

/** Queue → payload: the one map producers and workers share. */
export interface JobPayloads {
  verify: TaskJob;
  dispatch: DispatchJob;
  handle: NoticeJob;
  review: TaskJob;
  close: NoticeJob;
  deadline: DeadlineJob;
  notify: WebhookJob;
}

export type QueueKind = keyof JobPayloads;

export const payloadSchemas: { readonly [K in QueueKind]: z.ZodType<JobPayloads[K]> } = {
  verify: taskJobSchema,
  dispatch: dispatchJobSchema,
  handle: noticeJobSchema,
  review: taskJobSchema,
  close: noticeJobSchema,
  deadline: deadlineJobSchema,
  notify: webhookJobSchema,
};

export const queueKinds = Object.keys(payloadSchemas) as QueueKind[];

export function isQueueKind(value: string): value is QueueKind {
  return Object.hasOwn(payloadSchemas, value);
}

export const queueHashTag = '{urbangrid}';

/** The BullMQ queue name of a kind, e.g. `{urbangrid}.verify`. */
export function queueName(kind: QueueKind): string {
  return `${queueHashTag}.${kind}`;
}

// Completed jobs are kept a while so a replayed outbox row finds its job id and adds nothing;
// workers are idempotent anyway for replays older than that.
const keepCompleted = { age: 14 * 24 * 3600, count: 100_000 };
const keepFailed = { age: 30 * 24 * 3600 };

/** The retry rule the task queues name: doubling from the job's `backoff.delay`, at most a minute. */
export const cappedBackoff = 'capped-exponential';
const longestRetryWaitMs = 60_000;

/** The wait before retry `attemptsMade` of a job whose backoff is `cappedBackoff`. */
export function cappedBackoffMs(attemptsMade: number, delayMs: number): number {
  return Math.min(longestRetryWaitMs, delayMs * 2 ** Math.max(0, attemptsMade - 1));
}

/**
 * A task waits for an officer as long as it takes (no officer covers the grid or its street yet):
 * it is tried again every minute for a week, while the shift lead's queue shows the case waiting.
 */
const waitForAnOfficer: DefaultJobOptions = {
  attempts: 7 * 24 * 60,
  backoff: { type: cappedBackoff, delay: 2_000 },
};

export const defaultJobOptions: { readonly [K in QueueKind]: DefaultJobOptions } = {
  verify: waitForAnOfficer,
  dispatch: { attempts: 10, backoff: { type: 'exponential', delay: 2_000 } },
  handle: { attempts: 10, backoff: { type: 'exponential', delay: 2_000 } },
  review: waitForAnOfficer,
  close: { attempts: 10, backoff: { type: 'exponential', delay: 2_000 } },
  deadline: { attempts: 10, backoff: { type: 'exponential', delay: 5_000 } },
  // A receiver that is down for a while still gets the webhook: 5 s, 10 s, … about 20 minutes.
  notify: { attempts: 9, backoff: { type: 'exponential', delay: 5_000 } },
};

export type StageQueue<K extends QueueKind> = Queue<JobPayloads[K], unknown, string>;

export interface StageQueues {
  readonly prefix: string;
  get<K extends QueueKind>(kind: K): StageQueue<K>;
  /** Adds a job after checking its payload against the queue's schema. */
  enqueue<K extends QueueKind>(
    kind: K,
    name: string,
    payload: unknown,
    options: { jobId: string; delay?: number },
  ): Promise<void>;
  /**
   * Adds jobs of one queue in one round trip (BullMQ's addBulk), payloads checked first: a payload
   * the schema refuses throws before anything is added.
   */
  enqueueMany<K extends QueueKind>(kind: K, jobs: readonly JobToAdd[]): Promise<void>;
  close(): Promise<void>;
}

export interface JobToAdd {
  name: string;
  payload: unknown;
  jobId: string;
  delay?: number;
}

export interface StageQueuesOptions {
  connection: ConnectionOptions;
  prefix: string;
  onError?: (error: Error, kind: QueueKind) => void;
}

export function createStageQueues(options: StageQueuesOptions): StageQueues {
  const queues = new Map<QueueKind, Queue>();
  for (const kind of queueKinds) {
    const queue = new Queue(queueName(kind), {
      connection: options.connection,
      prefix: options.prefix,
      defaultJobOptions: {
        ...defaultJobOptions[kind],
        removeOnComplete: keepCompleted,
        removeOnFail: keepFailed,
      },
    });
    // An EventEmitter 'error' without a listener would crash the process while Redis is away.
    queue.on('error', (error: Error) => options.onError?.(error, kind));
    queues.set(kind, queue);
  }
  const get = <K extends QueueKind>(kind: K): StageQueue<K> => {
    const queue = queues.get(kind);
    if (queue === undefined) throw new Error(`no queue ${kind}`);
    return queue as StageQueue<K>;
  };
  return {
    prefix: options.prefix,
    get,
    async enqueue(kind, name, payload, jobOptions) {
      const data = payloadSchemas[kind].parse(payload);
      await (get(kind) as Queue).add(name, data, { jobId: jobOptions.jobId, delay: jobOptions.delay });
    },
    async enqueueMany(kind, jobs) {
      const bulk = jobs.map((job) => ({
        name: job.name,
        data: payloadSchemas[kind].parse(job.payload),
        opts: { jobId: job.jobId, delay: job.delay },
      }));
      if (bulk.length > 0) await (get(kind) as Queue).addBulk(bulk);
    },
    async close() {
      await Promise.all([...queues.values()].map((queue) => queue.close()));
    },
  };
}
