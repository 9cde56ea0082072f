import { categoryCodeString } from '@urbangrid/domain';
import { actorOf, caseViewSchema, commandAccess, type ServicePlugin, toCaseView } from '@urbangrid/platform';
import { z } from 'zod';
import { intakeDesk, reportingCity } from '../intake-access.js';
import type { IntakeContext } from '../intake-context.js';
import { possibleDuplicateSchema } from './duplicate-schemas.js';
import { findPossibleDuplicates, rejectAsDuplicate } from './duplicate-service.js';

/** `GET /duplicates` (before a report is saved) and `POST /cases/:id/duplicate-of` (shift lead). */
export function duplicateRoutes(ctx: IntakeContext): ServicePlugin {
  return async (app) => {
    app.get(
      '/duplicates',
      {
        config: { access: intakeDesk },
        schema: {
          tags: ['intake'],
          summary:
            'Open cases of a category near a point, reported recently (possible duplicates), nearest first',
          querystring: z.object({
            categoryCode: categoryCodeString,
            lat: z.coerce.number().min(-90).max(90),
            lng: z.coerce.number().min(-180).max(180),
            radius: z.coerce.number().min(1).max(1000).optional(),
            hours: z.coerce
              .number()
              .min(1)
              .max(24 * 90)
              .optional(),
          }),
          response: { 200: z.object({ items: z.array(possibleDuplicateSchema) }) },
        },
      },
      async (request) => {
        const { categoryCode, lat, lng, radius, hours } = request.query;
        const items = await findPossibleDuplicates(ctx, {
          city: reportingCity(actorOf(request)),
          categoryCode,
          location: { lat, lng },
          radiusMetres: radius,
          windowHours: hours,
        });
        return { items };
      },
    );

    app.post(
      '/cases/:id/duplicate-of',
      {
        config: { command: 'reject', access: commandAccess('reject') },
        schema: {
          tags: ['intake'],
          summary:
            'Reject a case as a duplicate of another (不予立案·重复); its reporter follows the original',
          params: z.object({ id: z.string().min(1).max(64) }),
          body: z.object({
            originalId: z.string().min(1).max(64),
            expectedVersion: z.number().int().min(1).optional(),
          }),
          response: { 200: caseViewSchema },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        const row = await rejectAsDuplicate(ctx, {
          actor,
          caseId: request.params.id,
          originalId: request.body.originalId,
          expectedVersion: request.body.expectedVersion,
        });
        return toCaseView(row, actor, ctx.phoneKey);
      },
    );
  };
}
