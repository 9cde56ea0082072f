/**
 * `POST /api/supervision/audit` (and GET with the same fields as query): the event-chain audit;
 * `GET /api/supervision/audit/anchors`: the signed daily anchors and whether the histories match them.
 */
import { type RouteAccess, type ServicePlugin, userOf } from '@urbangrid/platform';

const auditors: RouteAccess = { roles: ['supervisor', 'region_supervisor', 'admin'] };

import { type AnchorSource, anchorListingSchema, anchorQuerySchema, listAnchors } from './anchor-listing.js';
import { auditRequestSchema, chainReportSchema, runChainAudit } from './chain-audit.js';

const schema = {
  tags: ['supervision'],
  summary:
    '防篡改核验 — verify the hash-chained case histories of a case, a period (cases created in it) or everything',
  response: { 200: chainReportSchema },
};

export const auditRoutes =
  (anchors: AnchorSource | undefined): ServicePlugin =>
  async (app) => {
    app.post(
      '/audit',
      { config: { access: auditors }, schema: { ...schema, body: auditRequestSchema } },
      async (request) => runChainAudit(app.db, app.reference, userOf(request), request.body),
    );
    app.get(
      '/audit',
      { config: { access: auditors }, schema: { ...schema, querystring: auditRequestSchema } },
      async (request) => runChainAudit(app.db, app.reference, userOf(request), request.query),
    );
    app.get(
      '/audit/anchors',
      {
        config: { access: auditors },
        schema: {
          tags: ['supervision'],
          summary:
            '防篡改锚点 — the signed daily chain heads of each city (kept outside the database) and whether the histories still match them',
          querystring: anchorQuerySchema,
          response: { 200: anchorListingSchema },
        },
      },
      async (request) => listAnchors(app.db, app.reference, anchors, userOf(request), request.query),
    );
  };
