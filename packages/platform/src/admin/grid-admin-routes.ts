/**
 * `/api/admin/grids/…` (网格管理) for admins of the city (or of the region): import a GeoJSON
 * FeatureCollection of the city's unit grids — a preview of what is added, changed and retired, with
 * every problem, or with `apply=true` the city's next grid version — and export the current grids.
 */
import { listCityGrids } from '@urbangrid/db';
import { cityCodeString } from '@urbangrid/domain';
import { gridImportFileSchema, gridProblemKinds } from '@urbangrid/geo';
import { z } from 'zod';
import { type UserActor, userOf } from '../auth/actor.js';
import type { RouteAccess } from '../auth/route-access.js';
import { ValidationFailedError } from '../errors.js';
import type { ServicePlugin } from '../service-plugin.js';
import { changeRecorder, etagOf, expectedVersionOf, ifMatchHeaders, publishChange } from './admin-changes.js';
import { administeredCity } from './admin-scope.js';
import { applyGridImport, previewGridImport } from './grid-admin.js';

const tags = ['admin'];

/** A city's whole grid layer fits (Hohhot's ~10,000 grids are about 3 MB). */
const importBodyLimit = 64 * 1024 * 1024;

const cityQuery = z.object({
  /** The city; an admin of one city may leave it out. */
  city: cityCodeString.optional(),
});

const problemSchema = z.object({
  severity: z.enum(['error', 'warning']),
  kind: z.enum(gridProblemKinds),
  message: z.string(),
  feature: z.number().int().optional(),
  code: z.string().optional(),
  otherCode: z.string().optional(),
  communityCode: z.string().optional(),
  areaM2: z.number().optional(),
});

const reportSchema = z.object({
  city: z.string(),
  /** The city's grid version after this call; name it in If-Match when applying what was previewed. */
  version: z.number().int(),
  applied: z.boolean(),
  validFrom: z.string().nullable(),
  added: z.number().int(),
  changed: z.number().int(),
  retired: z.number().int(),
  unchanged: z.number().int(),
  codes: z.object({ added: z.array(z.string()), changed: z.array(z.string()), retired: z.array(z.string()) }),
  /** Errors block applying; warnings (gaps) do not. */
  problems: z.array(problemSchema),
});

const polygonOut = z.object({
  type: z.literal('Polygon'),
  coordinates: z.array(z.array(z.array(z.number()))),
});

/** City administrators (系统管理员) only. */
const admins: RouteAccess = { roles: ['admin'] };

export const gridAdminRoutes: ServicePlugin = async (app) => {
  // GeoJSON files are sent as application/geo+json (RFC 7946) as often as application/json.
  app.addContentTypeParser(
    'application/geo+json',
    { parseAs: 'string', bodyLimit: importBodyLimit },
    app.getDefaultJsonParser('error', 'error'),
  );

  const cityOf = async (actor: UserActor, asked: string | undefined) => {
    const city = asked ?? actor.city;
    if (city === null)
      throw new ValidationFailedError('name the city (?city=): you administer the whole region');
    return administeredCity(actor, city, app.reference);
  };

  app.post(
    '/grids/import',
    {
      bodyLimit: importBodyLimit,
      config: { access: admins },
      schema: {
        tags,
        summary:
          "Imports the city's unit grids (GeoJSON): a preview, or with apply=true the next grid version",
        description:
          'The body is a FeatureCollection of Polygon features with `properties.code` (15 digits), ' +
          '`properties.communityCode` and optionally `properties.name`: the whole layer of the city, so a ' +
          'grid the city has and the file lacks is retired. Without `apply=true` nothing is written. ' +
          'Applying with problems of severity `error` answers 400 with them; `If-Match` names the version ' +
          'the preview was made on (409 when another import came first).',
        querystring: cityQuery.extend({ apply: z.enum(['true', 'false']).default('false') }),
        headers: ifMatchHeaders,
        body: gridImportFileSchema,
        response: { 200: reportSchema },
      },
    },
    async (request, reply) => {
      const { actor, record } = changeRecorder(request);
      const city = await cityOf(actor, request.query.city);
      const { features } = request.body;
      if (request.query.apply !== 'true') return previewGridImport(app.db, city, features);
      const report = await applyGridImport(app.db, record, {
        city,
        features,
        appliedBy: actor.username,
        ...expectedVersionOf(request),
      });
      if (report.applied) await publishChange(app, { parts: ['grids'], city });
      reply.header('etag', etagOf(report.version));
      return report;
    },
  );

  app.get(
    '/grids/export',
    {
      config: { access: admins },
      schema: {
        tags,
        summary: "The city's current unit grids as a GeoJSON FeatureCollection (what an import takes)",
        querystring: cityQuery,
        response: {
          200: z.object({
            type: z.literal('FeatureCollection'),
            features: z.array(
              z.object({
                type: z.literal('Feature'),
                geometry: polygonOut,
                properties: z.object({ code: z.string(), communityCode: z.string(), name: z.string() }),
              }),
            ),
          }),
        },
      },
    },
    async (request, reply) => {
      const city = await cityOf(userOf(request), request.query.city);
      const rows = await listCityGrids(app.db, city, 'valid');
      reply
        .type('application/geo+json')
        .header('content-disposition', `attachment; filename="grids-${city}.geojson"`);
      return {
        type: 'FeatureCollection' as const,
        features: rows.map((row) => ({
          type: 'Feature' as const,
          geometry: polygonOut.parse(row.geometry),
          properties: { code: row.code, communityCode: row.communityCode, name: row.name },
        })),
      };
    },
  );
};
