/**
 * `/api/admin/cities/:city/evaluation-settings` (考评设置) for admins of the city: the versions of its
 * indicator weights, grade bands and volume bands with the indicators they weigh (labelled from
 * packages/domain's definitions), and a new version effective from a date. Reports read the
 * settings from the database on each request, so a new version counts in every process at once;
 * days already published keep the version they were published with.
 */
import {
  type EvaluationSettingsRow,
  effectiveEvaluationSettings,
  listEvaluationSettings,
} from '@urbangrid/db';
import {
  cityCodeString,
  defaultEvaluationConfig,
  evaluationConfigSchema,
  indicatorsOfSubject,
  subjectKinds,
  volumeBandsConfigSchema,
} from '@urbangrid/domain';
import { DateTime } from 'luxon';
import { z } from 'zod';
import { userOf } from '../auth/actor.js';
import type { RouteAccess } from '../auth/route-access.js';
import type { ServicePlugin } from '../service-plugin.js';
import { changeRecorder, etagOf, expectedVersionOf, ifMatchHeaders } from './admin-changes.js';
import { administeredCity } from './admin-scope.js';
import { addEvaluationSettings } from './evaluation-admin.js';

const admins: RouteAccess = { roles: ['admin'] };
const tags = ['admin'];
const cityParams = z.object({ city: cityCodeString });

const settingsView = z
  .object({
    /** 0: the defaults of domain.md §6, never saved. */
    version: z.number().int(),
    effectiveFrom: z.string(),
    createdAt: z.string().nullable(),
    createdBy: z.string().nullable(),
    config: evaluationConfigSchema,
  })
  .meta({ id: 'EvaluationSettings' });

const toView = (row: EvaluationSettingsRow | null): z.infer<typeof settingsView> =>
  row === null
    ? {
        version: 0,
        effectiveFrom: '2000-01-01',
        createdAt: null,
        createdBy: null,
        config: defaultEvaluationConfig,
      }
    : {
        version: row.version,
        effectiveFrom: row.effectiveFrom,
        createdAt: row.createdAt.toISOString(),
        createdBy: row.createdBy,
        // Stored through the same schema; a row that no longer parses reads as the defaults.
        config: evaluationConfigSchema.safeParse(row.config).data ?? defaultEvaluationConfig,
      };

/** Every subject's scored indicators, labelled, with their direction and default weight. */
const indicatorList = subjectKinds.flatMap((subject) =>
  indicatorsOfSubject(subject)
    .filter((indicator) => indicator.defaultWeight !== null && indicator.direction !== null)
    .map((indicator) => ({
      subject,
      key: indicator.key as string,
      label: indicator.label,
      direction: indicator.direction ?? 'higher',
      defaultWeight: indicator.defaultWeight ?? 0,
    })),
);

export const evaluationAdminRoutes: ServicePlugin = async (app) => {
  app.get(
    '/cities/:city/evaluation-settings',
    {
      config: { access: admins },
      schema: {
        tags,
        summary: "A city's evaluation settings: the one in effect today, every version, and the indicators",
        params: cityParams,
        response: {
          200: z.object({
            city: z.string(),
            current: settingsView,
            /** The latest version (If-Match of the next save); 0 when none was saved. */
            latestVersion: z.number().int(),
            versions: z.array(settingsView),
            indicators: z.array(
              z.object({
                subject: z.enum(subjectKinds as [string, ...string[]]),
                key: z.string(),
                label: z.object({ 'zh-CN': z.string(), en: z.string() }),
                direction: z.enum(['higher', 'lower']),
                defaultWeight: z.number(),
              }),
            ),
          }),
        },
      },
    },
    async (request, reply) => {
      const city = await administeredCity(userOf(request), request.params.city, app.reference);
      const zone = await app.reference.cityTimeZone(city);
      const today = DateTime.now().setZone(zone).toISODate() ?? '';
      const [versions, current] = await Promise.all([
        listEvaluationSettings(app.db, city),
        effectiveEvaluationSettings(app.db, city, today),
      ]);
      const latestVersion = versions[0]?.version ?? 0;
      reply.header('etag', etagOf(latestVersion));
      return {
        city,
        current: toView(current),
        latestVersion,
        versions: versions.map(toView),
        indicators: indicatorList,
      };
    },
  );

  app.put(
    '/cities/:city/evaluation-settings',
    {
      config: { access: admins },
      schema: {
        tags,
        summary:
          "Sets a city's indicator weights and grade bands from a date (a new version; If-Match: the latest version)",
        params: cityParams,
        headers: ifMatchHeaders,
        body: z.object({
          effectiveFrom: z.iso.date().describe("The city's local date the settings apply from"),
          weights: evaluationConfigSchema.shape.weights,
          grades: evaluationConfigSchema.shape.grades,
          volumeBands: volumeBandsConfigSchema.optional().describe('Default: those of the latest version'),
        }),
        response: { 200: settingsView },
      },
    },
    async (request, reply) => {
      const { actor, record } = changeRecorder(request);
      const city = await administeredCity(actor, request.params.city, app.reference);
      const { effectiveFrom, weights, grades, volumeBands } = request.body;
      const latest = (await listEvaluationSettings(app.db, city))[0] ?? null;
      const created = await addEvaluationSettings(app.db, record, {
        city,
        effectiveFrom,
        config: { weights, grades, volumeBands: volumeBands ?? toView(latest).config.volumeBands },
        createdBy: actor.username,
        ...expectedVersionOf(request),
      });
      reply.header('etag', etagOf(created.version));
      return toView(created);
    },
  );
};
