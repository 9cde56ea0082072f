/**
 * `GET /api/admin/phone-access`: the phone access log (号码查看记录) — every view of a reporter's
 * full number by staff: who, when, which case, by which route. Supervisors read their city's (a
 * district supervisor their district's), region supervisors every city's; `format=csv` exports it.
 */
import { listPhoneAccesses, type PhoneAccessRow } from '@urbangrid/db';
import { z } from 'zod';
import { userOf } from '../auth/actor.js';
import type { RouteAccess } from '../auth/route-access.js';
import type { ServicePlugin } from '../service-plugin.js';
import { readableCities } from './admin-scope.js';
import { exportLimit, logQuerystring, periodOf, sendCsv } from './csv-export.js';

const supervisors: RouteAccess = { roles: ['supervisor', 'region_supervisor'] };

const entrySchema = z.object({
  id: z.string(),
  at: z.string(),
  actor: z.string(),
  city: z.string(),
  districtCode: z.string(),
  caseId: z.string(),
  caseNo: z.string(),
  route: z.string(),
  requestId: z.string().nullable(),
});

const toEntry = (row: PhoneAccessRow) => ({
  id: String(row.id),
  at: row.at.toISOString(),
  actor: row.actorUsername,
  city: row.city,
  districtCode: row.districtCode,
  caseId: row.caseId,
  caseNo: row.caseNo,
  route: row.route,
  requestId: row.requestId,
});

const csvHeaders = ['时间 at', '查看人 actor', '城市 city', '区 district', '案件 case', '接口 route'];
const csvRow = (row: PhoneAccessRow) => [
  row.at.toISOString(),
  row.actorUsername,
  row.city,
  row.districtCode,
  row.caseNo,
  row.route,
];

export const phoneAccessRoutes: ServicePlugin = async (app) => {
  app.get(
    '/phone-access',
    {
      config: { access: supervisors },
      schema: {
        tags: ['admin'],
        summary: "Who saw which reporter's full phone number, when and where; format=csv exports it",
        querystring: logQuerystring.extend({ caseNo: z.string().min(1).max(40).optional() }),
        response: { 200: z.object({ items: z.array(entrySchema), total: z.number().int() }) },
      },
    },
    async (request, reply) => {
      const actor = userOf(request);
      const { city, from, to, caseNo, actor: actorUsername, page, pageSize, format } = request.query;
      // A district supervisor (城区监督员) reads the views of their district's cases only.
      const district = actor.roles.includes('region_supervisor') ? null : actor.areaCode;
      const filter = {
        cities: readableCities(actor, city, 'phone access log'),
        ...(district ? { districtCode: district } : {}),
        ...periodOf({ from, to }),
        ...(caseNo ? { caseNo } : {}),
        ...(actorUsername ? { actorUsername } : {}),
      };
      if (format === 'csv') {
        const { items } = await listPhoneAccesses(app.db, { ...filter, limit: exportLimit, offset: 0 });
        return sendCsv(reply, 'phone-access.csv', csvHeaders, items.map(csvRow));
      }
      const { items, total } = await listPhoneAccesses(app.db, {
        ...filter,
        limit: pageSize,
        offset: (page - 1) * pageSize,
      });
      return { items: items.map(toEntry), total };
    },
  );
};
