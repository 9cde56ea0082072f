/**
 * What the SMS adapter receives, for the OpenAPI document's `webhooks` section: one signed JSON POST
 * per text message to a reporter (reporter updates, README: Reporter updates). Emails go through
 * SMTP and need no description here.
 */
import { reporterLanguages, reporterUpdateEvents } from '@urbangrid/domain';
import { header } from './webhook-docs.js';

export const reporterSmsWebhook = {
  post: {
    summary: 'A text message to a reporter, to SMS_WEBHOOK_URL (the SMS provider’s adapter)',
    description:
      'Sent when a case whose reporter left a phone (and did not opt out) is filed, dispatched and closed; the close asks for satisfaction with a link to the reporter’s page (`<PUBLIC_BASE_URL>/r/<token>`). Signed as webhooks are: `X-Urbangrid-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>" keyed with SMS_WEBHOOK_SECRET (default WEBHOOK_SECRET)>`. `id` is the same for every try of one message: send it to the provider once. Answer 2xx once the provider took it; any other answer, or none in time, is tried again with backoff (30 s doubling, at most an hour, 8 tries), then recorded as failed. The body carries the reporter’s number: log neither it nor the message.',
    tags: ['public'],
    parameters: [
      header('X-Urbangrid-Signature', 'The signature of this request', 't=1772413200,v1=5257a869e7…'),
      header('X-Urbangrid-Delivery', 'The message id (the same as `id` in the body)', '0195…​.case.filed.sms'),
      header('X-Urbangrid-Event', 'reporter.<event>', 'reporter.case.filed'),
    ],
    requestBody: {
      required: true,
      content: {
        'application/json': {
          schema: {
            type: 'object',
            required: ['id', 'to', 'message', 'language', 'caseNo', 'event'],
            properties: {
              id: { type: 'string', description: '<case id>.<event>.sms: the adapter’s idempotency key' },
              to: { type: 'string', description: 'The reporter’s phone number as they gave it' },
              message: { type: 'string', description: 'The text to send, link included' },
              language: { type: 'string', enum: [...reporterLanguages] },
              caseNo: { type: 'string' },
              event: { type: 'string', enum: [...reporterUpdateEvents] },
            },
          },
          example: {
            id: '0195f3c2-….case.closed.sms',
            to: '13912345678',
            message:
              '【城市综合管理服务平台】您反映的问题（案件编号 1501-20260302-0001）已处理完毕并结案。您对处理结果是否满意？请在此评价：https://city.example/r/…',
            language: 'zh-CN',
            caseNo: '1501-20260302-0001',
            event: 'case.closed',
          },
        },
      },
    },
    responses: {
      '200': { description: 'Taken (any 2xx): the message is recorded as sent' },
    },
  },
} as const;
