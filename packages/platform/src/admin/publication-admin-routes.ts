/**
 * `/api/admin/cities/:city/publication` (公开范围): which report sources the city's public feeds
 * (Open311) show at all. Read and set by the city's admins (or the region's); a change is
 * version-checked (If-Match), audited and published, so every process's feed follows it at once.
 */
import { findPublishedSources, type PublishedSourcesRow, setPublishedSources } from '@urbangrid/db';
import { cityCodeString, reportSources } from '@urbangrid/domain';
import { z } from 'zod';
import { userOf } from '../auth/actor.js';
import type { RouteAccess } from '../auth/route-access.js';
import { NotFoundError } from '../errors.js';
import type { ServicePlugin } from '../service-plugin.js';
import { adminChange, checkVersion, etagOf, ifMatchHeaders } from './admin-changes.js';
import { administeredCity } from './admin-scope.js';

const admins: RouteAccess = { roles: ['admin'] };
const tags = ['admin'];
const params = z.object({ city: cityCodeString });

const publicationView = z.object({
  city: z.string(),
  /** The sources whose cases the feeds show; cases of the others are not listed at all. */
  publishedSources: z.array(z.enum(reportSources)),
  version: z.number().int(),
});

const viewOf = (row: PublishedSourcesRow) => ({
  city: row.city,
  publishedSources: row.sources,
  version: row.version,
});

export const publicationAdminRoutes: ServicePlugin = async (app) => {
  app.get(
    '/cities/:city/publication',
    {
      config: { access: admins },
      schema: {
        tags,
        summary: "Which report sources the city's public feeds (Open311) show",
        params,
        response: { 200: publicationView },
      },
    },
    async (request, reply) => {
      const city = await administeredCity(userOf(request), request.params.city, app.reference);
      const row = await findPublishedSources(app.db, city);
      if (row === null) throw new NotFoundError(`city ${city} does not exist`);
      reply.header('etag', etagOf(row.version));
      return viewOf(row);
    },
  );

  app.put(
    '/cities/:city/publication',
    {
      config: { access: admins },
      schema: {
        tags,
        summary: "Sets which report sources the city's public feeds (Open311) show (If-Match its version)",
        params,
        headers: ifMatchHeaders,
        body: z.object({
          publishedSources: z
            .array(z.enum(reportSources))
            .max(reportSources.length)
            .refine((sources) => new Set(sources).size === sources.length, 'each source once'),
        }),
        response: { 200: publicationView },
      },
    },
    async (request, reply) => {
      const city = await administeredCity(userOf(request), request.params.city, app.reference);
      const cities = () => ({ parts: ['cities'] as const, city });
      const after = await adminChange(app, request, reply, cities, ({ record, expected }) =>
        app.db.transaction(async (tx) => {
          const before = await findPublishedSources(tx, city, { forUpdate: true });
          if (before === null) throw new NotFoundError(`city ${city} does not exist`);
          checkVersion(before.version, expected.expectedVersion, `the publication of city ${city}`);
          const stored = await setPublishedSources(tx, city, request.body.publishedSources);
          await record(tx, {
            city,
            entity: 'city_publication',
            entityKey: city,
            action: 'update',
            before: viewOf(before),
            after: viewOf(stored),
          });
          return stored;
        }),
      );
      return viewOf(after);
    },
  );
};
