/**
 * `POST /api/admin/region/targets` (行动方案目标): the region admin adds an indicator of a plan with
 * its targets by year, or the next plan's years of one the region has (region-target-admin.ts).
 * Everyone reads them at `GET /api/region/targets` (the supervision service).
 */
import type { RouteAccess } from '../auth/route-access.js';
import type { ServicePlugin } from '../service-plugin.js';
import { changeRecorder } from './admin-changes.js';
import { requireRegionAdmin } from './admin-scope.js';
import { addRegionTargets, regionIndicatorInput, regionIndicatorView } from './region-target-admin.js';

const admins: RouteAccess = { roles: ['admin'] };

export const regionTargetAdminRoutes: ServicePlugin = async (app) => {
  app.post(
    '/region/targets',
    {
      config: { access: admins },
      schema: {
        tags: ['admin'],
        summary:
          "Adds a plan indicator with its targets by year, or a later plan's years of an indicator (region admins)",
        description:
          'A new code makes a new indicator (201). A known code takes the new years and the new names, cities and plan (200); its unit and direction stay (409 otherwise), and a year it has already answers 409: targets are added, never changed. A value outside its unit (above 100 %, a yes/no other than 0 or 1) answers 400.',
        body: regionIndicatorInput,
        response: { 200: regionIndicatorView, 201: regionIndicatorView },
      },
    },
    async (request, reply) => {
      const { actor, record } = changeRecorder(request);
      requireRegionAdmin(actor, "sets the region's plan targets");
      const { indicator, created } = await addRegionTargets(app.db, record, {
        ...request.body,
        createdBy: actor.username,
      });
      return reply.code(created ? 201 : 200).send(indicator);
    },
  );
};
