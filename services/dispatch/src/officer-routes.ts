/**
 * Who the shift lead can send (改派): `GET /api/dispatch/cases/:id/officers` lists the active grid
 * officers (监督员) of the case's city, best first for that case — those of its grid, then of its
 * street, then on duty, then the least loaded. The case is looked up within the caller's
 * jurisdiction first (404 outside it).
 */
import { listOfficersForCase } from '@urbangrid/db';
import { caseIdParams, caseInScopeOr404, type ServicePlugin, userOf } from '@urbangrid/platform';
import { z } from 'zod';
import type { DispatchServiceDeps } from './deps.js';

const officerSchema = z.object({
  username: z.string(),
  name: z.string(),
  /** Responsible for the case's own grid. */
  coversGrid: z.boolean(),
  /** Responsible for another grid of the case's street. */
  coversStreet: z.boolean(),
  /** On a shift now, or keeps no roster (always on duty). */
  onDuty: z.boolean(),
  /** Verification and check tasks the officer holds open. */
  openTasks: z.number().int(),
});

export function officerRoutes(deps: DispatchServiceDeps): ServicePlugin {
  return async (app) => {
    app.get(
      '/cases/:id/officers',
      {
        config: { access: { roles: ['shift_lead'] } },
        schema: {
          tags: ['dispatch'],
          summary:
            '改派 candidates: the active grid officers of the case’s city, those of its grid first, then of its street, then on duty, then the least loaded',
          params: caseIdParams,
          response: { 200: z.object({ officers: z.array(officerSchema) }) },
        },
      },
      async (request) => {
        const row = await caseInScopeOr404(app.db, userOf(request), request.params.id);
        const officers = await listOfficersForCase(app.db, {
          city: row.city,
          gridCode: row.gridCode,
          streetCode: row.streetCode,
          at: deps.engine.now(),
        });
        return {
          officers: officers.map(({ username, name, coversGrid, coversStreet, onDuty, openTasks }) => ({
            username,
            name,
            coversGrid,
            coversStreet,
            onDuty,
            openTasks,
          })),
        };
      },
    );
  };
}
