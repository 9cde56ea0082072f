/**
 * What a webhook delivery is, for the OpenAPI document's `webhooks` section (OpenAPI 3.1): the POST
 * a subscription's URL receives, its signature header and what its answer means; and the 110
 * linkage's view of it (what 110's subscription hears, and how 110 answers through its routes).
 */
import { webhookEvents } from '@urbangrid/domain';

/** A required header of a signed request, for the `webhooks` section (reporter-update-docs.ts too). */
export const header = (name: string, description: string, example: string) => ({
  name,
  in: 'header',
  required: true,
  description,
  schema: { type: 'string' },
  example,
});

export const caseEventWebhook = {
  post: {
    summary: 'A step of a case a subscription asks for (POST /api/admin/webhooks)',
    description:
      'Signed like Stripe\'s webhooks: `X-Urbangrid-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>" keyed with the subscription\'s secret>`. Verify over the raw body bytes, compare in constant time, refuse a `t` far from your clock. Deliveries of one case arrive in order; a delivery may arrive twice (use `id` to do its work once). Answer 2xx to accept; any other answer, or none within 10 s, is retried with exponential backoff (10 s doubling, at most an hour) for 24 h, then dead-lettered (admins replay it from the delivery log); 410 Gone ends the subscription. The case carries nothing of the reporter.',
    tags: ['admin'],
    parameters: [
      header('X-Urbangrid-Signature', 'The signature of this delivery', 't=1772413200,v1=5257a869e7…'),
      header('X-Urbangrid-Delivery', 'The delivery id (the same as `id` in the body)', '0b0e7c3e-…'),
      header('X-Urbangrid-Event', 'The event (the same as `event` in the body)', 'case.dispatched'),
    ],
    requestBody: {
      required: true,
      content: {
        'application/json': {
          schema: {
            type: 'object',
            required: ['id', 'event', 'occurredAt', 'case'],
            properties: {
              id: { type: 'string', description: 'The delivery id: the receiver’s idempotency key' },
              event: { type: 'string', enum: [...webhookEvents] },
              occurredAt: { type: 'string', format: 'date-time', description: 'When the step happened' },
              case: {
                type: 'object',
                description: 'The case as the step left it (api.md case fields, none of the reporter)',
                required: ['id', 'caseNo', 'city', 'state', 'version'],
                properties: {
                  id: { type: 'string' },
                  caseNo: { type: 'string' },
                  city: { type: 'string' },
                  source: { type: 'string' },
                  state: { type: 'string' },
                  version: { type: 'integer' },
                  categoryCode: { type: 'string' },
                  urgency: { type: 'string' },
                  description: { type: 'string' },
                  location: {
                    type: 'object',
                    properties: { lat: { type: 'number' }, lng: { type: 'number' } },
                  },
                  address: { type: ['string', 'null'] },
                  gridCode: { type: 'string' },
                  districtCode: { type: 'string' },
                  departmentId: { type: ['string', 'null'] },
                  deadline: {
                    type: 'object',
                    properties: {
                      stage: { type: ['string', 'null'] },
                      due: { type: ['string', 'null'], format: 'date-time' },
                      light: { type: 'string', enum: ['green', 'yellow', 'red'] },
                    },
                  },
                  reworkCount: { type: 'integer' },
                  createdAt: { type: 'string', format: 'date-time' },
                  updatedAt: { type: 'string', format: 'date-time' },
                  closedAt: { type: ['string', 'null'], format: 'date-time' },
                  closureType: {
                    type: ['string', 'null'],
                    enum: ['on_time', 'overdue', 'special', 'handed_to_110', null],
                  },
                  police110: {
                    type: 'object',
                    description: 'Only for a case 110 handed over (source police110): 110’s own call id',
                    properties: { callId: { type: 'string' } },
                  },
                  handover: {
                    type: 'object',
                    description: 'Only in case.handedTo110: why the shift lead handed the case over to 110',
                    properties: { reason: { type: 'string' } },
                  },
                },
              },
            },
          },
        },
      },
    },
    responses: {
      '200': { description: 'Accepted (any 2xx): the delivery is done' },
      '410': { description: 'Gone: the subscription ends, nothing more is sent to it' },
    },
  },
} as const;

/** The 110 police desk's subscription (integration `police110`): what it hears and how it answers. */
export const police110Webhook = {
  post: {
    ...caseEventWebhook.post,
    summary: '110 linkage (与110的对接): what the 110 subscription hears (integration police110)',
    description:
      'A subscription made with `integration: "police110"` hears only two kinds of step: every step it asks for of the cases 110 handed over (source `police110`; `case.police110.callId` is 110’s call id), and `case.handedTo110` of any case the shift lead hands over to the police (POST /api/dispatch/cases/{id}/hand-over-110: closed with closureType `handed_to_110`, `case.handover.reason` says why). Signed, retried and ordered like every delivery (see caseEvent). 110 answers through its own key (source `police110`, scope `police110`), each request signed the same way with the key’s signing secret (shown once when the key is made) in `X-Urbangrid-Signature` — a missing or wrong signature, or a `t` more than 300 s from our clock, answers 401: POST /api/intake/police110/calls hands over an urban-management call (one case per `callId`: the same id again answers 200 with the same case), POST /api/intake/police110/updates posts its reference and status (accepted, dispatched, resolved, declined) of a case handed over to it (once per `updateId`), shown on the case (GET /api/cases/{id} `police110`).',
    tags: ['integrations'],
  },
} as const;
