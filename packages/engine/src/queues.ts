/**
 * The queue map: every BullMQ queue of the system, named for its work, with the zod schema of its
 * jobs' payload and its retry rule, in one typed map (in the manner of Infisical's
 * `TQueueJobTypes`). Every producer adds through `createStageQueues` (`enqueue`, the relay) and
 * every worker takes through `createQueueWorker`, so a payload is checked against its queue's
 * schema when it is added and again when it is taken. Names carry the hash tag `{urbangrid}` so
 * every key of every queue hashes to one Redis Cluster slot; the key prefix is the deployment's
 * (tests pass their own, so files never share queues). Queues of earlier releases:
 * `legacy-queues.ts`.
 */
import { reporterUpdateChannels, reporterUpdateEvents, stages } from '@urbangrid/domain';
import {
  type ConnectionOptions,
  type DefaultJobOptions,
  type Job,
  Queue,
  Worker,
  type WorkerOptions,
} from 'bullmq';
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

const noticeFields = {
  audience: z.enum(audiences),
  event: z.string().min(1),
  /** The department concerned when the change happened (it may change later). */
  departmentId: z.string().nullable(),
};
/**
 * The transition's (other) notices, delivered by its one job before its own work: each keeps the
 * id it would have had as a job of its own (event id + place in the plan), so a run twice stores
 * it once. Absent in jobs written before notices travelled together.
 */
const carriedNotices = { notices: z.array(z.object({ id: z.string().min(1), ...noticeFields })).optional() };

/** Hand a personal task to an officer: verification (核实) or check (核查). */
export const taskJobSchema = z.object({
  ...caseJob,
  task: z.enum(['verification', 'check']),
  ...carriedNotices,
});
/** After filing or a return: tell the dispatchers the department the matrix suggests (权责清单). */
export const dispatchSuggestionJobSchema = z.object({ ...caseJob, ...carriedNotices });
/** Someone should hear about a change (通知): a department, the reporter or a staff desk. */
export const noticeJobSchema = z.object({ ...caseJob, ...noticeFields, ...carriedNotices });
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
/**
 * A webhook delivery (对外推送) to send: the row (written with its case event) holds what to send
 * and its retry state, so the job names it only.
 */
export const webhookJobSchema = z.object({ deliveryId: z.string().min(1) });
/**
 * A reporter update (进度告知) to send on one channel: the send row (case + event + channel) makes a
 * job run twice send once; the address is read from the case and opened only by the sender.
 */
export const reporterUpdateJobSchema = z.object({
  caseId: z.string().min(1),
  city: z.string().min(1),
  event: z.enum(reporterUpdateEvents),
  channel: z.enum(reporterUpdateChannels),
  /** A caller attached to the case (附加来電, case_callers) instead of its reporter. */
  callerId: z.string().min(1).optional(),
});
/** The daily freeze of finished days (发布); fired by a job scheduler, it carries nothing. */
export const publicationJobSchema = z.object({}).strict();
/** The nightly deletion of read notices past their retention; fired by a job scheduler, it carries nothing. */
export const noticePruningJobSchema = z.object({}).strict();
/** The nightly making of the coming months' partitions of the event log and the outbox; fired by a job scheduler. */
export const logPartitionsJobSchema = z.object({}).strict();
/** The signing of the finished days' chain heads (签名锚点); fired by a job scheduler, it carries nothing. */
export const anchorsJobSchema = z.object({}).strict();
/** The nightly erasure of reporters' data past the retention period (个人信息删除); fired by a job scheduler. */
export const reporterErasureJobSchema = z.object({}).strict();

export const queueHashTag = '{urbangrid}';

/** The retry rule the task queue names: doubling from the job's `backoff.delay`, at most a minute. */
export const cappedBackoff = 'capped-exponential';
const longestRetryWaitMs = 60_000;

/** The wait before retry `attemptsMade` of a job whose backoff is `cappedBackoff`. */
export function cappedBackoffMs(attemptsMade: number, delayMs: number): number {
  return Math.min(longestRetryWaitMs, delayMs * 2 ** Math.max(0, attemptsMade - 1));
}

interface QueueDefinition<S extends z.ZodType> {
  /** The BullMQ queue name, e.g. `{urbangrid}.task`. */
  readonly name: string;
  readonly payload: S;
  readonly jobOptions: DefaultJobOptions;
}

const defineQueue = <S extends z.ZodType>(
  kind: string,
  payload: S,
  jobOptions: DefaultJobOptions,
): QueueDefinition<S> => ({ name: `${queueHashTag}.${kind}`, payload, jobOptions });

const tenTries: DefaultJobOptions = { attempts: 10, backoff: { type: 'exponential', delay: 2_000 } };

/** Queue → name, payload schema and retry rule: the one map producers and workers share. */
export const queueMap = {
  /**
   * A task waits for an officer as long as it takes (no officer covers the grid or its street yet):
   * it is tried again every minute for a week, while the shift lead's queue shows the case waiting.
   */
  task: defineQueue('task', taskJobSchema, {
    attempts: 7 * 24 * 60,
    backoff: { type: cappedBackoff, delay: 2_000 },
  }),
  dispatchSuggestion: defineQueue('dispatchSuggestion', dispatchSuggestionJobSchema, tenTries),
  notice: defineQueue('notice', noticeJobSchema, tenTries),
  deadline: defineQueue('deadline', deadlineJobSchema, {
    attempts: 10,
    backoff: { type: 'exponential', delay: 5_000 },
  }),
  /**
   * Retries to a receiver are the delivery row's (exponential for 24 h, then dead-lettered): the
   * job's own attempts only cover a failure of the worker itself.
   */
  webhook: defineQueue('webhook', webhookJobSchema, tenTries),
  /** Retries to the mail server or the SMS provider are the send row's (backoff, then `failed`). */
  reporterUpdate: defineQueue('reporterUpdate', reporterUpdateJobSchema, tenTries),
  publication: defineQueue('publication', publicationJobSchema, {
    attempts: 3,
    backoff: { type: 'exponential', delay: 60_000 },
  }),
  noticePruning: defineQueue('noticePruning', noticePruningJobSchema, {
    attempts: 3,
    backoff: { type: 'exponential', delay: 60_000 },
  }),
  logPartitions: defineQueue('logPartitions', logPartitionsJobSchema, {
    attempts: 3,
    backoff: { type: 'exponential', delay: 60_000 },
  }),
  anchors: defineQueue('anchors', anchorsJobSchema, {
    attempts: 3,
    backoff: { type: 'exponential', delay: 60_000 },
  }),
  reporterErasure: defineQueue('reporterErasure', reporterErasureJobSchema, {
    attempts: 3,
    backoff: { type: 'exponential', delay: 60_000 },
  }),
} as const;

/** The queues a BullMQ job scheduler fills (daily work), beside the engine's per-case queues. */
export const scheduledKinds = [
  'publication',
  'noticePruning',
  'logPartitions',
  'anchors',
  'reporterErasure',
] as const satisfies readonly QueueKind[];
export type ScheduledKind = (typeof scheduledKinds)[number];

export type QueueKind = keyof typeof queueMap;
export type JobPayloads = { [K in QueueKind]: z.infer<(typeof queueMap)[K]['payload']> };
export type TaskJob = JobPayloads['task'];
export type DispatchSuggestionJob = JobPayloads['dispatchSuggestion'];
export type NoticeJob = JobPayloads['notice'];
export type DeadlineJob = JobPayloads['deadline'];
export type WebhookJob = JobPayloads['webhook'];
export type ReporterUpdateJob = JobPayloads['reporterUpdate'];

export const queueKinds = Object.keys(queueMap) as QueueKind[];

export function isQueueKind(value: string): value is QueueKind {
  return Object.hasOwn(queueMap, value);
}

/** The BullMQ queue name of a kind, e.g. `{urbangrid}.task`. */
export function queueName(kind: QueueKind): string {
  return queueMap[kind].name;
}

// The schema of one kind, typed by its kind (indexing the map with a generic key gives a union).
const schemaOf = <K extends QueueKind>(kind: K) =>
  queueMap[kind].payload as unknown as z.ZodType<JobPayloads[K]>;

/** Checks a payload against its queue's schema (throws a ZodError when it does not fit). */
export function parsePayload<K extends QueueKind>(kind: K, payload: unknown): JobPayloads[K] {
  return schemaOf(kind).parse(payload);
}

export function safeParsePayload<K extends QueueKind>(kind: K, payload: unknown) {
  return schemaOf(kind).safeParse(payload);
}

// Completed jobs are kept a while so a replayed outbox row finds its job id and adds nothing;
// workers are idempotent anyway for replays older than that.
const keepCompleted = { age: 14 * 24 * 3600, count: 100_000 };
const keepFailed = { age: 30 * 24 * 3600 };

export type StageQueue<K extends QueueKind> = Queue<JobPayloads[K], unknown, string>;

/** Opens the queue of a kind with its retry rule (for a producer outside `createStageQueues`). */
export function openQueue<K extends QueueKind>(
  kind: K,
  options: { connection: ConnectionOptions; prefix: string },
): StageQueue<K> {
  return new Queue(queueName(kind), {
    connection: options.connection,
    prefix: options.prefix,
    defaultJobOptions: {
      ...queueMap[kind].jobOptions,
      removeOnComplete: keepCompleted,
      removeOnFail: keepFailed,
    },
  }) as unknown as StageQueue<K>;
}

/** The run of a job a handler is doing: the job's id (the same for a replay) and the tries before this one. */
export interface JobRun {
  id: string;
  attemptsMade: number;
}

/** What a queue's job does; a worker also hands it the BullMQ job and its lock token (a test may not). */
export type QueueHandler<K extends QueueKind> = (
  payload: JobPayloads[K],
  run: JobRun,
  job?: Job,
  token?: string,
) => Promise<unknown>;

/**
 * A BullMQ worker on the queue of `kind`: each job's payload is checked against the queue's schema
 * before `handler` sees it (a payload that does not fit fails the job, it runs nothing).
 */
export function createQueueWorker<K extends QueueKind>(
  kind: K,
  handler: QueueHandler<K>,
  options: Omit<WorkerOptions, 'connection' | 'prefix'> & { connection: ConnectionOptions; prefix: string },
): Worker {
  return new Worker(
    queueName(kind),
    (job: Job, token?: string) =>
      handler(
        parsePayload(kind, job.data),
        { id: job.id ?? `${kind}:${job.name}`, attemptsMade: job.attemptsMade },
        job,
        token,
      ),
    options,
  );
}

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
    const queue = openQueue(kind, options) as unknown as Queue;
    // An EventEmitter 'error' without a listener would crash the process while Redis is away.
    queue.on('error', (error: Error) => options.onError?.(error, kind));
    queues.set(kind, queue);
  }
  const get = <K extends QueueKind>(kind: K): StageQueue<K> => {
    const queue = queues.get(kind);
    if (queue === undefined) throw new Error(`no queue ${kind}`);
    return queue as unknown as StageQueue<K>;
  };
  const queueOf = (kind: QueueKind): Queue => get(kind) as unknown as Queue;
  return {
    prefix: options.prefix,
    get,
    async enqueue(kind, name, payload, jobOptions) {
      const data = parsePayload(kind, payload);
      await queueOf(kind).add(name, data, { jobId: jobOptions.jobId, delay: jobOptions.delay });
    },
    async enqueueMany(kind, jobs) {
      const bulk = jobs.map((job) => ({
        name: job.name,
        data: parsePayload(kind, job.payload),
        opts: { jobId: job.jobId, delay: job.delay },
      }));
      if (bulk.length > 0) await queueOf(kind).addBulk(bulk);
    },
    async close() {
      await Promise.all([...queues.values()].map((queue) => queue.close()));
    },
  };
}
