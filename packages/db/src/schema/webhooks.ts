import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { ts } from './columns.js';
import { cities, departments } from './reference.js';

/**
 * Webhook subscriptions (对外推送订阅), managed by a city's admins: a URL that hears the events it
 * names, of the whole city (an integration) or of the cases of one department. The secret that
 * signs its deliveries is kept sealed (sealed-text.ts, under WEBHOOK_SECRET) and shown once.
 */
export const webhookSubscriptions = pgTable(
  'webhook_subscriptions',
  {
    id: text('id').primaryKey(),
    city: text('city')
      .notNull()
      .references(() => cities.code),
    /** Only cases of this department (dispatched to it, or with it when the event happened). */
    departmentId: text('department_id').references(() => departments.id),
    /**
     * An outside system's subscription (`police110`): it hears only what concerns it (domain
     * integrationsHearing): 110, the cases it handed over and those handed over to it.
     */
    integration: text('integration'),
    description: text('description'),
    url: text('url').notNull(),
    events: text('events').array().notNull(),
    secretSealed: text('secret_sealed').notNull(),
    /** False while paused by an admin; a receiver that answered 410 ends it (endedAt). */
    active: boolean('active').notNull().default(true),
    endedAt: ts('ended_at'),
    endedReason: text('ended_reason'),
    version: integer('version').notNull().default(1),
    createdBy: text('created_by').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [index('webhook_subscriptions_city_idx').on(t.city).where(sql`active and ended_at is null`)],
);

/**
 * One delivery of one case event to one subscription, written in the statement of the case write
 * (so none is lost) with the case as it was then; its id is the receiver's idempotency key. The row
 * is the delivery log: status, attempts, the last answer and how long it took.
 */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: text('id').primaryKey(),
    subscriptionId: text('subscription_id')
      .notNull()
      .references(() => webhookSubscriptions.id, { onDelete: 'cascade' }),
    city: text('city').notNull(),
    caseId: text('case_id').notNull(),
    /** The case version the event produced: deliveries of one case go out in this order. */
    caseVersion: integer('case_version').notNull(),
    eventId: text('event_id').notNull(),
    event: text('event').notNull(),
    /** When the step happened (the engine's clock). */
    occurredAt: ts('occurred_at').notNull(),
    /** The case as the step left it, without anything personal of the reporter. */
    caseView: jsonb('case_view').notNull(),
    /** pending, delivered, dead (retried for its window, then dead-lettered) or cancelled. */
    status: text('status').$type<WebhookDeliveryStatus>().notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    /** Retried until then (the engine's clock): the occurrence + 24 h, or a replay + 24 h. */
    retryUntil: ts('retry_until').notNull(),
    /** A worker holds it until then (database clock), so two runs of its job never send it at once. */
    leaseUntil: ts('lease_until'),
    lastAttemptAt: ts('last_attempt_at'),
    lastStatusCode: integer('last_status_code'),
    lastLatencyMs: integer('last_latency_ms'),
    lastError: text('last_error'),
    deliveredAt: ts('delivered_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('webhook_deliveries_order_idx').on(t.subscriptionId, t.caseId, t.caseVersion),
    index('webhook_deliveries_log_idx').on(t.subscriptionId, t.createdAt),
  ],
);

export const webhookDeliveryStatuses = ['pending', 'delivered', 'dead', 'cancelled'] as const;
export type WebhookDeliveryStatus = (typeof webhookDeliveryStatuses)[number];
