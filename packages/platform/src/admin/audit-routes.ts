/**
 * `GET /api/admin/audit`: the admin audit log (管理操作日志) for admins and supervisors of a city
 * (their city's entries) or of the region (all), newest first; `format=csv` exports the same
 * filter as a spreadsheet-ready file.
 */
import { type AdminAuditRow, listAdminChanges } from '@urbangrid/db';
import { z } from 'zod';
import { userOf } from '../auth/actor.js';
import type { ServicePlugin } from '../service-plugin.js';
import { auditReaderRoles, readableCities } from './admin-scope.js';
import { exportLimit, logQuerystring, periodOf, sendCsv } from './csv-export.js';

const entrySchema = z.object({
  id: z.string(),
  at: z.string(),
  actor: z.string(),
  city: z.string().nullable(),
  entity: z.string(),
  entityKey: z.string(),
  action: z.string(),
  before: z.unknown(),
  after: z.unknown(),
});

const toEntry = (row: AdminAuditRow) => ({
  id: String(row.id),
  at: row.at.toISOString(),
  actor: row.actorUsername,
  city: row.city,
  entity: row.entity,
  entityKey: row.entityKey,
  action: row.action,
  before: row.before,
  after: row.after,
});

const csvHeaders = [
  '时间 at',
  '操作人 actor',
  '城市 city',
  '对象 entity',
  '编号 key',
  '操作 action',
  '修改前 before',
  '修改后 after',
];

const json = (value: unknown) => (value === null || value === undefined ? '' : JSON.stringify(value));
const csvRow = (row: AdminAuditRow) => [
  row.at.toISOString(),
  row.actorUsername,
  row.city ?? '',
  row.entity,
  row.entityKey,
  row.action,
  json(row.before),
  json(row.after),
];

export const auditRoutes: ServicePlugin = async (app) => {
  app.get(
    '/audit',
    {
      config: { access: { roles: auditReaderRoles } },
      schema: {
        tags: ['admin'],
        summary: 'The admin audit log: who changed what, when, before and after; format=csv exports it',
        querystring: logQuerystring.extend({ entity: z.string().min(1).max(40).optional() }),
        response: { 200: z.object({ items: z.array(entrySchema), total: z.number().int() }) },
      },
    },
    async (request, reply) => {
      const actor = userOf(request);
      const { city, from, to, entity, actor: actorUsername, page, pageSize, format } = request.query;
      const filter = {
        cities: readableCities(actor, city, 'audit log'),
        ...periodOf({ from, to }),
        ...(entity ? { entity } : {}),
        ...(actorUsername ? { actorUsername } : {}),
      };
      if (format === 'csv') {
        const { items } = await listAdminChanges(app.db, { ...filter, limit: exportLimit, offset: 0 });
        return sendCsv(reply, 'admin-audit.csv', csvHeaders, items.map(csvRow));
      }
      const { items, total } = await listAdminChanges(app.db, {
        ...filter,
        limit: pageSize,
        offset: (page - 1) * pageSize,
      });
      return { items: items.map(toEntry), total };
    },
  );
};
