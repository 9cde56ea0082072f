/**
 * The OpenAPI document, generated from the zod schemas of every route (fastify-type-provider-zod),
 * with Swagger UI at `/docs` and the JSON at `/docs/json`.
 */

import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { reporterSmsWebhook } from './admin/reporter-update-docs.js';
import { caseEventWebhook, police110Webhook } from './admin/webhook-docs.js';

type OpenApiDocument = ReturnType<typeof jsonSchemaTransformObject>;

/**
 * The document with only the named schemas its routes reach. The zod provider names each
 * registered schema twice (as read, `XInput`, and as sent, `X`); most are only ever sent, and a
 * client generated from the document should not carry the other half.
 */
function withReachableSchemas(document: OpenApiDocument): OpenApiDocument {
  if (!('components' in document)) return document;
  const schemas: Record<string, unknown> = document.components?.schemas ?? {};
  const reached = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(visit);
      return;
    }
    if (typeof node !== 'object' || node === null) return;
    for (const [key, value] of Object.entries(node)) {
      const name = key === '$ref' && typeof value === 'string' ? value.split('/').pop() : undefined;
      if (name !== undefined && !reached.has(name)) {
        reached.add(name);
        visit(schemas[name]);
      } else visit(value);
    }
  };
  visit(document.paths);
  // The transform's own fresh object, trimmed in place (rebuilding it fights three OpenAPI versions' types).
  for (const name of Object.keys(schemas)) {
    if (!reached.has(name)) Reflect.deleteProperty(schemas, name);
  }
  return document;
}

export const docs = fp(
  async (app: FastifyInstance) => {
    await app.register(fastifySwagger, {
      openapi: {
        openapi: '3.1.0',
        info: {
          title: 'urbangrid',
          description:
            'Grid-based urban management (数字城管): intake, dispatch, handling, supervision. Errors are application/problem+json with a stable `code`.',
          version: '0.1.0',
        },
        components: {
          securitySchemes: {
            bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
            apiKey: { type: 'apiKey', in: 'header', name: 'X-Api-Key' },
          },
        },
        security: [{ bearerAuth: [] }],
      },
      transform: jsonSchemaTransform,
      transformObject: (document) => {
        const described = withReachableSchemas(jsonSchemaTransformObject(document));
        // The deliveries webhook subscriptions receive and the SMS adapter's requests (OpenAPI 3.1 `webhooks`).
        return {
          ...described,
          webhooks: {
            caseEvent: caseEventWebhook,
            reporterSms: reporterSmsWebhook,
            police110: police110Webhook,
          },
        } as unknown as typeof described;
      },
    });
    await app.register(fastifySwaggerUi, {
      routePrefix: '/docs',
      // Its own Content-Security-Policy (with its inline scripts' hashes) instead of the console's;
      // TLS is the gateway's business, so no upgrade of plain-HTTP requests.
      staticCSP: true,
      transformStaticCSP: (header) => header.replace(/\s*upgrade-insecure-requests;?/, ''),
    });
  },
  { name: 'urbangrid-docs' },
);
