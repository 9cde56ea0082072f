/**
 * `GET /api/admin/audit`: the admin audit log (管理操作日志) for admins and supervisors of a city
 * (their city's entries) or of the region (all), newest first; `format=csv` exports the same
 * filter as a spreadsheet-ready file.
 */
import { type AdminAuditRow, listAdminChanges } from '@urbangrid/db';
import { stringify } from 'csv-stringify/sync';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { userOf } from '../auth/actor.js';

import { ForbiddenError } from '../errors.js';
import type { ServicePlugin } from '../service-plugin.js';
import { auditReaderRoles, citiesOf } from './admin-scope.js';

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

/** The most an export holds; narrow the period for more. */
const exportLimit = 10_000;

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

function toCsv(rows: readonly AdminAuditRow[]): string {
  const json = (value: unknown) => (value === null || value === undefined ? '' : JSON.stringify(value));
  const body = rows.map((row) => [
    row.at.toISOString(),
    row.actorUsername,
    row.city ?? '',
    row.entity,
    row.entityKey,
    row.action,
    json(row.before),
    json(row.after),
  ]);
  // A BOM, so spreadsheet programs read the Chinese headers as UTF-8 (as the report exports do).
  return `\uFEFF${stringify([csvHeaders, ...body])}`;
}

function sendCsv(reply: FastifyReply, body: string) {
  return reply
    .type('text/csv; charset=utf-8')
    .header('content-disposition', 'attachment; filename="admin-audit.csv"')
    .send(body);
}

export const auditRoutes: ServicePlugin = async (app) => {
  app.get(
    '/audit',
    {
      config: { access: { roles: auditReaderRoles } },
      schema: {
        tags: ['admin'],
        summary: 'The admin audit log: who changed what, when, before and after; format=csv exports it',
        querystring: z.object({
          /** Region staff may narrow to one city; a city's staff read their own. */
          city: z
            .string()
            .regex(/^\d{4}$/)
            .optional(),
          from: z.iso.datetime({ offset: true }).optional(),
          to: z.iso.datetime({ offset: true }).optional(),
          entity: z.string().min(1).max(40).optional(),
          actor: z.string().min(1).max(100).optional(),
          page: z.coerce.number().int().min(1).max(10_000).default(1),
          pageSize: z.coerce.number().int().min(1).max(200).default(50),
          format: z.enum(['json', 'csv']).default('json'),
        }),
        response: { 200: z.object({ items: z.array(entrySchema), total: z.number().int() }) },
      },
    },
    async (request, reply) => {
      const actor = userOf(request);
      const { city, from, to, entity, actor: actorUsername, page, pageSize, format } = request.query;
      const reach = citiesOf(actor);
      if (city !== undefined && reach !== 'all' && !reach.includes(city)) {
        throw new ForbiddenError(`you may read the audit log of city ${reach.join(', ')}, not ${city}`);
      }
      const filter = {
        cities: city !== undefined ? [city] : reach,
        ...(from ? { from: new Date(from) } : {}),
        ...(to ? { to: new Date(to) } : {}),
        ...(entity ? { entity } : {}),
        ...(actorUsername ? { actorUsername } : {}),
      };
      if (format === 'csv') {
        const { items } = await listAdminChanges(app.db, { ...filter, limit: exportLimit, offset: 0 });
        return sendCsv(reply, toCsv(items));
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
