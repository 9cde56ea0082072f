/**
 * `POST /cases/:id/attach` (附加来电): the hotline operator attaches the call they are taking to an
 * open case among the possible duplicates: the call is recorded on the case (its `attachCall`
 * event) and the caller added to it, heard of its steps and called back like its reporter. 201 with
 * the case; an Idempotency-Key makes a retry the same attach; an ended case answers 409.
 */
import {
  actorOf,
  caseIdParams,
  caseInScopeOr404,
  caseViewSchema,
  commandAccess,
  type ServicePlugin,
  toCaseView,
} from '@urbangrid/platform';
import { z } from 'zod';
import type { IntakeContext } from '../intake-context.js';
import { reporterSchema } from '../reports/report-routes.js';
import { attachCallToCase } from './attach-service.js';

const text = (max: number) => z.string().trim().min(1).max(max);

export const attachBodySchema = z.object({
  /** What this caller said (the case keeps its own description). */
  description: text(2000).optional(),
  reporter: reporterSchema.optional(),
  /** The hotline system's call id (12345 / 12319). */
  callId: text(100).optional(),
  /** The caller wants a call back with the outcome (回访). */
  wantsCallback: z.boolean().optional(),
  expectedVersion: z.number().int().min(1).optional(),
});

const attachAnswerSchema = caseViewSchema.extend({
  /** The caller's row on the case (case detail `callers`). */
  callerId: z.string(),
});

export function attachRoutes(ctx: IntakeContext): ServicePlugin {
  return async (app) => {
    app.post(
      '/cases/:id/attach',
      {
        config: { command: 'attachCall', access: commandAccess('attachCall') },
        schema: {
          operationId: 'attachCall',
          tags: ['intake'],
          summary:
            '附加来电: records another call about an open case on it and adds its caller (updates, callback); an Idempotency-Key makes retries one attach; an ended case answers 409',
          params: caseIdParams,
          headers: z.looseObject({ 'idempotency-key': z.string().trim().min(1).max(200).optional() }),
          body: attachBodySchema,
          response: { 201: attachAnswerSchema },
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        const row = await caseInScopeOr404(app.db, actor, request.params.id);
        const result = await attachCallToCase(
          ctx,
          actor,
          row,
          request.body,
          request.headers['idempotency-key'],
        );
        if (result.replayed) reply.header('idempotent-replayed', 'true');
        return reply
          .code(201)
          .send({ ...toCaseView(result.case, actor, ctx.phoneKey), callerId: result.callerId });
      },
    );
  };
}
