/**
 * `/api/admin/matrix/:city…` (权责清单管理) for admins of the city (or of the region): the matrix
 * with what it may name, one cell set or removed in place (If-Match, 409 when stale), the whole
 * matrix exported and imported as XLSX with Chinese headers (every bad row by number, nothing
 * imported when any is bad), and the gaps. Each change is audited and published (`matrix`).
 */
import { cityCodeString } from '@urbangrid/domain';
import { z } from 'zod';
import { userOf } from '../auth/actor.js';
import type { RouteAccess } from '../auth/route-access.js';
import type { ServicePlugin } from '../service-plugin.js';
import { etagOf, ifMatchHeaders, ifMatchVersion, publishChange, recordChange } from './admin-changes.js';
import { administeredCity } from './admin-scope.js';
import type { RecordChange } from './calendar-admin.js';
import {
  cityMatrix,
  importMatrixRows,
  matrixColumns,
  matrixGaps,
  removeMatrixCell,
  setMatrixCell,
} from './matrix-admin.js';
import { readSheet, sendSheet, uploadedFile, writeSheet } from './spreadsheet.js';

const admins: RouteAccess = { roles: ['admin'] };
const tags = ['admin'];
const cityParams = z.object({ city: cityCodeString });
const cellParams = cityParams.extend({
  category: z.string().min(2).max(12),
  area: z.string().regex(/^\d{6,12}$/, 'an area code has 6 (district), 9 (street) or 12 (community) digits'),
});

const cellView = z.object({
  categoryCode: z.string(),
  areaCode: z.string(),
  departmentId: z.string(),
  version: z.number().int(),
});

export const matrixAdminRoutes: ServicePlugin = async (app) => {
  const adminOf = async (request: Parameters<typeof userOf>[0], city: string) => {
    const actor = userOf(request);
    await administeredCity(actor, city, app.reference);
    const record: RecordChange = (tx, entry) => recordChange(tx, actor, request, entry);
    return record;
  };

  app.get(
    '/matrix/:city',
    {
      config: { access: admins },
      schema: {
        tags,
        summary: "The city's responsibility matrix (category × area → department) and what it may name",
        description:
          '`format=xlsx` answers the matrix as a workbook with Chinese headers (分类代码, 分类名称, 区域代码, ' +
          '区域名称, 部门代码, 部门名称), the file the import takes.',
        params: cityParams,
        querystring: z.object({ format: z.enum(['json', 'xlsx']).default('json') }),
        response: {
          200: z.object({
            city: z.string(),
            categories: z.array(
              z.object({ code: z.string(), name: z.string(), nameEn: z.string(), active: z.boolean() }),
            ),
            areas: z.array(
              z.object({
                code: z.string(),
                name: z.string(),
                level: z.enum(['district', 'street', 'community']),
                parentCode: z.string().nullable(),
              }),
            ),
            departments: z.array(z.object({ id: z.string(), code: z.string(), name: z.string() })),
            cells: z.array(cellView),
          }),
        },
      },
    },
    async (request, reply) => {
      const { city } = request.params;
      await adminOf(request, city);
      const matrix = await cityMatrix(app.db, city);
      if (request.query.format === 'xlsx') {
        const rows = matrix.cells.map((cell) => {
          const department = matrix.departments.get(cell.departmentId);
          return {
            categoryCode: cell.categoryCode,
            categoryName: matrix.categories.get(cell.categoryCode)?.name ?? '',
            areaCode: cell.areaCode,
            areaName: matrix.areas.get(cell.areaCode)?.name ?? '',
            departmentCode: department?.code ?? cell.departmentId,
            departmentName: department?.name ?? '',
          };
        });
        return sendSheet(reply, `权责清单-${city}.xlsx`, await writeSheet('权责清单', matrixColumns, rows));
      }
      return {
        city,
        categories: [...matrix.categories.values()].map(({ code, name, nameEn, active }) => ({
          code,
          name,
          nameEn,
          active,
        })),
        areas: [...matrix.areas.values()],
        departments: [...matrix.departments.values()],
        cells: matrix.cells,
      };
    },
  );

  app.put(
    '/matrix/:city/cells/:category/:area',
    {
      config: { access: admins },
      schema: {
        tags,
        summary: 'Names the department of one category in one area (district, street or community)',
        params: cellParams,
        headers: ifMatchHeaders,
        body: z.object({ departmentId: z.string().min(1).max(120) }),
        response: { 200: cellView },
      },
    },
    async (request, reply) => {
      const { city, category, area } = request.params;
      const record = await adminOf(request, city);
      const expectedVersion = ifMatchVersion(request.headers['if-match']);
      const cell = await setMatrixCell(app.db, record, {
        city,
        categoryCode: category,
        areaCode: area,
        departmentId: request.body.departmentId,
        ...(expectedVersion === undefined ? {} : { expectedVersion }),
      });
      await publishChange(app, { parts: ['matrix'], city });
      reply.header('etag', etagOf(cell.version));
      return cell;
    },
  );

  app.delete(
    '/matrix/:city/cells/:category/:area',
    {
      config: { access: admins },
      schema: {
        tags,
        summary: 'Empties one cell: the wider area, or the category’s default department, answers then',
        params: cellParams,
        headers: ifMatchHeaders,
        response: { 200: cellView },
      },
    },
    async (request) => {
      const { city, category, area } = request.params;
      const record = await adminOf(request, city);
      const expectedVersion = ifMatchVersion(request.headers['if-match']);
      const cell = await removeMatrixCell(app.db, record, {
        city,
        categoryCode: category,
        areaCode: area,
        ...(expectedVersion === undefined ? {} : { expectedVersion }),
      });
      await publishChange(app, { parts: ['matrix'], city });
      return cell;
    },
  );

  app.post(
    '/matrix/:city/import',
    {
      config: { access: admins },
      schema: {
        tags,
        summary: "Replaces the city's matrix with an XLSX file (the export's columns)",
        description:
          'The body is the workbook (Content-Type application/vnd.openxmlformats-officedocument.spreadsheetml.sheet) ' +
          'whose first sheet has the columns 分类代码, 区域代码 and 部门代码 (names ignored): the whole matrix, so ' +
          'a cell the city has and the file lacks is removed. Any bad row answers 400 with `rowErrors` ' +
          '(every bad row by its number in the sheet) and nothing is imported.',
        params: cityParams,
        response: {
          200: z.object({
            added: z.number().int(),
            changed: z.number().int(),
            removed: z.number().int(),
            unchanged: z.number().int(),
          }),
        },
      },
    },
    async (request) => {
      const { city } = request.params;
      const record = await adminOf(request, city);
      const rows = await readSheet(uploadedFile(request.body), matrixColumns);
      const result = await importMatrixRows(
        app.db,
        record,
        city,
        rows.map(({ row, values }) => ({ row, ...values })),
      );
      if (result.added + result.changed + result.removed > 0)
        await publishChange(app, { parts: ['matrix'], city });
      return result;
    },
  );

  app.get(
    '/matrix/:city/gaps',
    {
      config: { access: admins },
      schema: {
        tags,
        summary: 'Every active category and district the matrix names no department for',
        params: cityParams,
        response: {
          200: z.object({
            gaps: z.array(
              z.object({
                categoryCode: z.string(),
                categoryName: z.string(),
                districtCode: z.string(),
                districtName: z.string(),
                fallbackDepartmentId: z.string().nullable(),
              }),
            ),
          }),
        },
      },
    },
    async (request) => {
      const { city } = request.params;
      await adminOf(request, city);
      return { gaps: await matrixGaps(app.db, city) };
    },
  );
};
