/**
 * `/api/admin/cities…` and `/api/admin/areas…` (城市与行政区划管理): a region admin (an admin
 * without a city) adds and retires cities; a city's admin renames their city and adds, renames and
 * retires its districts, streets and communities. Edits carry If-Match (409 when stale); each
 * change is audited and published, so every process's city list changes within seconds.
 */
import { type AreaRecord, type CityRecord, listCities, listCityAreas } from '@urbangrid/db';
import { cityBaseMapSchema, cityCodeString, evaluationConfigSchema, isoWeekdays } from '@urbangrid/domain';
import { IANAZone } from 'luxon';
import { z } from 'zod';
import { userOf } from '../auth/actor.js';
import type { RouteAccess } from '../auth/route-access.js';
import { cspAllows, tileOrigin } from '../config.js';
import type { ServicePlugin } from '../service-plugin.js';
import { adminChange, ifMatchHeaders } from './admin-changes.js';
import { administeredCity, citiesOf, requireRegionAdmin } from './admin-scope.js';
import { baseMapProblem } from './base-map-problems.js';
import {
  createArea,
  createCity,
  renameArea,
  renameCity,
  retireArea,
  retireCity,
  setCityBaseMap,
} from './city-admin.js';

const admins: RouteAccess = { roles: ['admin'] };
const tags = ['admin'];
const cityCode = cityCodeString;
const areaCode = z.string().regex(/^\d{6}(\d{3}){0,2}$/, 'an area code has 6, 9 or 12 digits');
const names = {
  name: z.string().trim().min(1).max(60),
  nameEn: z.string().trim().min(1).max(100),
};
const retirement = z.object({
  retiredOn: z.iso.date().describe('The first day it is no longer served'),
});
const period = z.object({
  start: z.string().regex(/^\d{2}:\d{2}$/),
  end: z.string().regex(/^\d{2}:\d{2}$/),
});

const cityView = z
  .object({
    code: z.string(),
    name: z.string(),
    nameEn: z.string(),
    timeZone: z.string(),
    baseMap: cityBaseMapSchema
      .nullable()
      .describe("The city's base map (底图); null: the deployment's (BASE_MAP_TILES, else its own)"),
    retiredOn: z.string().nullable(),
    version: z.number().int(),
  })
  .meta({ id: 'AdminCity' });

const areaView = z
  .object({
    code: z.string(),
    city: z.string(),
    level: z.enum(['district', 'street', 'community']),
    parentCode: z.string().nullable(),
    name: z.string(),
    nameEn: z.string(),
    population: z.number().int(),
    areaKm2: z.number(),
    retiredOn: z.string().nullable(),
    version: z.number().int(),
  })
  .meta({ id: 'AdminArea' });

const toCityView = (city: CityRecord): z.infer<typeof cityView> => ({
  code: city.code,
  name: city.name,
  nameEn: city.nameEn,
  timeZone: city.timeZone,
  baseMap: city.baseMap,
  retiredOn: city.retiredOn,
  version: city.version,
});

const toAreaView = (area: AreaRecord): z.infer<typeof areaView> => ({
  code: area.code,
  city: area.city,
  level: area.level,
  parentCode: area.parentCode,
  name: area.name,
  nameEn: area.nameEn,
  population: area.population,
  areaKm2: area.areaKm2,
  retiredOn: area.retiredOn,
  version: area.version,
});

export const cityAdminRoutes: ServicePlugin = async (app) => {
  /** What a change of a city or an area reloads in every process: the city list and its calendars. */
  const cityLists = (city: string) => ({ parts: ['cities', 'calendars'] as const, city });
  const ofCity = (city: CityRecord) => cityLists(city.code);
  const ofArea = (area: AreaRecord) => cityLists(area.city);

  app.get(
    '/cities',
    {
      config: { access: admins },
      schema: {
        tags,
        summary: 'The cities the admin manages (every city for a region admin), retired ones too',
        response: { 200: z.object({ items: z.array(cityView) }) },
      },
    },
    async (request) => {
      const reach = citiesOf(userOf(request));
      const rows = await listCities(app.db);
      return { items: rows.filter((row) => reach === 'all' || reach.includes(row.code)).map(toCityView) };
    },
  );

  app.post(
    '/cities',
    {
      config: { access: admins },
      schema: {
        tags,
        summary:
          'Adds a city (region admins): code, names, time zone, calendars (public holidays loaded) and evaluation settings',
        body: z.object({
          code: cityCode,
          ...names,
          timeZone: z
            .string()
            .min(1)
            .max(64)
            .refine((zone) => IANAZone.isValidZone(zone), 'not an IANA time zone, e.g. Asia/Shanghai'),
          calendars: z
            .array(
              z.object({
                code: z.string().regex(/^[a-z][a-z0-9-]{1,39}$/),
                name: z.string().trim().min(1).max(60),
                weekly: z.partialRecord(z.enum(isoWeekdays), z.array(period).max(6)),
                makeUpPeriods: z.array(period).max(6).optional(),
                followsPublicHolidays: z.boolean(),
              }),
            )
            .min(1)
            .max(10)
            .refine(
              (list) => new Set(list.map((c) => c.code)).size === list.length,
              'a calendar code is repeated',
            )
            .optional()
            .describe(
              'Default: office (Mon–Fri 08:00–12:00, 14:00–18:00) and patrol (every day 07:30–22:30)',
            ),
          evaluation: evaluationConfigSchema.optional().describe("Default: domain.md §6's weights and bands"),
        }),
        response: { 201: cityView },
      },
    },
    async (request, reply) => {
      const created = await adminChange(app, request, reply, ofCity, ({ actor, record }) => {
        requireRegionAdmin(actor, 'adds or retires cities');
        return createCity(app.db, record, { ...request.body, createdBy: actor.username });
      });
      return reply.code(201).send(toCityView(created));
    },
  );

  app.put(
    '/cities/:city',
    {
      config: { access: admins },
      schema: {
        tags,
        summary: 'Renames a city (If-Match: its version)',
        params: z.object({ city: cityCode }),
        headers: ifMatchHeaders,
        body: z.object(names),
        response: { 200: cityView },
      },
    },
    async (request, reply) =>
      toCityView(
        await adminChange(app, request, reply, ofCity, async ({ actor, record, expected }) => {
          const code = await administeredCity(actor, request.params.city, app.reference);
          return renameCity(app.db, record, { code, ...request.body, ...expected });
        }),
      ),
  );

  app.put(
    '/cities/:city/base-map',
    {
      config: { access: admins },
      // A bad setting is answered with a detail in zh-CN too (baseMapProblem), not the generic one.
      attachValidation: true,
      schema: {
        tags,
        summary:
          "Sets a city's base map (底图): a tile server (its {z}/{x}/{y} URL template, attribution, WGS-84 or GCJ-02, deepest zoom), `own` (drawn from the city's gazetteer) or null (the deployment's); If-Match: the city's version",
        description:
          "The tile server's origin must be among the deployment's CSP_IMG_SOURCES, else browsers would refuse its tiles (400). Every map of the city's users, and of region users looking at the city, draws on it.",
        params: z.object({ city: cityCode }),
        headers: ifMatchHeaders,
        body: z.object({ baseMap: cityBaseMapSchema.nullable() }),
        response: { 200: cityView },
      },
    },
    async (request, reply) => {
      if (request.validationError) throw baseMapProblem(request.validationError);
      const { baseMap } = request.body;
      if (baseMap?.kind === 'tiles' && !cspAllows(app.config.CSP_IMG_SOURCES, baseMap.tiles))
        throw baseMapProblem({ unlistedOrigin: tileOrigin(baseMap.tiles) });
      return toCityView(
        await adminChange(app, request, reply, ofCity, async ({ actor, record, expected }) => {
          const code = await administeredCity(actor, request.params.city, app.reference);
          return setCityBaseMap(app.db, record, { code, baseMap, ...expected });
        }),
      );
    },
  );

  app.post(
    '/cities/:city/retire',
    {
      config: { access: admins },
      schema: {
        tags,
        summary: 'Retires a city from a date (region admins; If-Match: its version)',
        params: z.object({ city: cityCode }),
        headers: ifMatchHeaders,
        body: retirement,
        response: { 200: cityView },
      },
    },
    async (request, reply) =>
      toCityView(
        await adminChange(app, request, reply, ofCity, async ({ actor, record, expected }) => {
          requireRegionAdmin(actor, 'adds or retires cities');
          const code = await administeredCity(actor, request.params.city, app.reference);
          return retireCity(app.db, record, { code, retiredOn: request.body.retiredOn, ...expected });
        }),
      ),
  );

  app.get(
    '/cities/:city/areas',
    {
      config: { access: admins },
      schema: {
        tags,
        summary: "A city's districts, streets and communities, retired ones too, in code order",
        params: z.object({ city: cityCode }),
        response: { 200: z.object({ items: z.array(areaView) }) },
      },
    },
    async (request) => {
      const city = await administeredCity(userOf(request), request.params.city, app.reference);
      return { items: (await listCityAreas(app.db, city)).map(toAreaView) };
    },
  );

  app.post(
    '/cities/:city/areas',
    {
      config: { access: admins },
      schema: {
        tags,
        summary:
          'Adds a district (6 digits), street (街道, 9) or community (社区, 12) under the area its code extends',
        params: z.object({ city: cityCode }),
        body: z.object({
          level: z.enum(['district', 'street', 'community']),
          code: areaCode,
          ...names,
          population: z.number().int().min(0).max(100_000_000).optional(),
          areaKm2: z.number().min(0).max(1_000_000).optional(),
        }),
        response: { 201: areaView },
      },
    },
    async (request, reply) => {
      const area = await adminChange(app, request, reply, ofArea, async ({ actor, record }) => {
        const city = await administeredCity(actor, request.params.city, app.reference);
        return createArea(app.db, record, { ...request.body, city });
      });
      return reply.code(201).send(toAreaView(area));
    },
  );

  app.put(
    '/areas/:code',
    {
      config: { access: admins },
      schema: {
        tags,
        summary: 'Renames a district, street or community (If-Match: its version)',
        params: z.object({ code: areaCode }),
        headers: ifMatchHeaders,
        body: z.object(names),
        response: { 200: areaView },
      },
    },
    async (request, reply) =>
      toAreaView(
        await adminChange(app, request, reply, ofArea, ({ actor, record, expected }) =>
          renameArea(app.db, record, {
            code: request.params.code,
            ...request.body,
            cities: citiesOf(actor),
            ...expected,
          }),
        ),
      ),
  );

  app.post(
    '/areas/:code/retire',
    {
      config: { access: admins },
      schema: {
        tags,
        summary:
          'Retires an area from a date, once the areas under it are retired and its grids re-cut (If-Match: its version)',
        params: z.object({ code: areaCode }),
        headers: ifMatchHeaders,
        body: retirement,
        response: { 200: areaView },
      },
    },
    async (request, reply) =>
      toAreaView(
        await adminChange(app, request, reply, ofArea, ({ actor, record, expected }) =>
          retireArea(app.db, record, {
            code: request.params.code,
            retiredOn: request.body.retiredOn,
            cities: citiesOf(actor),
            ...expected,
          }),
        ),
      ),
  );
};
