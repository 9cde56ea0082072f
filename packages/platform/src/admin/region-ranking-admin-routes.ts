/**
 * `/api/admin/region/ranking-settings` (排名设置): the region admin reads the versions of the
 * ranking's weights and praise/criticism rule and adds one effective from a date (If-Match the
 * latest version, audited). The ranking of a period counts with the version in effect on its first
 * day; a published one keeps the version it was published with.
 */
import { listRankingSettings, type RankingSettingsRow } from '@urbangrid/db';
import { defaultRankingConfig, rankingConfigSchema } from '@urbangrid/domain';
import { z } from 'zod';
import type { RouteAccess } from '../auth/route-access.js';
import type { ServicePlugin } from '../service-plugin.js';
import { changeRecorder, etagOf, expectedVersionOf, ifMatchHeaders } from './admin-changes.js';
import { requireRegionAdmin } from './admin-scope.js';
import { addRankingSettings } from './region-ranking-admin.js';

const admins: RouteAccess = { roles: ['admin'] };
const tags = ['admin'];

const settingsView = z
  .object({
    /** 0: the defaults, never saved. */
    version: z.number().int(),
    effectiveFrom: z.string(),
    createdBy: z.string().nullable(),
    createdAt: z.string().nullable(),
    config: rankingConfigSchema,
  })
  .meta({ id: 'RankingSettings' });

const toView = (row: RankingSettingsRow): z.infer<typeof settingsView> => ({
  version: row.version,
  effectiveFrom: row.effectiveFrom,
  createdBy: row.createdBy,
  createdAt: row.createdAt.toISOString(),
  config: rankingConfigSchema.parse(row.config),
});

const defaults = {
  version: 0,
  effectiveFrom: '2000-01-01',
  createdBy: null,
  createdAt: null,
  config: defaultRankingConfig,
};

export const regionRankingAdminRoutes: ServicePlugin = async (app) => {
  app.get(
    '/region/ranking-settings',
    {
      config: { access: admins },
      schema: {
        tags,
        summary: "The region's ranking settings: every version, newest first (the defaults as version 0)",
        response: { 200: z.object({ latestVersion: z.number().int(), versions: z.array(settingsView) }) },
      },
    },
    async (request, reply) => {
      requireRegionAdmin(changeRecorder(request).actor, "reads the region's ranking settings");
      const versions = (await listRankingSettings(app.db)).map(toView);
      const latestVersion = versions[0]?.version ?? 0;
      reply.header('etag', etagOf(latestVersion));
      return { latestVersion, versions: [...versions, defaults] };
    },
  );

  app.post(
    '/region/ranking-settings',
    {
      config: { access: admins },
      schema: {
        tags,
        summary: "Adds the region's ranking settings (weights, praise and criticism) effective from a date",
        description:
          'weights: relative weights of targets (目标达成), cases (案件指标), inspections (检查考评) and surveys (民意调查); a component without data in a period weighs nothing then. If-Match the latest version (0 when none); stale answers 409. Audited.',
        headers: ifMatchHeaders,
        body: z.object({ effectiveFrom: z.iso.date(), config: rankingConfigSchema }),
        response: { 201: settingsView },
      },
    },
    async (request, reply) => {
      const { actor, record } = changeRecorder(request);
      requireRegionAdmin(actor, "sets the region's ranking settings");
      const created = await addRankingSettings(app.db, record, {
        ...request.body,
        ...expectedVersionOf(request),
        createdBy: actor.username,
      });
      reply.header('etag', etagOf(created.version));
      return reply.code(201).send(toView(created));
    },
  );
};
