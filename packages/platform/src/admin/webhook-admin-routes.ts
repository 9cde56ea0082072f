/**
 * `/api/admin/webhooks` (对外推送订阅), for admins of the city (or of the region): subscriptions
 * made, listed, changed, paused and removed; the secret shown once at creation (and at rotation);
 * each subscription's delivery log, and a replay of any delivery. What a delivery carries and how
 * it is signed: the OpenAPI document's `webhooks` and README "Webhooks".
 */
import { listWebhookDeliveries, listWebhookSubscriptions, webhookDeliveryStatuses } from '@urbangrid/db';
import { cityCodeString, integrations, webhookEvents } from '@urbangrid/domain';
import { z } from 'zod';
import { userOf } from '../auth/actor.js';
import type { RouteAccess } from '../auth/route-access.js';
import { validationFailed } from '../errors.js';
import type { ServicePlugin } from '../service-plugin.js';
import { changeRecorder, etagOf, ifMatchHeaders, ifMatchVersion } from './admin-changes.js';
import { administeredCity, citiesOf } from './admin-scope.js';
import {
  createSubscription,
  editSubscription,
  managedSubscription,
  removeSubscription,
  replayDelivery,
  rotateSecret,
} from './webhook-admin.js';

/** City administrators (系统管理员) only. */
const admins: RouteAccess = { roles: ['admin'] };
const tags = ['admin'];
const isoTime = z.iso.datetime({ offset: true });

const webhookEvent = z.enum(webhookEvents).meta({ id: 'WebhookEvent' });
const receiverUrl = z
  .url({ protocol: /^https?$/, error: 'expected an http(s) URL' })
  .max(2000)
  .describe('Where deliveries are POSTed');
const events = z.array(webhookEvent).min(1).max(webhookEvents.length);

const subscriptionView = z
  .object({
    id: z.string(),
    city: z.string(),
    departmentId: z.string().nullable().describe('Only cases with this department; null for the whole city'),
    integration: z
      .enum(integrations)
      .nullable()
      .describe(
        'An outside system’s subscription: police110 hears only the cases 110 handed over and those handed over to it',
      ),
    description: z.string().nullable(),
    url: z.string(),
    events: z.array(webhookEvent),
    active: z.boolean(),
    endedAt: isoTime.nullable().describe('When it ended: its receiver answered 410 Gone'),
    endedReason: z.string().nullable(),
    version: z.number().int(),
    createdAt: isoTime,
    updatedAt: isoTime,
  })
  .meta({ id: 'WebhookSubscription' });

const withSecret = subscriptionView.extend({
  secret: z.string().describe('The signing secret: shown this once, keep it with the receiver'),
});

const deliveryView = z
  .object({
    id: z.string().describe("The delivery's id: the receiver's idempotency key"),
    event: webhookEvent,
    caseId: z.string(),
    caseNo: z.string(),
    caseVersion: z.number().int(),
    occurredAt: isoTime,
    status: z.enum(webhookDeliveryStatuses),
    attempts: z.number().int(),
    retryUntil: isoTime,
    lastAttemptAt: isoTime.nullable(),
    lastStatusCode: z.number().int().nullable(),
    lastLatencyMs: z.number().int().nullable(),
    lastError: z.string().nullable(),
    deliveredAt: isoTime.nullable(),
  })
  .meta({ id: 'WebhookDelivery' });

type SubscriptionRow = Awaited<ReturnType<typeof listWebhookSubscriptions>>[number];
type DeliveryRow = Awaited<ReturnType<typeof listWebhookDeliveries>>['items'][number];

const iso = (at: Date | null) => at?.toISOString() ?? null;

const toView = (row: SubscriptionRow): z.infer<typeof subscriptionView> => ({
  id: row.id,
  city: row.city,
  departmentId: row.departmentId,
  integration: integrations.find((name) => name === row.integration) ?? null,
  description: row.description,
  url: row.url,
  events: row.events.filter((event): event is z.infer<typeof webhookEvent> =>
    (webhookEvents as readonly string[]).includes(event),
  ),
  active: row.active,
  endedAt: iso(row.endedAt),
  endedReason: row.endedReason,
  version: row.version,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});

const toDeliveryView = (row: DeliveryRow): z.infer<typeof deliveryView> => ({
  id: row.id,
  event: row.event as z.infer<typeof webhookEvent>,
  caseId: row.caseId,
  caseNo: String((row.caseView as { caseNo?: unknown }).caseNo ?? ''),
  caseVersion: row.caseVersion,
  occurredAt: row.occurredAt.toISOString(),
  status: row.status,
  attempts: row.attempts,
  retryUntil: row.retryUntil.toISOString(),
  lastAttemptAt: iso(row.lastAttemptAt),
  lastStatusCode: row.lastStatusCode,
  lastLatencyMs: row.lastLatencyMs,
  lastError: row.lastError,
  deliveredAt: iso(row.deliveredAt),
});

const idParams = z.object({ id: z.uuid() });

export const webhookAdminRoutes: ServicePlugin = async (app) => {
  app.post(
    '/webhooks',
    {
      config: { access: admins },
      schema: {
        tags,
        summary:
          'Subscribes a URL to case events, of the whole city or of one department; the secret is shown once',
        body: z.object({
          url: receiverUrl,
          events,
          departmentId: z.string().min(1).max(100).optional(),
          integration: z
            .enum(integrations)
            .optional()
            .describe('police110: the 110 police desk’s subscription (README: 110 linkage)'),
          city: cityCodeString.optional().describe("Default: the admin's city (a region admin names one)"),
          description: z.string().trim().min(1).max(200).optional(),
        }),
        response: { 201: withSecret },
      },
    },
    async (request, reply) => {
      const { actor, record } = changeRecorder(request);
      const city = request.body.city ?? actor.city;
      if (city === null) {
        throw validationFailed('a region admin names the city of the subscription', [
          { in: 'body', path: 'city', message: 'required for a region admin' },
        ]);
      }
      await administeredCity(actor, city, app.reference);
      const { subscription, secret } = await createSubscription(
        app.db,
        app.config.webhookSecret,
        actor,
        record,
        { ...request.body, city },
      );
      reply.header('etag', etagOf(subscription.version));
      return reply.code(201).send({ ...toView(subscription), secret });
    },
  );

  app.get(
    '/webhooks',
    {
      config: { access: admins },
      schema: {
        tags,
        summary: 'The webhook subscriptions of the cities the admin administers',
        response: { 200: z.object({ items: z.array(subscriptionView) }) },
      },
    },
    async (request) => {
      const rows = await listWebhookSubscriptions(app.db, citiesOf(userOf(request)));
      return { items: rows.map(toView) };
    },
  );

  app.get(
    '/webhooks/:id',
    {
      config: { access: admins },
      schema: {
        tags,
        summary: 'One webhook subscription',
        params: idParams,
        response: { 200: subscriptionView },
      },
    },
    async (request, reply) => {
      const row = await managedSubscription(app.db, userOf(request), request.params.id);
      reply.header('etag', etagOf(row.version));
      return toView(row);
    },
  );

  app.patch(
    '/webhooks/:id',
    {
      config: { access: admins },
      schema: {
        tags,
        summary: 'Changes a subscription: its URL, events, department or description; pauses or restarts it',
        params: idParams,
        headers: ifMatchHeaders,
        body: z.object({
          url: receiverUrl.optional(),
          events: events.optional(),
          departmentId: z.string().min(1).max(100).nullable().optional(),
          description: z.string().trim().min(1).max(200).nullable().optional(),
          active: z
            .boolean()
            .optional()
            .describe(
              'false pauses it (waiting deliveries are cancelled); true restarts it, also after a 410',
            ),
        }),
        response: { 200: subscriptionView },
      },
    },
    async (request, reply) => {
      const { actor, record } = changeRecorder(request);
      const row = await editSubscription(
        app.db,
        actor,
        record,
        request.params.id,
        request.body,
        ifMatchVersion(request.headers['if-match']),
      );
      reply.header('etag', etagOf(row.version));
      return toView(row);
    },
  );

  app.post(
    '/webhooks/:id/secret',
    {
      config: { access: admins },
      schema: {
        tags,
        summary: 'Gives the subscription a new signing secret (the old one stops at once); shown once',
        params: idParams,
        headers: ifMatchHeaders,
        response: { 200: withSecret },
      },
    },
    async (request) => {
      const { actor, record } = changeRecorder(request);
      const { subscription, secret } = await rotateSecret(
        app.db,
        app.config.webhookSecret,
        actor,
        record,
        request.params.id,
        ifMatchVersion(request.headers['if-match']),
      );
      return { ...toView(subscription), secret };
    },
  );

  app.delete(
    '/webhooks/:id',
    {
      config: { access: admins },
      schema: {
        tags,
        summary: 'Removes a subscription and its delivery log',
        params: idParams,
        headers: ifMatchHeaders,
        response: { 200: subscriptionView },
      },
    },
    async (request) => {
      const { actor, record } = changeRecorder(request);
      const removed = await removeSubscription(
        app.db,
        actor,
        record,
        request.params.id,
        ifMatchVersion(request.headers['if-match']),
      );
      return toView(removed);
    },
  );

  app.get(
    '/webhooks/:id/deliveries',
    {
      config: { access: admins },
      schema: {
        tags,
        summary: "A subscription's delivery log, newest first: status, attempts, last answer and its latency",
        params: idParams,
        querystring: z.object({
          status: z.enum(webhookDeliveryStatuses).optional(),
          page: z.coerce.number().int().min(1).max(10_000).default(1),
          pageSize: z.coerce.number().int().min(1).max(200).default(50),
        }),
        response: { 200: z.object({ items: z.array(deliveryView), total: z.number().int() }) },
      },
    },
    async (request) => {
      await managedSubscription(app.db, userOf(request), request.params.id);
      const { status, page, pageSize } = request.query;
      const log = await listWebhookDeliveries(app.db, request.params.id, {
        ...(status === undefined ? {} : { status }),
        limit: pageSize,
        offset: (page - 1) * pageSize,
      });
      return { items: log.items.map(toDeliveryView), total: log.total };
    },
  );

  app.post(
    '/webhooks/:id/deliveries/:deliveryId/replay',
    {
      config: { access: admins },
      schema: {
        tags,
        summary:
          'Sends a delivery again (a dead-lettered one, say), retried for another 24 h; the same delivery id',
        params: idParams.extend({ deliveryId: z.guid() }),
        response: { 202: deliveryView },
      },
    },
    async (request, reply) => {
      const { actor, record } = changeRecorder(request);
      const replayed = await replayDelivery(
        app.db,
        actor,
        record,
        request.params.id,
        request.params.deliveryId,
        new Date(),
      );
      return reply.code(202).send(toDeliveryView(replayed));
    },
  );
};
