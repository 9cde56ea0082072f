/**
 * Work-queue routes of the dispatch desk (工作队列): `GET /api/dispatch/queues/{shift-lead,
 * dispatcher,officer}`. Each answers named sections `{items, total}` of case views, the earliest
 * deadline first, each case with its light (`deadline.light`).
 */
import type { CasePage } from '@urbangrid/db';
import {
  type Actor,
  caseScopeOf,
  caseViewSchema,
  type ServicePlugin,
  toCaseView,
  userOf,
} from '@urbangrid/platform';
import { z } from 'zod';
import type { DispatchServiceDeps } from './deps.js';
import { dispatcherQueue, officerQueue, shiftLeadQueue } from './work-queues.js';

const tags = ['dispatch', 'queues'];
const section = z.object({ items: z.array(caseViewSchema), total: z.number().int() });
const officerTask = caseViewSchema.extend({
  /** Metres from the officer's position; null when no position was given. */
  distanceMetres: z.number().nullable(),
});
const limitQuery = z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) });

export const queueRoutes =
  (deps: DispatchServiceDeps): ServicePlugin =>
  async (app) => {
    const key = app.config.phoneEncryptionKey;
    const view = (actor: Actor, page: CasePage) => ({
      items: page.rows.map((row) => toCaseView(row, actor, key)),
      total: page.total,
    });

    app.get(
      '/queues/shift-lead',
      {
        config: { access: { roles: ['shift_lead'] } },
        schema: {
          tags,
          summary:
            '值班长 queue: reports awaiting filing, flagged reports, pending cancellations (open cases marked duplicate), and cases whose verification or check task found no officer for two minutes',
          querystring: limitQuery,
          response: {
            200: z.object({
              awaitingFiling: section,
              flaggedReports: section,
              pendingCancellations: section,
              awaitingOfficer: section,
            }),
          },
        },
      },
      async (request) => {
        const user = userOf(request);
        const found = await shiftLeadQueue(app.db, caseScopeOf(user), request.query.limit, deps.engine.now());
        return {
          awaitingFiling: view(user, found.awaitingFiling),
          flaggedReports: view(user, found.flaggedReports),
          pendingCancellations: view(user, found.pendingCancellations),
          awaitingOfficer: view(user, found.awaitingOfficer),
        };
      },
    );

    app.get(
      '/queues/dispatcher',
      {
        config: { access: { roles: ['dispatcher'] } },
        schema: {
          tags,
          summary:
            '派遣员 queue: filed cases awaiting dispatch (with suggestedDepartmentId), pending extension/suspension approvals, returned cases',
          querystring: limitQuery,
          response: {
            200: z.object({ awaitingDispatch: section, pendingApprovals: section, returns: section }),
          },
        },
      },
      async (request) => {
        const user = userOf(request);
        const found = await dispatcherQueue(app.db, caseScopeOf(user), request.query.limit);
        return {
          awaitingDispatch: view(user, found.awaitingDispatch),
          pendingApprovals: view(user, found.pendingApprovals),
          returns: view(user, found.returns),
        };
      },
    );

    app.get(
      '/queues/officer',
      {
        config: { access: { roles: ['grid_officer'] } },
        schema: {
          tags,
          summary:
            '监督员 queue: my verification and check tasks; with lat and lng the nearest first, else the earliest deadline first',
          querystring: limitQuery
            .extend({
              lat: z.coerce.number().min(-90).max(90).optional(),
              lng: z.coerce.number().min(-180).max(180).optional(),
            })
            .refine((q) => (q.lat === undefined) === (q.lng === undefined), {
              message: 'give both lat and lng, or neither',
            }),
          response: {
            200: z.object({
              verificationTasks: z.object({ items: z.array(officerTask), total: z.number().int() }),
              checkTasks: z.object({ items: z.array(officerTask), total: z.number().int() }),
            }),
          },
        },
      },
      async (request) => {
        const user = userOf(request);
        const { lat, lng, limit } = request.query;
        const position = lat !== undefined && lng !== undefined ? { lat, lng } : undefined;
        const found = await officerQueue(app.db, caseScopeOf(user), user.username, position, limit);
        const tasks = (page: (typeof found)['checkTasks']) => ({
          items: page.rows.map((row, i) => ({
            ...toCaseView(row, user, key),
            distanceMetres: page.distances[i] ?? null,
          })),
          total: page.total,
        });
        return { verificationTasks: tasks(found.verificationTasks), checkTasks: tasks(found.checkTasks) };
      },
    );
  };
