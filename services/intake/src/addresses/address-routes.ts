import { actorOf, type ServicePlugin } from '@urbangrid/platform';
import { z } from 'zod';
import { intakeDesk, reportingCity } from '../intake-access.js';
import type { IntakeContext } from '../intake-context.js';
import { nearestAddress, nearestAddressMetres, searchAddresses } from './address-service.js';

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

/**
 * `GET /addresses?q=&limit=`: fuzzy search of the gazetteer; `GET /addresses/nearest?lat=&lng=`: the
 * address of a point picked on the map.
 */
const access = { roles: [...(intakeDesk.roles ?? []), 'dispatcher' as const] };

export function addressRoutes(ctx: IntakeContext): ServicePlugin {
  return async (app) => {
    app.get(
      '/addresses',
      {
        config: { access },
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

    app.get(
      '/addresses/nearest',
      {
        config: { access },
        schema: {
          tags: ['intake'],
          summary: `逆地址: the building number or landmark nearest a point (within ${nearestAddressMetres} m), for a place picked on the map; item is null when none is that close`,
          querystring: z.object({
            lat: z.coerce.number().min(-90).max(90),
            lng: z.coerce.number().min(-180).max(180),
          }),
          response: {
            200: z.object({
              item: addressHit.omit({ score: true }).extend({ distanceMeters: z.number() }).nullable(),
            }),
          },
        },
      },
      async (request) => {
        const city = reportingCity(actorOf(request));
        return { item: await nearestAddress(ctx, { city, ...request.query }) };
      },
    );
  };
}
