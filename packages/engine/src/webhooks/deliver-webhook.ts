/**
 * One run of a delivery's job: send it if it is its turn, record the attempt, and say what the
 * worker does next. Its turn: the delivery is pending, no earlier event of the same case waits for
 * the same subscription (in order per case), its subscription has a free slot in this process (one
 * slow receiver holds a few of the worker's slots, never all), and no other run holds its lease.
 * A 2xx delivers it; 410 Gone ends the subscription; any other answer, or none in time, is retried
 * with exponential backoff until the delivery's window (24 h) is over, then it is dead-lettered.
 */
import {
  cancelWebhookDelivery,
  endWebhookSubscription,
  findWebhookDelivery,
  hasEarlierPendingDelivery,
  leaseWebhookDelivery,
  openSealedText,
  recordWebhookAttempt,
  type WebhookDeliveryRow,
  type WebhookDeliveryStatus,
} from '@urbangrid/db';
import type { EngineContext } from '../engine-context.js';
import { sendWebhook } from './send-webhook.js';

export type DeliveryStep =
  /** Finished (delivered, dead-lettered or cancelled): the case's next delivery may go. */
  | { kind: 'finished'; status: Exclude<WebhookDeliveryStatus, 'pending'>; delivery: WebhookDeliveryRow }
  /** Nothing to do: gone, no longer pending, or another run holds it. */
  | { kind: 'skipped' }
  /** Not its turn yet: an earlier event of the case waits, or its subscription's slots are busy. */
  | { kind: 'waiting'; reason: 'order' | 'busy' }
  /** The attempt failed inside the window: try again after `inMs`. */
  | { kind: 'retry'; inMs: number };

/** At most `perSubscription` requests at once to one subscription in this process. */
export interface SubscriptionSlots {
  take(subscriptionId: string): boolean;
  give(subscriptionId: string): void;
}

export function subscriptionSlots(perSubscription: number): SubscriptionSlots {
  const busy = new Map<string, number>();
  return {
    take(id) {
      const n = busy.get(id) ?? 0;
      if (n >= perSubscription) return false;
      busy.set(id, n + 1);
      return true;
    },
    give(id) {
      const n = (busy.get(id) ?? 1) - 1;
      if (n <= 0) busy.delete(id);
      else busy.set(id, n);
    },
  };
}

export interface DeliverySettings {
  /** The key subscriptions' secrets are sealed with (`webhookSealingKey(WEBHOOK_SECRET)`). */
  sealingKey: Buffer;
  timeoutMs: number;
  /** The wait before the next attempt, from the attempts made so far (1 after the first). */
  retryDelayMs: (attempts: number) => number;
  slots: SubscriptionSlots;
}

/** 10 s, 20 s, 40 s, … at most an hour: about thirty attempts in a day. */
export function webhookRetryDelayMs(attempts: number): number {
  return Math.min(3_600_000, 10_000 * 2 ** Math.max(0, attempts - 1));
}

const leaseMarginMs = 30_000;

export async function deliverWebhook(
  context: EngineContext,
  settings: DeliverySettings,
  deliveryId: string,
): Promise<DeliveryStep> {
  const { db } = context;
  const found = await findWebhookDelivery(db, deliveryId);
  if (found === null || found.delivery.status !== 'pending') return { kind: 'skipped' };
  const { delivery, subscription } = found;
  if (!subscription.active || subscription.endedAt !== null) {
    await cancelWebhookDelivery(db, delivery.id);
    return { kind: 'finished', status: 'cancelled', delivery };
  }
  if (await hasEarlierPendingDelivery(db, delivery)) return { kind: 'waiting', reason: 'order' };
  if (!settings.slots.take(subscription.id)) return { kind: 'waiting', reason: 'busy' };
  try {
    if (!(await leaseWebhookDelivery(db, delivery.id, settings.timeoutMs + leaseMarginMs))) {
      return { kind: 'skipped' };
    }
    const at = context.now();
    const body = JSON.stringify({
      id: delivery.id,
      event: delivery.event,
      occurredAt: delivery.occurredAt.toISOString(),
      case: delivery.caseView,
    });
    const answer = await sendWebhook({
      url: subscription.url,
      secret: openSealedText(settings.sealingKey, subscription.secretSealed, 'not a sealed webhook secret'),
      deliveryId: delivery.id,
      event: delivery.event,
      body,
      at,
      timeoutMs: settings.timeoutMs,
    });
    const attempt = { at, statusCode: answer.statusCode, latencyMs: answer.latencyMs, error: answer.error };
    const log = { delivery: delivery.id, subscription: subscription.id, statusCode: answer.statusCode };
    if (answer.error === null) {
      await recordWebhookAttempt(db, delivery.id, { ...attempt, status: 'delivered' });
      return { kind: 'finished', status: 'delivered', delivery };
    }
    if (answer.statusCode === 410) {
      await db.transaction(async (tx) => {
        await recordWebhookAttempt(tx, delivery.id, { ...attempt, status: 'cancelled' });
        await endWebhookSubscription(tx, subscription.id, 'the receiver answered 410 Gone');
      });
      context.logger.info(log, 'webhook subscription ended: its receiver answered 410 Gone');
      return { kind: 'finished', status: 'cancelled', delivery };
    }
    if (at.getTime() >= delivery.retryUntil.getTime()) {
      await recordWebhookAttempt(db, delivery.id, { ...attempt, status: 'dead' });
      context.logger.warn({ ...log, attempts: delivery.attempts + 1 }, 'webhook delivery dead-lettered');
      return { kind: 'finished', status: 'dead', delivery };
    }
    await recordWebhookAttempt(db, delivery.id, { ...attempt, status: 'pending' });
    return { kind: 'retry', inMs: settings.retryDelayMs(delivery.attempts + 1) };
  } finally {
    settings.slots.give(subscription.id);
  }
}
