/**
 * Webhook subscriptions (对外推送订阅): the admin's reads and writes. A change names the version the
 * admin saw; a stale one changes nothing (the caller answers 409).
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
import { webhookSubscriptions } from '../schema/webhooks.js';

export type WebhookSubscriptionRow = typeof webhookSubscriptions.$inferSelect;
export type NewWebhookSubscription = typeof webhookSubscriptions.$inferInsert;

export async function insertWebhookSubscription(
  db: DbOrTx,
  row: NewWebhookSubscription,
): Promise<WebhookSubscriptionRow> {
  const [inserted] = await db.insert(webhookSubscriptions).values(row).returning();
  if (inserted === undefined) throw new Error('webhook subscription not inserted');
  return inserted;
}

/** The subscriptions of some cities (or of all), oldest first. */
export async function listWebhookSubscriptions(
  db: DbOrTx,
  cities: readonly string[] | 'all',
): Promise<WebhookSubscriptionRow[]> {
  const query = db.select().from(webhookSubscriptions);
  const filtered = cities === 'all' ? query : query.where(inArray(webhookSubscriptions.city, [...cities]));
  return filtered.orderBy(asc(webhookSubscriptions.createdAt), asc(webhookSubscriptions.id));
}

export async function findWebhookSubscription(
  db: DbOrTx,
  id: string,
): Promise<WebhookSubscriptionRow | null> {
  const rows = await db.select().from(webhookSubscriptions).where(eq(webhookSubscriptions.id, id)).limit(1);
  return rows[0] ?? null;
}

export type WebhookSubscriptionChanges = Partial<
  Pick<
    NewWebhookSubscription,
    'url' | 'events' | 'departmentId' | 'description' | 'active' | 'endedAt' | 'endedReason' | 'secretSealed'
  >
>;

/** The subscription of `id`, at `expectedVersion` when one is given. */
const atVersion = (id: string, expectedVersion: number | undefined) =>
  and(
    eq(webhookSubscriptions.id, id),
    expectedVersion === undefined ? undefined : eq(webhookSubscriptions.version, expectedVersion),
  );

/** Applies `changes` at `expectedVersion` (any version when undefined); null when the version moved on. */
export async function updateWebhookSubscription(
  db: DbOrTx,
  id: string,
  changes: WebhookSubscriptionChanges,
  expectedVersion?: number,
): Promise<WebhookSubscriptionRow | null> {
  const rows = await db
    .update(webhookSubscriptions)
    .set({ ...changes, version: sql`${webhookSubscriptions.version} + 1`, updatedAt: sql`now()` })
    .where(atVersion(id, expectedVersion))
    .returning();
  return rows[0] ?? null;
}

/** Removes the subscription and its delivery log; null when the version moved on. */
export async function deleteWebhookSubscription(
  db: DbOrTx,
  id: string,
  expectedVersion?: number,
): Promise<WebhookSubscriptionRow | null> {
  const rows = await db.delete(webhookSubscriptions).where(atVersion(id, expectedVersion)).returning();
  return rows[0] ?? null;
}
