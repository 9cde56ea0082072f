import { type ServicePlugin, staffOnly } from '@urbangrid/platform';
import { z } from 'zod';
import { auditRoutes } from './audit/audit-routes.js';
import { caseReviewRoutes } from './case-review-routes.js';
import type { SupervisionServiceDeps } from './deps.js';
import { reportRoutes } from './reports/report-routes.js';

/** Routes of the supervision service, mounted under /api/supervision. */
export function supervisionRoutes(deps: SupervisionServiceDeps): ServicePlugin {
  return async (app) => {
    app.get(
      '/status',
      {
        config: { access: staffOnly },
        schema: {
          tags: ['supervision'],
          summary: 'Whether the supervision service is mounted in this process',
          response: { 200: z.object({ service: z.literal('supervision'), status: z.literal('ok') }) },
        },
      },
      async () => ({ service: 'supervision' as const, status: 'ok' as const }),
    );
    await app.register(caseReviewRoutes(deps));
    await app.register(reportRoutes);
    await app.register(auditRoutes(deps.anchors));
  };
}
