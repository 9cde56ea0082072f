// Types only: drizzle-kit loads this file without the workspace packages.
import type { ReporterUpdateChannel, ReporterUpdateEvent } from '@urbangrid/domain';
import { integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { ts } from './columns.js';

/**
 * Reporter updates (进度告知) sent or being sent: one row per case, event, channel and recipient (the
 * reporter, or a caller attached to the case), so a job that
 * runs twice sends once. A run claims the row (a lease) before it sends; a send that fails is tried
 * again with backoff, and after the last try the row says `failed`. Nothing personal is kept here:
 * the address is read from the case and opened only by the sender; an error is its code only.
 */
export const reporterUpdates = pgTable(
  'reporter_updates',
  {
    caseId: text('case_id').notNull(),
    event: text('event').$type<ReporterUpdateEvent>().notNull(),
    channel: text('channel').$type<ReporterUpdateChannel>().notNull(),
    /** Who is told: '' the case's reporter, else the id of a caller attached to it (case_callers). */
    recipient: text('recipient').notNull().default(''),
    city: text('city').notNull(),
    /** sending (claimed or waiting for its next try), sent, failed (every try failed) or skipped. */
    status: text('status').$type<ReporterUpdateStatus>().notNull().default('sending'),
    attempts: integer('attempts').notNull().default(0),
    /** A run holds the row until then (database clock): two runs never send it at once. */
    leaseUntil: ts('lease_until'),
    /** The last failure's code (e.g. `SMTP 550`, `HTTP 503`, `ECONNREFUSED`), never an address. */
    lastError: text('last_error'),
    language: text('language'),
    sentAt: ts('sent_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.event, t.channel, t.recipient] })],
);

export const reporterUpdateStatuses = ['sending', 'sent', 'failed', 'skipped'] as const;
export type ReporterUpdateStatus = (typeof reporterUpdateStatuses)[number];
