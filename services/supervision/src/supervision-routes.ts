import { type ServicePlugin, staffOnly } from '@urbangrid/platform';
import { z } from 'zod';
import { auditRoutes } from './audit/audit-routes.js';
import { caseReviewRoutes } from './case-review-routes.js';
import type { SupervisionServiceDeps } from './deps.js';
import { regionRoutes } from './region/region-routes.js';
import { regionScreenRoutes } from './region/region-screen-routes.js';
import { analysisRoutes } from './reports/analysis-routes.js';
import { reportRoutes } from './reports/report-routes.js';
import { screenRoutes } from './screen/screen-routes.js';

/** Routes of the supervision service under /api/supervision, and the region platform's under /api/region. */
export function supervisionRoutes(deps: SupervisionServiceDeps): ServicePlugin {
  return async (api) => {
    await api.register(regionRoutes(deps), { prefix: '/region' });
    await api.register(regionScreenRoutes(deps), { prefix: '/region' });
    await api.register(cityRoutes(deps), { prefix: '/supervision' });
  };
}

function cityRoutes(deps: SupervisionServiceDeps): ServicePlugin {
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
    await app.register(analysisRoutes);
    await app.register(screenRoutes(deps));
    await app.register(auditRoutes(deps.anchors));
  };
}
