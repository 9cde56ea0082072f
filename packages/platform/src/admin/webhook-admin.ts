/**
 * Webhook subscriptions (对外推送订阅) as admins manage them: each for the whole city (an
 * integration) or one department of it, its secret made here, shown once and kept sealed under
 * WEBHOOK_SECRET; every change audited in its transaction (without the secret). A stale If-Match
 * answers 409.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import {
  type Db,
  type DbOrTx,
  deleteWebhookSubscription,
  findDepartment,
  findWebhookSubscription,
  insertWebhookSubscription,
  replayWebhookDelivery,
  sealText,
  updateWebhookSubscription,
  type WebhookDeliveryRow,
  type WebhookSubscriptionChanges,
  type WebhookSubscriptionRow,
  webhookSealingKey,
} from '@urbangrid/db';
import { webhookRetryWindowMs } from '@urbangrid/domain';
import type { UserActor } from '../auth/actor.js';
import { ForbiddenError, NotFoundError, VersionConflictError } from '../errors.js';
import type { RecordChange } from './calendar-admin.js';

/** What the audit log keeps of a subscription: never its secret. */
const subscriptionState = (row: WebhookSubscriptionRow | null) =>
  row === null
    ? null
    : {
        url: row.url,
        events: row.events,
        departmentId: row.departmentId,
        integration: row.integration,
        description: row.description,
        active: row.active,
        endedAt: row.endedAt,
      };

/** A new signing secret: 32 random bytes, recognisable in a receiver's configuration. */
const newSecret = () => `whsec_${randomBytes(32).toString('base64url')}`;

/** The subscription of `id` if `admin` may manage it: 404 when unknown, 403 in another city. */
export async function managedSubscription(
  db: DbOrTx,
  admin: UserActor,
  id: string,
): Promise<WebhookSubscriptionRow> {
  const row = await findWebhookSubscription(db, id);
  if (row === null) throw new NotFoundError(`webhook subscription ${id} does not exist`);
  if (admin.city !== null && row.city !== admin.city) {
    throw new ForbiddenError(`you administer city ${admin.city}; webhook subscription ${id} is not of it`);
  }
  return row;
}

async function checkDepartment(db: DbOrTx, city: string, departmentId: string | null | undefined) {
  if (departmentId === null || departmentId === undefined) return;
  const department = await findDepartment(db, departmentId);
  if (department === null || department.city !== city) {
    throw new NotFoundError(`city ${city} has no department ${departmentId}`);
  }
}

export interface NewSubscription {
  city: string;
  url: string;
  events: string[];
  departmentId?: string;
  /** An outside system's subscription (police110), which hears only what concerns it. */
  integration?: string;
  description?: string;
}

export interface SubscriptionWithSecret {
  subscription: WebhookSubscriptionRow;
  /** Shown once: only its sealed form is kept. */
  secret: string;
}

export async function createSubscription(
  db: Db,
  webhookSecret: string,
  admin: UserActor,
  record: RecordChange,
  input: NewSubscription,
): Promise<SubscriptionWithSecret> {
  await checkDepartment(db, input.city, input.departmentId);
  const secret = newSecret();
  const subscription = await db.transaction(async (tx) => {
    const row = await insertWebhookSubscription(tx, {
      id: randomUUID(),
      city: input.city,
      departmentId: input.departmentId ?? null,
      integration: input.integration ?? null,
      description: input.description ?? null,
      url: input.url,
      events: [...new Set(input.events)],
      secretSealed: sealText(webhookSealingKey(webhookSecret), secret),
      createdBy: admin.username,
    });
    await record(tx, {
      city: row.city,
      entity: 'webhook',
      entityKey: row.id,
      action: 'create',
      before: null,
      after: subscriptionState(row),
    });
    return row;
  });
  return { subscription, secret };
}

export interface SubscriptionEdit {
  url?: string;
  events?: string[];
  departmentId?: string | null;
  description?: string | null;
  /** True starts an ended or paused subscription again; false pauses it (its deliveries are cancelled). */
  active?: boolean;
}

function changesOf(edit: SubscriptionEdit): WebhookSubscriptionChanges {
  const changes: WebhookSubscriptionChanges = {};
  if (edit.url !== undefined) changes.url = edit.url;
  if (edit.events !== undefined) changes.events = [...new Set(edit.events)];
  if (edit.departmentId !== undefined) changes.departmentId = edit.departmentId;
  if (edit.description !== undefined) changes.description = edit.description;
  if (edit.active !== undefined) {
    changes.active = edit.active;
    if (edit.active) Object.assign(changes, { endedAt: null, endedReason: null });
  }
  return changes;
}

/** Runs `change` on a subscription the admin manages, at the version they saw; audited. */
async function changeSubscription(
  db: Db,
  admin: UserActor,
  record: RecordChange,
  id: string,
  action: string,
  change: (tx: DbOrTx, before: WebhookSubscriptionRow) => Promise<WebhookSubscriptionRow | null>,
): Promise<WebhookSubscriptionRow> {
  return db.transaction(async (tx) => {
    const before = await managedSubscription(tx, admin, id);
    const after = await change(tx, before);
    if (after === null) throw new VersionConflictError(`webhook subscription ${id} was changed meanwhile`);
    await record(tx, {
      city: before.city,
      entity: 'webhook',
      entityKey: id,
      action,
      before: subscriptionState(before),
      after: action === 'delete' ? null : subscriptionState(after),
    });
    return after;
  });
}

export async function editSubscription(
  db: Db,
  admin: UserActor,
  record: RecordChange,
  id: string,
  edit: SubscriptionEdit,
  expectedVersion?: number,
): Promise<WebhookSubscriptionRow> {
  return changeSubscription(db, admin, record, id, 'update', async (tx, before) => {
    await checkDepartment(tx, before.city, edit.departmentId);
    return updateWebhookSubscription(tx, id, changesOf(edit), expectedVersion);
  });
}

/** A new secret for the subscription (the old one stops signing at once); shown once. */
export async function rotateSecret(
  db: Db,
  webhookSecret: string,
  admin: UserActor,
  record: RecordChange,
  id: string,
  expectedVersion?: number,
): Promise<SubscriptionWithSecret> {
  const secret = newSecret();
  const subscription = await changeSubscription(db, admin, record, id, 'rotateSecret', (tx) =>
    updateWebhookSubscription(
      tx,
      id,
      { secretSealed: sealText(webhookSealingKey(webhookSecret), secret) },
      expectedVersion,
    ),
  );
  return { subscription, secret };
}

export async function removeSubscription(
  db: Db,
  admin: UserActor,
  record: RecordChange,
  id: string,
  expectedVersion?: number,
): Promise<WebhookSubscriptionRow> {
  return changeSubscription(db, admin, record, id, 'delete', (tx) =>
    deleteWebhookSubscription(tx, id, expectedVersion),
  );
}

/** Sends a logged delivery again, retried for a new window from `now`; audited. */
export async function replayDelivery(
  db: Db,
  admin: UserActor,
  record: RecordChange,
  subscriptionId: string,
  deliveryId: string,
  now: Date,
): Promise<WebhookDeliveryRow> {
  return db.transaction(async (tx) => {
    const subscription = await managedSubscription(tx, admin, subscriptionId);
    const replayed = await replayWebhookDelivery(
      tx,
      subscriptionId,
      deliveryId,
      new Date(now.getTime() + webhookRetryWindowMs),
    );
    if (replayed === null) {
      throw new NotFoundError(`webhook subscription ${subscriptionId} has no delivery ${deliveryId}`);
    }
    await record(tx, {
      city: subscription.city,
      entity: 'webhook',
      entityKey: subscriptionId,
      action: 'replay',
      before: null,
      after: { deliveryId, event: replayed.event, caseId: replayed.caseId },
    });
    return replayed;
  });
}
