/**
 * Public tracking (进度查询) of a case by its number: what a citizen who reported may know, and
 * nothing about anyone (no names, phones, notes or descriptions). A case rejected as a duplicate
 * shows the original's progress, which is what its reporter is waiting for.
 */

import { type CaseRow, findCaseById, findCasesByNumber } from '@urbangrid/db';
import { cityCodeString } from '@urbangrid/domain';
import { caseStateSchema, httpError, routeRateLimit, type ServicePlugin } from '@urbangrid/platform';
import { z } from 'zod';
import type { IntakeContext } from '../intake-context.js';

const publicCase = z.object({
  caseNo: z.string(),
  state: caseStateSchema,
  categoryCode: z.string(),
  createdAt: z.string(),
  closedAt: z.string().nullable(),
  /** The number of the case this one follows (a duplicate), else null. */
  followsCaseNo: z.string().nullable(),
});

async function trackedCase(ctx: IntakeContext, caseNo: string, city: string | undefined): Promise<CaseRow> {
  const found = (await findCasesByNumber(ctx.db, caseNo)).filter(
    (c) => city === undefined || c.city === city,
  );
  const row = found[0];
  // Numbers repeat across cities only by coincidence of date and sequence; then the city decides.
  if (row === undefined || found.length > 1) throw httpError('NOT_FOUND', `case ${caseNo} not found`);
  return row;
}

export function publicRoutes(ctx: IntakeContext): ServicePlugin {
  return async (app) => {
    app.get(
      '/cases/:caseNo',
      {
        config: { access: 'public', rateLimit: routeRateLimit(app, 'public') },
        schema: {
          tags: ['public'],
          summary: 'Track a case by its number (no personal data); a duplicate shows its original’s progress',
          params: z.object({ caseNo: z.string().regex(/^[A-Za-z0-9-]{1,40}$/, 'a case number') }),
          querystring: z.object({
            city: cityCodeString.optional(),
          }),
          response: { 200: publicCase },
        },
      },
      async (request) => {
        const row = await trackedCase(ctx, request.params.caseNo, request.query.city);
        const original = row.duplicateOf === null ? null : await findCaseById(ctx.db, row.duplicateOf);
        const outcome = original ?? row;
        return {
          caseNo: row.caseNo,
          state: caseStateSchema.parse(outcome.state),
          categoryCode: row.categoryCode,
          createdAt: row.createdAt.toISOString(),
          closedAt: outcome.closedAt?.toISOString() ?? null,
          followsCaseNo: original?.caseNo ?? null,
        };
      },
    );
  };
}
