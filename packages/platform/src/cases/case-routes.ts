/**
 * The shared case read routes of api.md: `GET /api/cases` (a filtered page) and
 * `GET /api/cases/:id` (one case with its timeline), both limited to what the caller may see.
 */

import { type CaseFilter, listCaseEvents, listCasesInScope } from '@urbangrid/db';
import { caseStates } from '@urbangrid/domain';
import { z } from 'zod';
import { caseScopeOf } from '../access/case-scope.js';
import { actorOf } from '../auth/actor.js';
import { staffOnly } from '../auth/route-access.js';
import type { ServicePlugin } from '../service-plugin.js';
import { caseInScopeOr404 } from './case-in-scope.js';
import { caseDetailSchema, caseViewSchema, toCaseDetail, toCaseView } from './case-view.js';

/** `state=handling` or a comma-separated list `state=dispatched,handling`. */
const stateList = z
  .string()
  .trim()
  .min(1)
  .transform((value) => value.split(',').map((state) => state.trim()))
  .pipe(z.array(z.enum(caseStates, { error: `each state must be one of ${caseStates.join(', ')}` })));

const booleanFlag = z.enum(['true', 'false']).transform((value) => value === 'true');

const listQuery = z.object({
  state: stateList.optional(),
  gridCode: z
    .string()
    .trim()
    .regex(/^\d{15}$/, 'a 15-digit unit grid code')
    .optional(),
  departmentId: z.string().trim().min(1).max(100).optional(),
  overdue: booleanFlag.optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const caseRoutes: ServicePlugin = async (app) => {
  app.get(
    '/api/cases',
    {
      config: { access: staffOnly },
      schema: {
        tags: ['cases'],
        summary: 'Cases the caller may see, newest first',
        description:
          '`state` takes one state or a comma-separated list; `overdue=true` keeps the cases whose current stage is past its limit (red light).',
        querystring: listQuery,
        response: { 200: z.object({ items: z.array(caseViewSchema), total: z.number().int() }) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { state, gridCode, departmentId, overdue, page, pageSize } = request.query;
      const filter: CaseFilter = { states: state, gridCode, departmentId, overdue };
      const result = await listCasesInScope(app.db, caseScopeOf(actor), filter, {
        offset: (page - 1) * pageSize,
        limit: pageSize,
      });
      const key = app.config.phoneEncryptionKey;
      return { items: result.rows.map((row) => toCaseView(row, actor, key)), total: result.total };
    },
  );

  app.get(
    '/api/cases/:id',
    {
      config: { access: staffOnly },
      schema: {
        tags: ['cases'],
        summary: 'One case with its timeline (a case outside the caller’s jurisdiction answers 404)',
        params: z.object({ id: z.string().trim().min(1).max(100) }),
        response: { 200: caseDetailSchema },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const row = await caseInScopeOr404(app.db, actor, request.params.id);
      const events = await listCaseEvents(app.db, row.id);
      return toCaseDetail(row, events, actor, app.config.phoneEncryptionKey);
    },
  );
};
