/** `POST /api/supervision/audit` (and GET with the same fields as query): the event-chain audit. */
import { requireRoles, type ServicePlugin, userOf } from '@urbangrid/platform';
import { auditRequestSchema, chainReportSchema, runChainAudit } from './chain-audit.js';

const schema = {
  tags: ['supervision'],
  summary:
    '防篡改核验 — verify the hash-chained case histories of a case, a period (cases created in it) or everything',
  response: { 200: chainReportSchema },
};

export const auditRoutes: ServicePlugin = async (app) => {
  app.addHook('preHandler', requireRoles('supervisor', 'region_supervisor', 'admin'));
  app.post('/audit', { schema: { ...schema, body: auditRequestSchema } }, async (request) =>
    runChainAudit(app.db, userOf(request), request.body),
  );
  app.get('/audit', { schema: { ...schema, querystring: auditRequestSchema } }, async (request) =>
    runChainAudit(app.db, userOf(request), request.query),
  );
};
