/**
 * 110's routes into intake (README: 110 linkage), for the 110 key only (scope `police110`) and
 * signed with its signing secret: a request whose signature does not hold answers 401 before its
 * body is even checked.
 *
 * - `POST /api/intake/police110/calls`: an urban-management call 110 hands over (转办) becomes a
 *   case of source `police110`; the same call id again answers 200 with the same case.
 * - `POST /api/intake/police110/updates`: 110's reference and status of a case handed over to it.
 */
import { categoryCodeString, police110Statuses } from '@urbangrid/domain';
import {
  type Allowed,
  actorOf,
  apiKeyRateLimit,
  caseStateSchema,
  type ServicePlugin,
} from '@urbangrid/platform';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { IntakeContext } from '../intake-context.js';
import { locationSchema, reportBodySchema } from '../reports/report-routes.js';
import { recordPolice110Update, takeOverCall } from './police110-service.js';
import { checkSignedBy, signatureHeader } from './police110-signature.js';

const police110Key: Allowed = { scopes: ['police110'] };
const tags = ['integrations'];
const text = (max: number) => z.string().trim().min(1).max(max);
const signedHeaders = z.looseObject({
  [signatureHeader]: z
    .string()
    .optional()
    .describe(
      't=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>" keyed with the key’s signing secret>',
    ),
});

export const handedOverCallSchema = z
  .object({
    callId: text(100).describe('110’s id of the call: the same id again is the same case'),
    categoryCode: categoryCodeString,
    description: text(2000),
    location: locationSchema,
    address: text(300).optional(),
    reporter: reportBodySchema.shape.reporter,
    urgency: z.enum(['normal', 'urgent']).optional(),
  })
  .meta({ id: 'Police110Call' });

export const police110UpdateSchema = z
  .object({
    updateId: text(100).describe('110’s id of this update: posted again, it is recorded once'),
    caseNo: text(40).describe('Our case number, as the case.handedTo110 delivery named it'),
    reference: text(100).describe('110’s reference of the case (接警单号)'),
    status: z.enum(police110Statuses),
    note: text(2000).optional(),
    occurredAt: z.iso.datetime({ offset: true }),
  })
  .meta({ id: 'Police110Update' });

const takenCallSchema = z.object({
  id: z.string(),
  caseNo: z.string(),
  state: caseStateSchema,
  callId: z.string(),
});

export function police110Routes(ctx: IntakeContext): ServicePlugin {
  return async (app) => {
    // The signature is over the bytes received: keep them beside the parsed body.
    const rawBodies = new WeakMap<FastifyRequest, string>();
    const parseJson = app.getDefaultJsonParser('error', 'error');
    app.removeContentTypeParser('application/json');
    app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
      rawBodies.set(request, String(body));
      parseJson(request, String(body), done);
    });
    const signed = async (request: FastifyRequest) =>
      checkSignedBy(request, actorOf(request), rawBodies.get(request) ?? '');

    app.post(
      '/police110/calls',
      {
        config: { access: police110Key, rateLimit: apiKeyRateLimit() },
        preValidation: signed,
        schema: {
          tags,
          summary:
            '110 hands over an urban-management call (110转办): a case of source police110, one per call id',
          headers: signedHeaders,
          body: handedOverCallSchema,
          response: {
            201: takenCallSchema,
            200: takenCallSchema.describe('The call id was handed over before: the same case'),
          },
        },
      },
      async (request, reply) => {
        const outcome = await takeOverCall(ctx, actorOf(request), request.body);
        const row = outcome.case;
        return reply.code(outcome.replayed ? 200 : 201).send({
          id: row.id,
          caseNo: row.caseNo,
          state: caseStateSchema.parse(row.state),
          callId: request.body.callId,
        });
      },
    );

    app.post(
      '/police110/updates',
      {
        config: { access: police110Key, rateLimit: apiKeyRateLimit() },
        preValidation: signed,
        schema: {
          tags,
          summary: '110’s reference and status of a case handed over to it (移交110), recorded on the case',
          headers: signedHeaders,
          body: police110UpdateSchema,
          response: {
            200: z.object({
              caseId: z.string(),
              recorded: z.boolean().describe('false: this update id was recorded before'),
            }),
          },
        },
      },
      async (request) => recordPolice110Update(ctx, actorOf(request), request.body),
    );
  };
}
