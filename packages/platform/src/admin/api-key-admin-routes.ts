/**
 * `/api/admin/api-keys` (接口密钥管理) for admins: create a key for an integration (the secret is in
 * this answer and nowhere else), list the keys without secrets and with their last use, revoke one
 * (refused from its next request on, in every process), change its rate per minute (counted from its
 * next request on, in every process). A city's admin manages their city's keys,
 * a region admin every city's.
 */

import type { ApiKeyRecord } from '@urbangrid/db';
import { listApiKeys } from '@urbangrid/db';
import { cityCodeString } from '@urbangrid/domain';
import { z } from 'zod';
import { userOf } from '../auth/actor.js';
import { apiKeyScopes, type RouteAccess } from '../auth/route-access.js';
import { validationFailed } from '../errors.js';
import type { ServicePlugin } from '../service-plugin.js';
import { changeRecorder, etagOf, expectedVersionOf, ifMatchHeaders } from './admin-changes.js';
import { administeredCity, citiesOf } from './admin-scope.js';
import { apiKeySources, changeApiKeyRate, createApiKey, revokeApiKey } from './api-key-admin.js';

const admins: RouteAccess = { roles: ['admin'] };
const tags = ['admin'];
const cityCode = cityCodeString;

const apiKeyView = z
  .object({
    id: z.string(),
    name: z.string(),
    city: z.string(),
    source: z.string(),
    scopes: z.array(z.string()),
    rateLimitPerMinute: z.number().int(),
    createdAt: z.string(),
    /** To the minute; null when never used. */
    lastUsedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
    version: z.number().int().describe('The ETag an edit names in If-Match'),
  })
  .meta({ id: 'ApiKey' });

const toView = (key: ApiKeyRecord): z.infer<typeof apiKeyView> => ({
  id: key.id,
  name: key.name,
  city: key.city,
  source: key.source,
  scopes: key.scopes,
  rateLimitPerMinute: key.rateLimitPerMinute,
  createdAt: key.createdAt.toISOString(),
  lastUsedAt: key.lastUsedAt?.toISOString() ?? null,
  revokedAt: key.revokedAt?.toISOString() ?? null,
  version: key.version,
});

const rateLimitPerMinute = z.number().int().min(1).max(100_000);

export const apiKeyAdminRoutes: ServicePlugin = async (app) => {
  app.post(
    '/api-keys',
    {
      config: { access: admins },
      schema: {
        tags,
        summary: 'Creates an API key for an integration; the key is in this answer only (stored hashed)',
        body: z
          .object({
            name: z.string().trim().min(1).max(100),
            source: z.enum(apiKeySources).describe('The source its reports carry'),
            scopes: z
              .array(z.enum(apiKeyScopes))
              .min(1)
              .max(apiKeyScopes.length)
              .refine((scopes) => new Set(scopes).size === scopes.length, 'a scope is listed twice'),
            rateLimitPerMinute,
            city: cityCode.optional().describe("The key's city; default the admin's own"),
          })
          .refine((body) => body.scopes.includes('police110') === (body.source === 'police110'), {
            message: "the scope 'police110' belongs to a key of source 'police110', and such a key holds it",
            path: ['scopes'],
          }),
        response: {
          201: apiKeyView.extend({
            key: z.string(),
            signingSecret: z
              .string()
              .optional()
              .describe(
                'A 110 key only: the secret its requests are signed with (X-Urbangrid-Signature), shown once',
              ),
          }),
        },
      },
    },
    async (request, reply) => {
      const { actor, record } = changeRecorder(request);
      const city = request.body.city ?? actor.city;
      if (city === null) {
        const message = 'a region admin names the city of the key';
        throw validationFailed(message, [{ in: 'body', path: 'city', message }]);
      }
      await administeredCity(actor, city, app.reference);
      const {
        key,
        record: created,
        signingSecret,
      } = await createApiKey(app.db, record, {
        ...request.body,
        city,
        webhookSecret: app.config.webhookSecret,
      });
      return reply.code(201).send({ ...toView(created), key, signingSecret });
    },
  );

  app.get(
    '/api-keys',
    {
      config: { access: admins },
      schema: {
        tags,
        summary: "The API keys of the admin's city (or of every city), without secrets, with their last use",
        querystring: z.object({ city: cityCode.optional() }),
        response: { 200: z.object({ items: z.array(apiKeyView) }) },
      },
    },
    async (request) => {
      const actor = userOf(request);
      const { city } = request.query;
      if (city !== undefined) await administeredCity(actor, city, app.reference);
      const keys = await listApiKeys(app.db, city !== undefined ? [city] : citiesOf(actor));
      return { items: keys.map(toView) };
    },
  );

  app.patch(
    '/api-keys/:id',
    {
      config: { access: admins },
      schema: {
        tags,
        summary: "Changes a key's rate per minute: its next requests, in every process, count against it",
        description:
          'If-Match names the version the admin saw (409 when stale); a revoked key takes no change (409). ' +
          'Recorded in the admin audit log with the rate before and after.',
        params: z.object({ id: z.string().min(1).max(100) }),
        headers: ifMatchHeaders,
        body: z.object({ rateLimitPerMinute }),
        response: { 200: apiKeyView },
      },
    },
    async (request, reply) => {
      const { actor, record } = changeRecorder(request);
      const changed = await changeApiKeyRate(app.db, record, {
        id: request.params.id,
        cities: citiesOf(actor),
        rateLimitPerMinute: request.body.rateLimitPerMinute,
        ...expectedVersionOf(request),
      });
      reply.header('etag', etagOf(changed.version));
      return toView(changed);
    },
  );

  app.post(
    '/api-keys/:id/revoke',
    {
      config: { access: admins },
      schema: {
        tags,
        summary: 'Revokes an API key: every process refuses it (401) from its next request on',
        params: z.object({ id: z.string().min(1).max(100) }),
        response: { 200: apiKeyView },
      },
    },
    async (request) => {
      const { actor, record } = changeRecorder(request);
      const revoked = await revokeApiKey(app.db, record, { id: request.params.id, cities: citiesOf(actor) });
      return toView(revoked);
    },
  );
};
