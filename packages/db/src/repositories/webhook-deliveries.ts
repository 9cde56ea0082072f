/**
 * Webhook deliveries: written with the case write that raised their event (one per subscription
 * that asks for it, and an outbox row that hands each to the `webhook` queue), then sent, retried,
 * delivered, dead-lettered or cancelled by the engine's webhook worker. The rows are the delivery
 * log admins read and replay from.
 */
import { randomUUID } from 'node:crypto';
import { and, count, desc, eq, gt, lt, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
import { independentReads } from '../independent-reads.js';
import { outbox } from '../schema/infrastructure.js';
import { type WebhookDeliveryStatus, webhookDeliveries, webhookSubscriptions } from '../schema/webhooks.js';
import type { WriteQuery } from './case-write.js';
import { outboxJobKey } from './outbox.js';
import type { WebhookSubscriptionRow } from './webhook-subscriptions.js';

export type WebhookDeliveryRow = typeof webhookDeliveries.$inferSelect;

/** The queue (engine's queue map) and job name of a delivery's job. */
export const webhookQueueName = 'webhook';
export const webhookJobName = 'webhook.deliver';

/** A case event outside systems may hear of, as the case write records it. */
export interface WebhookEventWrite {
  city: string;
  eventId: string;
  event: string;
  occurredAt: Date;
  /** Until when its deliveries are retried (the engine's clock). */
  retryUntil: Date;
  caseVersion: number;
  /** The departments the case was with before and after the step. */
  departmentIds: readonly string[];
  /** The integrations whose subscriptions hear this step (others hear nothing of it). */
  integrations: readonly string[];
  /** The case as the step left it; its `caseNo` is taken from the statement (a new case's is made there). */
  caseView: Record<string, unknown>;
}

/**
 * The two writes of an event's deliveries in the case write's statement: a delivery row and an
 * outbox row for every subscription of the city that asks for the event, of the whole city or of a
 * department the case is with (an integration's, only when the step concerns it). Both read the subscriptions at the statement's snapshot, so they
 * agree; an id derived from the event and the subscription makes a replayed write a no-op.
 */
export function webhookDeliveryWrites(input: WebhookEventWrite): WriteQuery[] {
  const ws = webhookSubscriptions;
  const subscribers = (written: SQL) => sql`from ${ws} where ${ws.city} = ${input.city}
    and ${ws.active} and ${ws.endedAt} is null and ${input.event}::text = any(${ws.events})
    and (${ws.departmentId} is null or ${ws.departmentId} = any(${sql.param([...input.departmentIds])}::text[]))
    and (${ws.integration} is null or ${ws.integration} = any(${sql.param([...input.integrations])}::text[]))
    and ${written}`;
  const deliveryId = sql`md5(${input.eventId} || ':' || ${ws.id})::uuid::text`;
  const deliveries: WriteQuery = (caseWrite) => sql`insert into ${webhookDeliveries}
    (id, subscription_id, city, case_id, case_version, event_id, event, occurred_at, case_view, retry_until)
    select ${deliveryId}, ${ws.id}, ${input.city}::text, ${caseWrite.id}, ${input.caseVersion}::int,
      ${input.eventId}::text, ${input.event}::text, ${input.occurredAt.toISOString()}::timestamptz,
      jsonb_set(${JSON.stringify(input.caseView)}::jsonb, '{caseNo}', to_jsonb(${caseWrite.caseNo})),
      ${input.retryUntil.toISOString()}::timestamptz
    ${subscribers(caseWrite.written)}
    on conflict (id) do nothing`;
  const jobs: WriteQuery = (caseWrite) => sql`insert into ${outbox}
    (city, case_id, event_id, queue, job_name, job_id, payload)
    select ${input.city}::text, ${caseWrite.id}, ${input.eventId}::text, ${webhookQueueName}::text,
      ${webhookJobName}::text,
      'webhook-' || ${deliveryId}, jsonb_build_object('deliveryId', ${deliveryId})
    ${subscribers(caseWrite.written)}
    on conflict ${sql.raw(outboxJobKey)} do nothing`;
  return [deliveries, jobs];
}

export interface DeliveryToSend {
  delivery: WebhookDeliveryRow;
  subscription: WebhookSubscriptionRow;
}

export async function findWebhookDelivery(db: DbOrTx, id: string): Promise<DeliveryToSend | null> {
  const rows = await db
    .select({ delivery: webhookDeliveries, subscription: webhookSubscriptions })
    .from(webhookDeliveries)
    .innerJoin(webhookSubscriptions, eq(webhookSubscriptions.id, webhookDeliveries.subscriptionId))
    .where(eq(webhookDeliveries.id, id))
    .limit(1);
  return rows[0] ?? null;
}

/**
 * Holds a pending delivery for `leaseMs` (database clock) so two runs of its job never send it at
 * once; false when it is no longer pending or another run holds it.
 */
export async function leaseWebhookDelivery(db: DbOrTx, id: string, leaseMs: number): Promise<boolean> {
  const rows = await db
    .update(webhookDeliveries)
    .set({ leaseUntil: sql`now() + make_interval(secs => ${leaseMs / 1000})` })
    .where(
      and(
        eq(webhookDeliveries.id, id),
        eq(webhookDeliveries.status, 'pending'),
        sql`(${webhookDeliveries.leaseUntil} is null or ${webhookDeliveries.leaseUntil} < now())`,
      ),
    )
    .returning({ id: webhookDeliveries.id });
  return rows.length > 0;
}

type CaseOfSubscription = Pick<WebhookDeliveryRow, 'subscriptionId' | 'caseId' | 'caseVersion'>;

/** Pending deliveries of the same case to the same subscription, of the versions `versions` picks. */
const pendingOfSameCase = (delivery: CaseOfSubscription, versions: SQL) =>
  and(
    eq(webhookDeliveries.subscriptionId, delivery.subscriptionId),
    eq(webhookDeliveries.caseId, delivery.caseId),
    versions,
    eq(webhookDeliveries.status, 'pending'),
  );

/** Whether an earlier event of the same case still waits to reach the same subscription. */
export async function hasEarlierPendingDelivery(db: DbOrTx, delivery: CaseOfSubscription): Promise<boolean> {
  const rows = await db
    .select({ id: webhookDeliveries.id })
    .from(webhookDeliveries)
    .where(pendingOfSameCase(delivery, lt(webhookDeliveries.caseVersion, delivery.caseVersion)))
    .limit(1);
  return rows.length > 0;
}

/** The next pending delivery of the same case to the same subscription, if any. */
export async function nextPendingDeliveryId(
  db: DbOrTx,
  delivery: CaseOfSubscription,
): Promise<string | null> {
  const rows = await db
    .select({ id: webhookDeliveries.id })
    .from(webhookDeliveries)
    .where(pendingOfSameCase(delivery, gt(webhookDeliveries.caseVersion, delivery.caseVersion)))
    .orderBy(webhookDeliveries.caseVersion)
    .limit(1);
  return rows[0]?.id ?? null;
}

export interface WebhookAttempt {
  /** What the delivery is after this attempt. */
  status: WebhookDeliveryStatus;
  at: Date;
  statusCode: number | null;
  latencyMs: number;
  error: string | null;
}

/** Records one attempt and releases the lease. */
export async function recordWebhookAttempt(db: DbOrTx, id: string, attempt: WebhookAttempt): Promise<void> {
  await db
    .update(webhookDeliveries)
    .set({
      status: attempt.status,
      attempts: sql`${webhookDeliveries.attempts} + 1`,
      lastAttemptAt: attempt.at,
      lastStatusCode: attempt.statusCode,
      lastLatencyMs: Math.round(attempt.latencyMs),
      lastError: attempt.error?.slice(0, 500) ?? null,
      deliveredAt: attempt.status === 'delivered' ? attempt.at : null,
      leaseUntil: null,
    })
    .where(eq(webhookDeliveries.id, id));
}

/** A lease given back without an attempt (the delivery waits for an earlier one). */
export async function releaseWebhookDelivery(db: DbOrTx, id: string): Promise<void> {
  await db.update(webhookDeliveries).set({ leaseUntil: null }).where(eq(webhookDeliveries.id, id));
}

/** Ends a subscription (its receiver answered 410 Gone): its waiting deliveries are cancelled. */
export async function endWebhookSubscription(db: DbOrTx, id: string, reason: string): Promise<void> {
  await db
    .update(webhookSubscriptions)
    .set({
      active: false,
      endedAt: sql`now()`,
      endedReason: reason,
      version: sql`${webhookSubscriptions.version} + 1`,
      updatedAt: sql`now()`,
    })
    .where(eq(webhookSubscriptions.id, id));
  await db
    .update(webhookDeliveries)
    .set({ status: 'cancelled', leaseUntil: null })
    .where(and(eq(webhookDeliveries.subscriptionId, id), eq(webhookDeliveries.status, 'pending')));
}

export interface DeliveryLogQuery {
  status?: WebhookDeliveryStatus;
  limit: number;
  offset: number;
}

/** A subscription's delivery log, newest first. */
export async function listWebhookDeliveries(
  db: DbOrTx,
  subscriptionId: string,
  query: DeliveryLogQuery,
): Promise<{ items: WebhookDeliveryRow[]; total: number }> {
  const where = and(
    eq(webhookDeliveries.subscriptionId, subscriptionId),
    query.status === undefined ? undefined : eq(webhookDeliveries.status, query.status),
  );
  const [items, totals] = await independentReads(db, [
    () =>
      db
        .select()
        .from(webhookDeliveries)
        .where(where)
        .orderBy(
          desc(webhookDeliveries.occurredAt),
          desc(webhookDeliveries.caseVersion),
          desc(webhookDeliveries.id),
        )
        .limit(query.limit)
        .offset(query.offset),
    () => db.select({ n: count() }).from(webhookDeliveries).where(where),
  ]);
  return { items, total: totals[0]?.n ?? 0 };
}

/**
 * Sends a delivery again (manual replay): pending, retried until `retryUntil`, handed to the queue
 * through a new outbox row (the first job's id is taken). Null when the delivery is not the
 * subscription's.
 */
export async function replayWebhookDelivery(
  tx: DbOrTx,
  subscriptionId: string,
  id: string,
  retryUntil: Date,
): Promise<WebhookDeliveryRow | null> {
  const rows = await tx
    .update(webhookDeliveries)
    .set({ status: 'pending', retryUntil, leaseUntil: null, deliveredAt: null })
    .where(and(eq(webhookDeliveries.id, id), eq(webhookDeliveries.subscriptionId, subscriptionId)))
    .returning();
  const row = rows[0];
  if (row === undefined) return null;
  await tx.insert(outbox).values({
    city: row.city,
    caseId: row.caseId,
    eventId: row.eventId,
    queue: webhookQueueName,
    jobName: webhookJobName,
    jobId: `webhook-${id}-replay-${randomUUID()}`,
    payload: { deliveryId: id },
  });
  return row;
}

/**
 * Deliveries a run claimed and never recorded (its worker died, or hung past its lease, after
 * `leaseWebhookDelivery`): pending with a lease over for `graceMs`. Their jobs may be gone (a rerun
 * of a stalled job found the lease held and finished), so each is released and handed to the queue
 * again through a new outbox row; the release and the row are one statement, so of two sweeps at
 * once only one finds it. Answers how many it handed back.
 */
export async function sweepStuckWebhookDeliveries(db: DbOrTx, graceMs: number): Promise<number> {
  const d = webhookDeliveries;
  const rows = await db.execute<{ id: string }>(sql`with swept as (
      update ${d} set lease_until = null
      where ${d.status} = 'pending'
        and ${d.leaseUntil} < now() - make_interval(secs => ${graceMs / 1000})
      returning ${d.id}, ${d.city}, ${d.caseId}, ${d.eventId})
    insert into ${outbox} (city, case_id, event_id, queue, job_name, job_id, payload)
    select city, case_id, event_id, ${webhookQueueName}::text, ${webhookJobName}::text,
      'webhook-' || id || '-swept-' || gen_random_uuid(), jsonb_build_object('deliveryId', id)
    from swept
    returning payload->>'deliveryId' as id`);
  return rows.rows.length;
}

/** A delivery that will not be sent: its subscription ended before it went out. */
export async function cancelWebhookDelivery(db: DbOrTx, id: string): Promise<void> {
  await db
    .update(webhookDeliveries)
    .set({ status: 'cancelled', leaseUntil: null })
    .where(and(eq(webhookDeliveries.id, id), eq(webhookDeliveries.status, 'pending')));
}
