/**
 * `/api/admin/rota/:city` (值班表) for admins of the city (or of the region): the duty rota of a
 * period as JSON or as the workbook (用户名, 姓名, 开始时间, 结束时间 in the city's local time), and
 * the import of that workbook, which replaces the period's shifts (every bad row by number, nothing
 * imported when any is bad). Task assignment reads the imported shifts from the next task on.
 */
import { cityCodeString } from '@urbangrid/domain';
import { z } from 'zod';
import type { RouteAccess } from '../auth/route-access.js';
import type { ServicePlugin } from '../service-plugin.js';
import { changeRecorder } from './admin-changes.js';
import { administeredCity } from './admin-scope.js';
import { importRota, maxRotaDays, rotaColumns, rotaRows } from './rota-admin.js';
import { readSheet, sendSheet, uploadedFile, writeSheet } from './spreadsheet.js';

const admins: RouteAccess = { roles: ['admin'] };
const tags = ['admin'];
const params = z.object({ city: cityCodeString });
const period = z.object({
  from: z.iso.date().describe("The first local day of the period (the city's zone)"),
  to: z.iso.date().describe(`The last local day, included; at most ${maxRotaDays} days after from`),
});

export const rotaAdminRoutes: ServicePlugin = async (app) => {
  const periodOf = async (city: string, query: z.infer<typeof period>) => ({
    city,
    timeZone: await app.reference.cityTimeZone(city),
    ...query,
  });

  app.get(
    '/rota/:city',
    {
      config: { access: admins },
      schema: {
        tags,
        summary: "The city's duty rota: the shifts that start in a period",
        description:
          '`format=xlsx` answers the workbook the import takes: 用户名, 姓名, 开始时间, 结束时间 (local time, `2026-03-02 08:00`).',
        params,
        querystring: period.extend({ format: z.enum(['json', 'xlsx']).default('json') }),
        response: {
          200: z.object({
            shifts: z.array(
              z.object({ username: z.string(), name: z.string(), startsAt: z.string(), endsAt: z.string() }),
            ),
          }),
        },
      },
    },
    async (request, reply) => {
      const { actor } = changeRecorder(request);
      const city = await administeredCity(actor, request.params.city, app.reference);
      const { format, ...query } = request.query;
      const shifts = await rotaRows(app.db, await periodOf(city, query));
      if (format === 'xlsx') {
        const file = await writeSheet('值班表', rotaColumns, shifts);
        return sendSheet(reply, `值班表-${city}-${query.from}-${query.to}.xlsx`, file);
      }
      return { shifts };
    },
  );

  app.post(
    '/rota/:city/import',
    {
      config: { access: admins },
      schema: {
        tags,
        summary: "Replaces the shifts that start in a period with a workbook's (the export's columns)",
        description:
          'The body is the workbook (Content-Type application/vnd.openxmlformats-officedocument.spreadsheetml.sheet) ' +
          'whose first sheet has the columns 用户名, 开始时间 and 结束时间 (姓名 ignored). Every row must be an active ' +
          'grid officer of the city on a shift of at most 24 hours starting in the period, not overlapping another. ' +
          'Any bad row answers 400 with `rowErrors` (every bad row by its number) and nothing is imported.',
        params,
        querystring: period,
        response: { 200: z.object({ removed: z.number().int(), added: z.number().int() }) },
      },
    },
    async (request) => {
      const { actor, record } = changeRecorder(request);
      const city = await administeredCity(actor, request.params.city, app.reference);
      const rows = await readSheet(uploadedFile(request.body), rotaColumns);
      return importRota(app.db, record, await periodOf(city, request.query), rows);
    },
  );
};
