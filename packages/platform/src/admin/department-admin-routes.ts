/**
 * `/api/admin/departments…` (部门管理) for admins of the city (or of the region): list a city's
 * departments, retired ones too; create one; edit its code, names, parent and contact (If-Match,
 * 409 when stale); retire it from a date. Each change is audited and published (`departments`), so
 * every process names and dispatches with it within seconds.
 */

import { type DepartmentRow, listDepartments } from '@urbangrid/db';
import { cityCodeString } from '@urbangrid/domain';
import { z } from 'zod';
import type { RouteAccess } from '../auth/route-access.js';
import { validationFailed } from '../errors.js';
import type { ServicePlugin } from '../service-plugin.js';
import { adminChange, changeRecorder, ifMatchHeaders } from './admin-changes.js';
import { administeredCity, citiesOf } from './admin-scope.js';
import { createDepartment, editDepartment, retireDepartment } from './department-admin.js';

const admins: RouteAccess = { roles: ['admin'] };
const tags = ['admin'];
const cityCode = cityCodeString;
const idParams = z.object({ id: z.string().min(1).max(120) });

const fields = z.object({
  code: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,59}$/, 'a department code is lower-case letters, digits and "-"'),
  name: z.string().trim().min(1).max(60),
  nameEn: z.string().trim().min(1).max(120),
  parentId: z.string().min(1).max(120).nullable().default(null),
  contactName: z.string().trim().min(1).max(60).nullable().default(null),
  contactPhone: z
    .string()
    .trim()
    .regex(/^[0-9+\-\s()]{5,20}$/, 'a telephone number')
    .nullable()
    .default(null),
});

const departmentView = z
  .object({
    id: z.string(),
    city: z.string(),
    code: z.string(),
    name: z.string(),
    nameEn: z.string(),
    parentId: z.string().nullable(),
    contactName: z.string().nullable(),
    contactPhone: z.string().nullable(),
    calendarCode: z.string(),
    retiredOn: z.string().nullable(),
    version: z.number().int(),
  })
  .meta({ id: 'AdminDepartment' });

const toView = (row: DepartmentRow): z.infer<typeof departmentView> => ({
  id: row.id,
  city: row.city,
  code: row.code,
  name: row.name,
  nameEn: row.nameEn,
  parentId: row.parentId,
  contactName: row.contactName,
  contactPhone: row.contactPhone,
  calendarCode: row.calendarCode,
  retiredOn: row.retiredOn,
  version: row.version,
});

export const departmentAdminRoutes: ServicePlugin = async (app) => {
  /** What a change of a department reloads in every process. */
  const departments = (row: DepartmentRow) => ({ parts: ['departments'] as const, city: row.city });

  app.get(
    '/departments',
    {
      config: { access: admins },
      schema: {
        tags,
        summary: "A city's departments, retired ones too, by code",
        querystring: z.object({
          city: cityCode.optional().describe("Default: the admin's city (a region admin names one)"),
        }),
        response: { 200: z.object({ departments: z.array(departmentView) }) },
      },
    },
    async (request) => {
      const { actor } = changeRecorder(request);
      const asked = request.query.city ?? actor.city;
      if (asked === null) {
        const message = 'a region admin names the city';
        throw validationFailed(message, [{ in: 'querystring', path: 'city', message }]);
      }
      const city = await administeredCity(actor, asked, app.reference);
      return { departments: (await listDepartments(app.db, city)).map(toView) };
    },
  );

  app.post(
    '/departments',
    {
      config: { access: admins },
      schema: {
        tags,
        summary: 'Creates a department of a city',
        body: fields.extend({ city: cityCode }),
        response: { 201: departmentView },
      },
    },
    async (request, reply) => {
      const created = await adminChange(app, request, reply, departments, async ({ actor, record }) => {
        await administeredCity(actor, request.body.city, app.reference);
        return createDepartment(app.db, record, request.body);
      });
      return reply.code(201).send(toView(created));
    },
  );

  app.put(
    '/departments/:id',
    {
      config: { access: admins },
      schema: {
        tags,
        summary: "Changes a department's code, names, parent and contact (If-Match: its version)",
        params: idParams,
        headers: ifMatchHeaders,
        body: fields,
        response: { 200: departmentView },
      },
    },
    async (request, reply) =>
      toView(
        await adminChange(app, request, reply, departments, ({ actor, record, expected }) =>
          editDepartment(app.db, record, {
            id: request.params.id,
            cities: citiesOf(actor),
            fields: request.body,
            ...expected,
          }),
        ),
      ),
  );

  app.post(
    '/departments/:id/retire',
    {
      config: { access: admins },
      schema: {
        tags,
        summary:
          'Retires a department from a date (撤销; If-Match: its version): refused while a department in service is under it or the matrix names it',
        params: idParams,
        headers: ifMatchHeaders,
        body: z.object({ retiredOn: z.iso.date().describe('The first day it takes no cases') }),
        response: { 200: departmentView },
      },
    },
    async (request, reply) =>
      toView(
        await adminChange(app, request, reply, departments, ({ actor, record, expected }) =>
          retireDepartment(app.db, record, {
            id: request.params.id,
            cities: citiesOf(actor),
            retiredOn: request.body.retiredOn,
            ...expected,
          }),
        ),
      ),
  );
};
