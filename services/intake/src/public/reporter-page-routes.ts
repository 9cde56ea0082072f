/**
 * The reporter's page (`/r/<token>` in the console, linked from every reporter update): with the
 * token of their message a citizen reads where their case stands, answers whether they are
 * satisfied once it is closed (满意度, kept as the case's answered callback, so no operator calls
 * them again) and opts out of further updates. A caller attached to the case (附加来电) has a link
 * of their own: the same page, their own opt-out. The token names the case (and the caller's row),
 * nobody; nothing of anyone is shown.
 */
import {
  type CaseRow,
  findAnsweredCallback,
  findCaseById,
  findCaseCallerById,
  recordCallback,
  stopCallerUpdates,
  stopReporterUpdates,
} from '@urbangrid/db';
import { newId, reporterOfToken } from '@urbangrid/engine';
import { caseStateSchema, httpError, routeRateLimit, type ServicePlugin } from '@urbangrid/platform';
import { z } from 'zod';
import type { IntakeContext } from '../intake-context.js';

const reporterPage = z
  .object({
    caseNo: z.string(),
    state: caseStateSchema,
    categoryCode: z.string(),
    createdAt: z.iso.datetime({ offset: true }),
    closedAt: z.iso.datetime({ offset: true }).nullable(),
    /** Whether the reporter still hears of the case's steps. */
    updates: z.boolean(),
    /** The reporter's answer (or an operator's call that reached them), null while none. */
    satisfaction: z.enum(['satisfied', 'unsatisfied']).nullable(),
    /** Whether the satisfaction question may be answered now: closed, and not answered yet. */
    canAnswer: z.boolean(),
  })
  .meta({ id: 'ReporterPage' });

const params = z.object({
  token: z.string().regex(/^[A-Za-z0-9_-]{1,200}\.[A-Za-z0-9_-]{16,64}$/, 'a link token'),
});

export function reporterPageRoutes(ctx: IntakeContext): ServicePlugin {
  /** The case of the link, and whether its holder (the reporter, or the attached caller) still hears of it. */
  const linkOf = async (
    token: string,
  ): Promise<{ row: CaseRow; callerId: string | null; updates: boolean }> => {
    const named = reporterOfToken(ctx.phoneKey, token);
    if (named?.caseId) {
      const row = await findCaseById(ctx.db, named.caseId);
      if (row !== null)
        return { row, callerId: null, updates: row.reporterUpdates && row.reporterErasedAt === null };
    } else if (named?.callerId) {
      const caller = await findCaseCallerById(ctx.db, named.callerId);
      const row = caller === null ? null : await findCaseById(ctx.db, caller.caseId);
      if (caller !== null && row !== null) {
        return { row, callerId: caller.id, updates: caller.updates && caller.erasedAt === null };
      }
    }
    throw httpError('NOT_FOUND', 'no case has this link');
  };
  /** The page as the link's holder sees it: their own answer (an attached caller's is theirs). */
  const pageOf = async (
    row: CaseRow,
    callerId: string | null,
    updates: boolean,
  ): Promise<z.infer<typeof reporterPage>> => {
    const answered = await findAnsweredCallback(ctx.db, row.id, callerId);
    const satisfaction =
      answered?.outcome === 'satisfied' || answered?.outcome === 'unsatisfied' ? answered.outcome : null;
    return {
      caseNo: row.caseNo,
      state: caseStateSchema.parse(row.state),
      categoryCode: row.categoryCode,
      createdAt: row.createdAt.toISOString(),
      closedAt: row.closedAt?.toISOString() ?? null,
      updates,
      satisfaction,
      canAnswer: row.state === 'closed' && satisfaction === null,
    };
  };

  return async (app) => {
    const config = { access: 'public' as const, rateLimit: routeRateLimit(app, 'public') };
    app.get(
      '/reporter/:token',
      {
        config,
        schema: {
          tags: ['public'],
          summary:
            "The reporter's page of their case (the link of their updates): where it stands, nothing of anyone",
          params,
          response: { 200: reporterPage },
        },
      },
      async (request) => {
        const link = await linkOf(request.params.token);
        return pageOf(link.row, link.callerId, link.updates);
      },
    );

    app.post(
      '/reporter/:token/opt-out',
      {
        config,
        schema: {
          tags: ['public'],
          summary: 'The reporter stops the updates of their case (退订): no further email or text message',
          params,
          response: { 200: reporterPage },
        },
      },
      async (request) => {
        const { row, callerId } = await linkOf(request.params.token);
        if (callerId === null) await stopReporterUpdates(ctx.db, row.id);
        else await stopCallerUpdates(ctx.db, row.id, callerId);
        return pageOf(row, callerId, false);
      },
    );

    app.post(
      '/reporter/:token/satisfaction',
      {
        config,
        schema: {
          tags: ['public'],
          summary:
            'The reporter answers whether they are satisfied (满意度) once the case is closed; once only (409 CONFLICT after)',
          params,
          body: z.object({ satisfied: z.boolean() }),
          response: { 200: reporterPage },
        },
      },
      async (request) => {
        const { row, callerId, updates } = await linkOf(request.params.token);
        if (row.state !== 'closed') {
          throw httpError('TRANSITION_NOT_ALLOWED', `case ${row.caseNo} is not closed: answer once it is`);
        }
        const at = ctx.engine.now();
        const recorded = await recordCallback(ctx.db, {
          id: newId(at),
          caseId: row.id,
          city: row.city,
          outcome: request.body.satisfied ? 'satisfied' : 'unsatisfied',
          note: null,
          // The reporter (or an attached caller, their own answer) answered through the link of
          // their update; no operator called.
          calledBy: 'reporter',
          at,
          callerId,
        });
        if (recorded === null) throw httpError('CONFLICT', `case ${row.caseNo} has been answered already`);
        return pageOf(row, callerId, updates);
      },
    );
  };
}
