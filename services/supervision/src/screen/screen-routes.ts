/**
 * The big screen's route (大屏): one bounded summary of a city (or a district supervisor's
 * district) for supervisors, shift leads and the region; the console re-reads it when `/api/live`
 * says a case changed.
 */
import { cityCodeString, localDay } from '@urbangrid/domain';
import { NotFoundError, type ServicePlugin, userOf } from '@urbangrid/platform';
import { z } from 'zod';
import type { SupervisionServiceDeps } from '../deps.js';
import { reportScopeOf } from '../reports/report-scope.js';
import { screenSummary, screenSummarySchema } from './screen-summary.js';

export const screenRoles = ['supervisor', 'shift_lead', 'region_supervisor'] as const;

export function screenRoutes(deps: SupervisionServiceDeps): ServicePlugin {
  return async (app) => {
    app.get(
      '/screen',
      {
        config: { access: { roles: screenRoles } },
        schema: {
          tags: ['supervision'],
          summary:
            '大屏 — today’s counters, rates, open cases’ lights, heat by grid, top lists, 30-day trend, latest events',
          description:
            'Read from the day rollups and indexed, limited case reads. A region supervisor may name the city (default: the first of the region); others see their own city, a district supervisor their district.',
          querystring: z.object({
            city: cityCodeString.optional(),
          }),
          response: { 200: screenSummarySchema },
        },
      },
      async (request) => {
        const user = userOf(request);
        const region = user.roles.includes('region_supervisor');
        const all = await app.reference.cities();
        const requested = request.query.city ?? (region ? all[0]?.code : undefined);
        const scope = reportScopeOf(user, requested);
        const city = all.find((c) => c.code === scope.city);
        if (!city) throw new NotFoundError(`city ${scope.city} does not exist`);
        const now = deps.engine.now();
        return screenSummary(app.db, scope, {
          today: localDay(now, city.timeZone),
          cityName: city.name,
          cities: (region ? all : [city]).map((c) => ({ code: c.code, name: c.name })),
          now,
        });
      },
    );
  };
}
