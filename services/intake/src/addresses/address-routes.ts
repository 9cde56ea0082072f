import { actorOf, type ServicePlugin } from '@urbangrid/platform';
import { z } from 'zod';
import { intakeDesk, reportingCity } from '../intake-access.js';
import type { IntakeContext } from '../intake-context.js';
import { searchAddresses } from './address-service.js';

const addressHit = z.object({
  id: z.string(),
  label: z.string(),
  labelEn: z.string(),
  kind: z.string(),
  context: z.string(),
  lat: z.number(),
  lng: z.number(),
  gridCode: z.string(),
  districtCode: z.string(),
  score: z.number(),
});

/** `GET /addresses?q=&limit=`: fuzzy search of the gazetteer. */
export function addressRoutes(ctx: IntakeContext): ServicePlugin {
  return async (app) => {
    app.get(
      '/addresses',
      {
        config: { access: { roles: [...(intakeDesk.roles ?? []), 'dispatcher'] } },
        schema: {
          tags: ['intake'],
          summary:
            'Search the address gazetteer (roads, building numbers, landmarks, communities), typo-tolerant',
          querystring: z.object({
            q: z.string().trim().min(1).max(100),
            limit: z.coerce.number().int().min(1).max(50).default(10),
          }),
          response: { 200: z.object({ items: z.array(addressHit) }) },
        },
      },
      async (request) => {
        const city = reportingCity(actorOf(request));
        return {
          items: await searchAddresses(ctx, { city, q: request.query.q, limit: request.query.limit }),
        };
      },
    );
  };
}
