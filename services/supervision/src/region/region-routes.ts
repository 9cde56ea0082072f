/**
 * The region platform (自治区平台) under `/api/region`: the plan's targets (行动方案目标) every city
 * is measured against, as the region admin set them (POST /api/admin/region/targets).
 */
import { listRegionIndicators } from '@urbangrid/db';
import {
  regionIndicatorView,
  type ServicePlugin,
  staffOnly,
  toRegionIndicatorView,
} from '@urbangrid/platform';
import { z } from 'zod';
import type { SupervisionServiceDeps } from '../deps.js';
import { indicatorReportRoutes } from './indicator-report-routes.js';
import { inspectionRoutes } from './inspection-routes.js';
import { rankingRoutes } from './ranking-routes.js';
import { surveyRoutes } from './survey-routes.js';

const tags = ['region'];

export function regionRoutes(deps: SupervisionServiceDeps): ServicePlugin {
  return async (app) => {
    app.get(
      '/targets',
      {
        config: { access: staffOnly },
        schema: {
          tags,
          summary: "The region plan's indicators with their unit, direction, cities and targets by year",
          description:
            '`direction`: atLeast (≥), atMost (≤), about (≈) or yesNo (a task done: 1). `appliesTo`: the city classes, cities, excepted cities and urban-population bounds that must all hold ({} = every city).',
          response: { 200: z.array(regionIndicatorView) },
        },
      },
      async () => (await listRegionIndicators(app.reportsDb)).map(toRegionIndicatorView),
    );
    await app.register(indicatorReportRoutes);
    await app.register(inspectionRoutes);
    await app.register(surveyRoutes);
    await app.register(rankingRoutes(deps));
  };
}
