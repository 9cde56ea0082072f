/**
 * `GET /api/handling/queues/department`: a department's work queue in named sections
 * `{items, total}` of case views, the earliest deadline first, each with its light.
 */
import type { CasePage } from '@urbangrid/db';
import {
  caseScopeOf,
  caseViewSchema,
  httpError,
  type ServicePlugin,
  toCaseView,
  type UserActor,
  userOf,
} from '@urbangrid/platform';
import { z } from 'zod';
import { departmentQueue } from './department-queue.js';

const section = z.object({ items: z.array(caseViewSchema), total: z.number().int() });

/** A handler sees their own department; desk staff name the department they look at. */
function departmentOf(user: UserActor, asked: string | undefined): string {
  if (user.roles.includes('department_handler') && user.departmentId !== null) {
    if (asked !== undefined && asked !== user.departmentId) {
      throw httpError('FORBIDDEN', 'a handler sees the queue of their own department only');
    }
    return user.departmentId;
  }
  if (asked === undefined)
    throw httpError('VALIDATION_FAILED', 'departmentId: required for staff outside a department');
  return asked;
}

export const queueRoutes: ServicePlugin = async (app) => {
  app.get(
    '/queues/department',
    {
      config: {
        access: {
          roles: ['department_handler', 'dispatcher', 'shift_lead', 'supervisor', 'region_supervisor'],
        },
      },
      schema: {
        tags: ['handling', 'queues'],
        summary: 'A department’s queue: inbox (to sign for), in progress, rework, overdue',
        description:
          'A handler gets their own department; dispatchers, shift leads and supervisors pass `departmentId` (within their jurisdiction).',
        querystring: z.object({
          departmentId: z.string().trim().min(1).max(100).optional(),
          limit: z.coerce.number().int().min(1).max(500).default(100),
        }),
        response: {
          200: z.object({ inbox: section, inProgress: section, rework: section, overdue: section }),
        },
      },
    },
    async (request) => {
      const user = userOf(request);
      const departmentId = departmentOf(user, request.query.departmentId);
      const found = await departmentQueue(app.db, caseScopeOf(user), departmentId, request.query.limit);
      const key = app.config.phoneEncryptionKey;
      const view = (page: CasePage) => ({
        items: page.rows.map((row) => toCaseView(row, user, key)),
        total: page.total,
      });
      return {
        inbox: view(found.inbox),
        inProgress: view(found.inProgress),
        rework: view(found.rework),
        overdue: view(found.overdue),
      };
    },
  );
};
