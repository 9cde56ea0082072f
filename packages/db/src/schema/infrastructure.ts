import { sql } from 'drizzle-orm';
import {
  bigserial,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { ts } from './columns.js';

/**
 * Transactional outbox: written in the command's transaction, moved into BullMQ by the relay.
 * Each row owns its retry state; the job id derives from `jobId` so a replay is a no-op.
 */
export const outbox = pgTable(
  'outbox',
  {
    id: bigserial('id', { mode: 'number' }).notNull(),
    city: text('city').notNull(),
    caseId: text('case_id'),
    eventId: text('event_id'),
    queue: text('queue').notNull(),
    jobName: text('job_name').notNull(),
    jobId: text('job_id').notNull(),
    payload: jsonb('payload').notNull(),
    /** Delay for deadline jobs, as an instant. */
    runAt: ts('run_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
    availableAt: ts('available_at').notNull().defaultNow(),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    relayedAt: ts('relayed_at'),
    /**
     * The partition (migration 0030): the month the row was written in, UTC. A job id is unique
     * within its month; a follow-up written again in a later month is one more run of a job every
     * worker already runs twice harmlessly.
     */
    createdMonth: date('created_month')
      .notNull()
      .default(sql`(date_trunc('month', now() at time zone 'UTC'))::date`),
  },
  (t) => [
    primaryKey({ columns: [t.id, t.createdMonth] }),
    uniqueIndex('outbox_job_id_month_uq').on(t.jobId, t.createdMonth),
    index('outbox_pending_idx').on(t.availableAt).where(sql`relayed_at is null`),
    index('outbox_case_idx').on(t.caseId),
  ],
);

/**
 * Stored responses for retried requests carrying an Idempotency-Key. The row is reserved (inserted)
 * in the same transaction as the effect, so a concurrent duplicate waits on the primary key and
 * then reads the first result.
 */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    scope: text('scope').notNull(),
    key: text('key').notNull(),
    requestHash: text('request_hash').notNull(),
    statusCode: integer('status_code'),
    response: jsonb('response'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.key] })],
);

/** Per-city, per-day sequence behind readable case numbers (e.g. 1501-20261125-0042). */
export const caseNumberCounters = pgTable(
  'case_number_counters',
  {
    city: text('city').notNull(),
    day: date('day').notNull(),
    last: integer('last').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.city, t.day] })],
);
