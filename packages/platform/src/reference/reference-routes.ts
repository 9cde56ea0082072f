import { findGrid, type GridRecord, listCategories, listDepartments } from '@urbangrid/db';
import { addWorkingMinutes, cityCodeString, gridCodeString, isBeyondKnownDays } from '@urbangrid/domain';
import { MissingReferenceError, type ReferenceData } from '@urbangrid/reference';
import { z } from 'zod';
import { actorOf } from '../auth/actor.js';
import { staffOnly } from '../auth/route-access.js';
import { NotFoundError, OutsideGridError, ValidationFailedError } from '../errors.js';
import type { ServicePlugin } from '../service-plugin.js';

const gridSummary = z.object({
  code: z.string(),
  name: z.string(),
  districtCode: z.string(),
  streetCode: z.string(),
  communityCode: z.string(),
});
const polygon = z.object({ type: z.literal('Polygon'), coordinates: z.array(z.array(z.array(z.number()))) });

const summaryOf = (grid: GridRecord) => ({
  code: grid.code,
  name: grid.name,
  districtCode: grid.districtCode,
  streetCode: grid.streetCode,
  communityCode: grid.communityCode,
});

/** A city the caller acts in: the one they name, else their own; region staff must name one. */
function cityFor(actorCity: string | null, asked: string | undefined): string {
  const city = asked ?? actorCity;
  if (city === null) throw new ValidationFailedError('name the city: you act for the whole region');
  return city;
}

/** Reference data of api.md: grids, the catalogue, departments and working-time deadlines. */
export function referenceRoutes(reference: ReferenceData): ServicePlugin {
  return async (app) => {
    app.get(
      '/grids/locate',
      {
        config: { access: staffOnly },
        schema: {
          tags: ['reference'],
          summary: 'The unit grid (单元网格) containing a point',
          querystring: z.object({
            lat: z.coerce.number().min(-90).max(90),
            lng: z.coerce.number().min(-180).max(180),
          }),
          response: { 200: gridSummary },
        },
      },
      async (request) => {
        const layer = await reference.grids();
        const code = layer.locate(request.query.lat, request.query.lng);
        const grid = code === null ? undefined : layer.gridOf(code);
        if (!grid) throw new OutsideGridError(`no grid contains ${request.query.lat}, ${request.query.lng}`);
        return summaryOf(grid);
      },
    );

    app.get(
      '/grids/:code',
      {
        config: { access: staffOnly },
        schema: {
          tags: ['reference'],
          summary: 'A unit grid with its outline (GeoJSON Polygon, [lng, lat])',
          params: z.object({ code: gridCodeString }),
          response: { 200: gridSummary.extend({ geometry: polygon }) },
        },
      },
      async (request) => {
        const grid =
          (await reference.grids()).gridOf(request.params.code) ??
          (await findGrid(app.db, request.params.code));
        if (!grid) throw new NotFoundError(`grid ${request.params.code} does not exist`);
        return { ...summaryOf(grid), geometry: grid.polygon };
      },
    );

    app.get(
      '/categories',
      {
        config: { access: staffOnly },
        schema: {
          tags: ['reference'],
          summary: 'The category catalogue (部件/事件), both catalogue versions',
          response: {
            200: z.array(
              z.object({
                code: z.string(),
                kind: z.enum(['component', 'event']),
                name: z.string(),
                nameEn: z.string(),
                catalogueVersion: z.string(),
                majorCode: z.string(),
                majorName: z.string(),
                handlingLimitMinutes: z.number().int(),
                urgentHandlingLimitMinutes: z.number().int(),
              }),
            ),
          },
        },
      },
      async (request) => {
        const city = actorOf(request).city;
        const rows = await listCategories(app.db);
        return rows
          .filter((c) => c.city === null || city === null || c.city === city)
          .map((c) => {
            const limits = categoryLimits.parse(c.timeLimits);
            return {
              code: c.code,
              kind: c.kind,
              name: c.name,
              nameEn: c.nameEn,
              catalogueVersion: c.catalogueVersion,
              majorCode: c.majorCode,
              majorName: c.majorName,
              handlingLimitMinutes: limits.normal.handle,
              urgentHandlingLimitMinutes: limits.urgent.handle,
            };
          });
      },
    );

    app.get(
      '/departments',
      {
        config: { access: staffOnly },
        schema: {
          tags: ['reference'],
          summary: 'Departments (专业部门) of the caller’s city, as a tree by parentId',
          querystring: z.object({
            city: cityCodeString.optional(),
          }),
          response: {
            200: z.array(
              z.object({
                id: z.string(),
                code: z.string(),
                name: z.string(),
                /** The English name the console shows in English. */
                nameEn: z.string(),
                parentId: z.string().nullable(),
              }),
            ),
          },
        },
      },
      async (request) => {
        const city = actorOf(request).city ?? request.query.city;
        const rows = await listDepartments(app.db, city ?? undefined);
        return rows.map((d) => ({
          id: d.id,
          code: d.code,
          name: d.name,
          nameEn: d.nameEn,
          parentId: d.parentId,
        }));
      },
    );

    app.post(
      '/calendar/deadline',
      {
        config: { access: staffOnly },
        schema: {
          tags: ['reference'],
          summary: 'When N working minutes from an instant end, on the office or patrol calendar',
          body: z.object({
            start: z.iso.datetime({ offset: true }),
            workMinutes: z.number().min(0).max(1_000_000),
            calendar: z.enum(['office', 'patrol']),
            city: cityCodeString.optional(),
          }),
          response: {
            200: z.object({
              due: z.string(),
              /**
               * The due instant falls past the last day whose public holidays are loaded: it was
               * counted on the weekly periods alone and may be wrong.
               */
              beyondCalendar: z.boolean(),
            }),
          },
        },
      },
      async (request) => {
        const { start, workMinutes, calendar } = request.body;
        const city = cityFor(actorOf(request).city, request.body.city);
        const workingCalendar = await reference.calendar(city, calendar).catch((error: unknown) => {
          // The request names what does not exist: a city, or a calendar the city has not.
          throw error instanceof MissingReferenceError ? new NotFoundError(error.message) : error;
        });
        const due = addWorkingMinutes(workingCalendar, new Date(start), workMinutes);
        return { due: due.toISOString(), beyondCalendar: isBeyondKnownDays(workingCalendar, due) };
      },
    );
  };
}

const stageLimits = z.object({ handle: z.number().int() }).passthrough();
const categoryLimits = z.object({ normal: stageLimits, urgent: stageLimits });
