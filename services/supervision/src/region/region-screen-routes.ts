/**
 * The region's map and wall under /api/region: GET /cities (where each city is drawn) and
 * GET /screen (each city's counters of today, the 30-day trend, the latest events across the
 * region). The console re-reads the wall when `/api/live` says a case changed — a region
 * supervisor hears every city's cases.
 */
import { localDay } from '@urbangrid/domain';
import { ForbiddenError, type ServicePlugin, userOf } from '@urbangrid/platform';
import { z } from 'zod';
import type { SupervisionServiceDeps } from '../deps.js';
import { isRegionStaff } from './indicator-reports.js';
import { regionCities, regionCitySchema, regionScreen, regionScreenSchema } from './region-screen.js';

const tags = ['region'];
const regionStaff = { roles: ['region_supervisor', 'admin'] } as const;

export function regionScreenRoutes(deps: SupervisionServiceDeps): ServicePlugin {
  return async (app) => {
    app.get(
      '/cities',
      {
        config: { access: regionStaff },
        schema: {
          tags,
          summary:
            "The region's cities where the map draws them: the middle of their grids, sized by how many",
          response: { 200: z.array(regionCitySchema) },
        },
      },
      async (request, reply) => {
        if (!isRegionStaff(userOf(request))) throw new ForbiddenError("only the region's staff read its map");
        // Cities and grids change with an import, not by the minute.
        reply.header('cache-control', 'private, max-age=300');
        return regionCities(app.reportsDb, localDay(deps.engine.now(), 'Asia/Shanghai'));
      },
    );

    app.get(
      '/screen',
      {
        config: { access: regionStaff },
        schema: {
          tags,
          summary:
            '全区大屏 — each city’s counters of today, the region’s 30-day trend and the latest events of every city',
          description:
            'Read from the day rollups and indexed, limited case reads. The latest events name no person, description or address.',
          response: { 200: regionScreenSchema },
        },
      },
      async (request) => {
        if (!isRegionStaff(userOf(request)))
          throw new ForbiddenError("only the region's staff read its wall");
        return regionScreen(app.reportsDb, deps.engine.now());
      },
    );
  };
}
