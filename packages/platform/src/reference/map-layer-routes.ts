/**
 * Outlines for the console's map, drawn as vector layers from our own data (no outside tile
 * server): districts, streets and communities of the caller's city, and the unit grids inside a
 * box (asked for at street zoom, so one answer stays small).
 */
import { findCityRecord, listAreaOutlines, listGazetteerMapRows, listGridOutlinesInBox } from '@urbangrid/db';
import { cityCodeString } from '@urbangrid/domain';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { actorOf } from '../auth/actor.js';
import { staffOnly } from '../auth/route-access.js';
import { ValidationFailedError } from '../errors.js';
import type { ServicePlugin } from '../service-plugin.js';
import { type BaseMapConfig, baseMapOf, baseMapSchema, ownBaseMap } from './base-map.js';

/** At most this many grids per answer: about 1.5 km × 1.5 km of 100 m cells. */
const maxGrids = 2_000;

const cityQuery = cityCodeString.optional();

const featureCollection = <P extends z.ZodType>(properties: P) =>
  z.object({
    type: z.literal('FeatureCollection'),
    features: z.array(z.object({ type: z.literal('Feature'), geometry: z.unknown(), properties })),
  });

const bboxSchema = z
  .string()
  .transform((value) => value.split(',').map(Number))
  .pipe(
    z.tuple([
      z.number().min(-180).max(180),
      z.number().min(-90).max(90),
      z.number().min(-180).max(180),
      z.number().min(-90).max(90),
    ]),
  );

/**
 * The grid layer's answer (the schema above, documented for the console) written as JSON text:
 * each stored geometry goes out as it was read, a thousand outlines costing a join, not a parse, a
 * response validation and a serialisation of every coordinate.
 */
function sendGridOutlines(
  reply: FastifyReply,
  rows: ReadonlyArray<{ code: string; name: string; communityCode: string; geometryJson: string }>,
  truncated: boolean,
): FastifyReply {
  const features = rows.map(
    (grid) =>
      `{"type":"Feature","geometry":${grid.geometryJson},"properties":${JSON.stringify({
        code: grid.code,
        name: grid.name,
        communityCode: grid.communityCode,
      })}}`,
  );
  return reply
    .type('application/json; charset=utf-8')
    .send(`{"type":"FeatureCollection","truncated":${truncated},"features":[${features.join(',')}]}`);
}

const emptyCollection = { type: 'FeatureCollection' as const, features: [] };

export function mapLayerRoutes(deployment: BaseMapConfig): ServicePlugin {
  return async (app) => {
    app.get(
      '/basemap',
      {
        config: { access: staffOnly },
        schema: {
          tags: ['reference'],
          summary:
            'The base map (底图) of the caller’s city (a region user’s: `city`): its tile server, or roads and places drawn from its gazetteer',
          description:
            'The city’s own setting (PUT /api/admin/cities/:city/base-map), else the deployment’s (BASE_MAP_TILES). A tile server: its URL template, attribution, coordinate system (wgs84, or gcj02 for Chinese tile services; the console shifts our WGS-84 points onto it) and deepest zoom. Our own: `roads` (a line per road through its building numbers) and `places` (named roads and landmarks) of the city, [lng, lat] in WGS-84.',
          querystring: z.object({ city: cityQuery }),
          response: { 200: baseMapSchema },
        },
      },
      async (request, reply) => {
        const city = actorOf(request).city ?? request.query.city ?? '1501';
        const baseMap = baseMapOf((await findCityRecord(app.db, city))?.baseMap ?? null, deployment);
        // A city's admin may change it: a page opened after the change draws the new one.
        reply.header('cache-control', 'private, no-cache');
        if (baseMap.tiles !== null) return { ...baseMap, roads: emptyCollection, places: emptyCollection };
        return { ...baseMap, ...ownBaseMap(await listGazetteerMapRows(app.db, city)) };
      },
    );

    app.get(
      '/areas',
      {
        config: { access: staffOnly },
        schema: {
          tags: ['reference'],
          summary: 'District, street or community outlines of the caller’s city (GeoJSON, [lng, lat])',
          querystring: z.object({
            level: z.enum(['district', 'street', 'community']).default('district'),
            parent: z
              .string()
              .regex(/^\d{6,12}$/)
              .optional(),
            city: cityQuery,
          }),
          response: {
            200: featureCollection(
              z.object({
                code: z.string(),
                name: z.string(),
                nameEn: z.string(),
                level: z.enum(['district', 'street', 'community']),
                parentCode: z.string().nullable(),
              }),
            ),
          },
        },
      },
      async (request) => {
        const city = actorOf(request).city ?? request.query.city ?? '1501';
        const rows = await listAreaOutlines(app.db, {
          city,
          level: request.query.level,
          parentCode: request.query.parent,
        });
        return {
          type: 'FeatureCollection' as const,
          features: rows
            .filter((row) => row.geometry !== null)
            .map(({ geometry, ...properties }) => ({ type: 'Feature' as const, geometry, properties })),
        };
      },
    );

    app.get(
      '/grids',
      {
        config: { access: staffOnly },
        schema: {
          tags: ['reference'],
          summary: `Unit grid outlines inside a box (minLng,minLat,maxLng,maxLat), at most ${maxGrids}`,
          querystring: z.object({ bbox: bboxSchema, city: cityQuery }),
          response: {
            200: featureCollection(
              z.object({ code: z.string(), name: z.string(), communityCode: z.string() }),
            ).extend({ truncated: z.boolean() }),
          },
        },
      },
      async (request, reply) => {
        const [minLng, minLat, maxLng, maxLat] = request.query.bbox;
        if (minLng > maxLng || minLat > maxLat) {
          throw new ValidationFailedError('bbox: the minimum corner must lie south-west of the maximum');
        }
        const city = actorOf(request).city ?? request.query.city ?? '1501';
        const rows = await listGridOutlinesInBox(app.db, city, request.query.bbox, maxGrids + 1);
        return sendGridOutlines(reply, rows.slice(0, maxGrids), rows.length > maxGrids);
      },
    );
  };
}
