/**
 * Callbacks (回访): `GET /api/intake/callbacks` lists the ended cases of the operator's city with
 * someone still to call back — their reporter, or a caller attached to it (附加来电), who asked for a
 * callback and has not been reached yet — naming who is still due, so every one of them is called
 * and none twice; `POST /api/intake/cases/:id/callback` records a call — satisfied, unsatisfied, or
 * unreachable (the caller stays due, to be tried again) — to the case's own caller, or with
 * `callerId` to an attached caller (their satisfaction is theirs: the reports count the case's
 * first answered call alone). One answered call per caller: a second answers 409 CONFLICT. The
 * case leaves the list once everyone who asked has been reached.
 */

import { findCaseCallerById, listCallbacksDue, recordCallback } from '@urbangrid/db';
import { isTerminal } from '@urbangrid/domain';
import { newId } from '@urbangrid/engine';
import {
  caseCallerSchema,
  caseIdParams,
  caseInScopeOr404,
  caseScopeOf,
  caseViewSchema,
  httpError,
  type ServicePlugin,
  toCaseCaller,
  toCaseView,
  userOf,
} from '@urbangrid/platform';
import { z } from 'zod';
import type { IntakeContext } from '../intake-context.js';

const tags = ['intake', 'callbacks'];
const outcomes = ['satisfied', 'unsatisfied', 'unreachable'] as const;

const callbackSchema = z.object({
  id: z.string(),
  caseId: z.string(),
  outcome: z.enum(outcomes),
  note: z.string().nullable(),
  /** The operator who called. */
  calledBy: z.string(),
  at: z.string(),
  /** The attached caller called back; null: the case's own caller. */
  callerId: z.string().nullable(),
});

export function callbackRoutes(ctx: IntakeContext): ServicePlugin {
  return async (app) => {
    app.get(
      '/callbacks',
      {
        config: { access: { roles: ['intake_operator'] } },
        schema: {
          tags,
          summary:
            '回访 due: ended cases with a caller who asked for a callback and was not reached yet, waiting longest first',
          querystring: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) }),
          response: {
            200: z.object({
              items: z.array(
                z.object({
                  case: caseViewSchema,
                  /** The case's own caller asked for a callback and has not been reached yet. */
                  reporterDue: z.boolean(),
                  /** The callers attached to the case (附加来电) who asked for a callback and were not reached yet. */
                  callers: z.array(caseCallerSchema),
                  /** Calls that reached nobody so far. */
                  attempts: z.number().int(),
                  lastAttemptAt: z.string().nullable(),
                }),
              ),
            }),
          },
        },
      },
      async (request) => {
        const user = userOf(request);
        const due = await listCallbacksDue(app.db, caseScopeOf(user), request.query.limit);
        return {
          items: due.map((item) => ({
            case: toCaseView(item.case, user, ctx.phoneKey),
            reporterDue: item.reporterDue,
            callers: item.callers.map((caller) => toCaseCaller(caller, item.case, user, ctx.phoneKey)),
            attempts: item.attempts,
            lastAttemptAt: item.lastAttemptAt?.toISOString() ?? null,
          })),
        };
      },
    );

    app.post(
      '/cases/:id/callback',
      {
        config: { access: { roles: ['intake_operator'] } },
        schema: {
          tags,
          summary:
            '回访: records a call to the caller of an ended case, or with callerId to a caller attached to it; satisfied or unsatisfied ends that caller’s callback, unreachable keeps it due',
          params: caseIdParams,
          body: z.object({
            outcome: z.enum(outcomes),
            note: z.string().trim().min(1).max(500).optional(),
            /** A caller attached to the case (附加来电, the case view's `callers`); absent: the case's own caller. */
            callerId: z.string().trim().min(1).max(64).optional(),
          }),
          response: { 201: callbackSchema },
        },
      },
      async (request, reply) => {
        const user = userOf(request);
        const row = await caseInScopeOr404(app.db, user, request.params.id);
        if (!isTerminal(row.state)) {
          throw httpError(
            'TRANSITION_NOT_ALLOWED',
            `case ${row.caseNo} is still open: call back once it has ended`,
          );
        }
        const callerId = request.body.callerId ?? null;
        if (callerId !== null && (await findCaseCallerById(app.db, callerId))?.caseId !== row.id) {
          throw httpError('NOT_FOUND', `case ${row.caseNo} has no caller ${callerId}`);
        }
        const at = ctx.engine.now();
        const recorded = await recordCallback(app.db, {
          id: newId(at),
          caseId: row.id,
          city: row.city,
          outcome: request.body.outcome,
          note: request.body.note ?? null,
          calledBy: user.username,
          at,
          callerId,
        });
        if (recorded === null) {
          throw httpError('CONFLICT', `this caller of case ${row.caseNo} has been reached already`);
        }
        reply.code(201);
        return { ...recorded, at: recorded.at.toISOString() };
      },
    );
  };
}
