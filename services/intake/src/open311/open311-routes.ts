/**
 * Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2) under /open311/v2: discovery,
 * services, service definitions, requests (GET and POST), one request, tokens and FixMyStreet's
 * servicerequestupdates, each as .json and .xml, and the public photos their media_url name. Errors here are the spec's, not problem+json: `[{code, description}]` or
 * `<errors><error>`, with 400 for bad arguments, 403 for a missing or invalid api_key and 404 for
 * an unknown jurisdiction, service, request or token.
 */
import fastifyMultipart from '@fastify/multipart';
import {
  type Allowed,
  apiKeyRateLimit,
  authenticateWithApiKey,
  httpError,
  type IntegrationActor,
  isAllowed,
  problemOf,
  retryAfterSeconds,
  routeRateLimit,
  type ServicePlugin,
} from '@urbangrid/platform';
import type { FastifyError, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { reporters } from '../intake-access.js';
import type { IntakeContext } from '../intake-context.js';
import { formatOfUrl, open311Formats, sendErrors, sendList, sendObject } from './open311-format.js';
import { type Open311Base, publicPhotoBytes } from './open311-photos.js';
import {
  attributeOf,
  cityQuestions,
  cityServices,
  createServiceRequest,
  findServiceRequest,
  findServiceRequests,
  findToken,
  jurisdiction,
  open311Spec,
  publishedSources,
  serviceOf,
} from './open311-service.js';
import { findServiceRequestUpdates } from './open311-updates.js';
import { open311Date, pagingQuery } from './open311-window.js';

/**
 * Our error codes as GeoReport v2 answers them: the spec knows 400, 403 and 404 (and a server's
 * 5xx). What the rest of the API answers 409, 413, 415 or 429 is a 400 here, its own number kept
 * as the error's `code` (with Retry-After when the rate limit was hit), so a client still tells
 * "slow down" from "fix the request".
 */
const open311Status: Record<string, { status: number; code?: number }> = {
  VALIDATION_FAILED: { status: 400 },
  OUTSIDE_GRID: { status: 400 },
  CITY_RETIRED: { status: 400 },
  AREA_RETIRED: { status: 400 },
  UNAUTHENTICATED: { status: 403 },
  FORBIDDEN: { status: 403 },
  NOT_FOUND: { status: 404 },
  IDEMPOTENCY_KEY_REUSED: { status: 400, code: 409 },
  CONFLICT: { status: 400, code: 409 },
  PAYLOAD_TOO_LARGE: { status: 400, code: 413 },
  UNSUPPORTED_MEDIA_TYPE: { status: 400, code: 415 },
  RATE_LIMITED: { status: 400, code: 429 },
  SERVICE_UNAVAILABLE: { status: 503 },
};

const format = z.enum(open311Formats);

/** Keys that may report, with the key in the spec's `api_key` field rather than a header. */
const open311Reporters: Allowed = { scopes: reporters.scopes, apiKeyField: 'api_key' };
const blankIsAbsent = (value: unknown) => (value === '' ? undefined : value);
const optionalText = (max: number) =>
  z.preprocess(blankIsAbsent, z.string().trim().min(1).max(max).optional());
const optionalNumber = (min: number, max: number) =>
  z.preprocess(blankIsAbsent, z.coerce.number().min(min).max(max).optional());
const commaList = (max: number) =>
  z.preprocess(
    blankIsAbsent,
    z
      .string()
      .max(4000)
      .transform((v) =>
        v
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
      )
      .pipe(z.array(z.string().min(1).max(64)).min(1).max(max))
      .optional(),
  );
const jurisdictionId = optionalText(16);

const postBody = z.preprocess(
  (value) => value ?? {},
  z.looseObject({
    api_key: optionalText(512),
    jurisdiction_id: jurisdictionId,
    service_code: optionalText(32),
    lat: optionalNumber(-90, 90),
    long: optionalNumber(-180, 180),
    address_string: optionalText(300),
    address_id: optionalText(64),
    email: optionalText(200),
    device_id: optionalText(200),
    account_id: optionalText(200),
    first_name: optionalText(100),
    last_name: optionalText(100),
    phone: z.preprocess(
      blankIsAbsent,
      z
        .string()
        .trim()
        .regex(/^\+?[0-9][0-9 ()-]{2,24}$/)
        .optional(),
    ),
    description: optionalText(4000),
    media_url: z.preprocess(
      blankIsAbsent,
      z
        .url({ protocol: /^https?$/ })
        .max(2000)
        .optional(),
    ),
  }),
);

const discoveryChangeset = '2026-11-25T00:00:00+08:00';

export function open311Routes(ctx: IntakeContext): ServicePlugin {
  return async (app) => {
    // A report with its photo: multipart/form-data, the fields as values and the one file part
    // (any field name, `media` as apps send it) as its bytes, stored like any report's photo.
    await app.register(fastifyMultipart, {
      attachFieldsToBody: 'keyValues',
      limits: {
        fileSize: ctx.settings.media.maxBytes,
        files: 1,
        fields: 30,
        parts: 31,
        fieldSize: 16 * 1024,
      },
      throwFileSizeLimit: true,
    });
    // GeoReport v2 clients POST application/x-www-form-urlencoded; repeated keys keep the last value,
    // except a multivaluelist's `attribute[code][]`, which keeps them all.
    app.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string' },
      (_request, body, done) => {
        const fields: Record<string, string | string[]> = {};
        for (const [key, value] of new URLSearchParams(String(body))) {
          const earlier = fields[key];
          fields[key] = key.endsWith('[]') ? [...(Array.isArray(earlier) ? earlier : []), value] : value;
        }
        done(null, fields);
      },
    );

    app.setErrorHandler((error: FastifyError, request, reply) => {
      const problem = problemOf(error);
      const fmt = formatOfUrl(request.url);
      if (problem === null) {
        request.log.error({ err: error }, 'unhandled error');
        return sendErrors(reply, fmt, 500, 'an unexpected error occurred; it has been logged');
      }
      const { status, code } = open311Status[problem.code] ?? { status: 400 };
      if (status === 503) reply.header('retry-after', String(retryAfterSeconds));
      return sendErrors(reply, fmt, status, problem.detail, code);
    });
    app.setNotFoundHandler((request, reply) => {
      sendErrors(reply, formatOfUrl(request.url), 404, `no resource ${request.url.split('?')[0] ?? ''}`);
    });

    // Reads are public (what they show is public by policy); POST authenticates its api_key itself.
    const read = { access: 'public' as const, rateLimit: routeRateLimit(app, 'open311Read') };
    const tags = ['open311'];

    app.get(
      '/discovery.:format',
      {
        config: read,
        schema: {
          tags,
          summary: 'Service discovery: the GeoReport v2 endpoint and its formats',
          params: z.object({ format }),
        },
      },
      async (request, reply) => {
        const url = endpointUrl(request);
        const contact = 'Urban management command centre (城市管理指挥中心), hotline 12319';
        const keyService = 'API keys are issued by the city’s urban management command centre';
        const endpoint = {
          specification: open311Spec,
          url,
          changeset: discoveryChangeset,
          type: 'production',
        };
        const formats = ['text/xml', 'application/json'];
        const common = { changeset: discoveryChangeset, contact, key_service: keyService };
        if (request.params.format === 'json') {
          return sendObject(reply, 'json', 'discovery', { ...common, endpoints: [{ ...endpoint, formats }] });
        }
        return sendObject(reply, 'xml', 'discovery', {
          ...common,
          endpoints: { endpoint: [{ ...endpoint, formats: { format: formats } }] },
        });
      },
    );

    app.get(
      '/services.:format',
      {
        config: read,
        schema: {
          tags,
          summary: 'GET Service List: the categories of a jurisdiction (city) as Open311 services',
          params: z.object({ format }),
          querystring: z.object({ jurisdiction_id: jurisdictionId }),
        },
      },
      async (request, reply) => {
        const city = await jurisdiction(ctx, request.query.jurisdiction_id);
        const asked = await cityQuestions(ctx, city);
        const services = (await cityServices(ctx, city)).map((c) => serviceOf(c, asked.has(c.code)));
        return sendList(reply, request.params.format, { root: 'services', item: 'service' }, services);
      },
    );

    app.get(
      '/services/:service_code.:format',
      {
        config: read,
        schema: {
          tags,
          summary:
            'GET Service Definition: the questions (attributes) a service with metadata true asks, as the city’s admin set them',
          description:
            'Each attribute: variable, code, datatype (string, number, datetime, text, singlevaluelist, ' +
            'multivaluelist), required, datatype_description, order, description and, for a list, values ' +
            '[{key, name}]. A POST answers them as attribute[code]=key (attribute[code][]= for each of a ' +
            'multivaluelist); a missing required one or a value not among the keys is a 400.',
          params: z.object({ service_code: z.string().min(1).max(32), format }),
          querystring: z.object({ jurisdiction_id: jurisdictionId }),
        },
      },
      async (request, reply) => {
        const city = await jurisdiction(ctx, request.query.jurisdiction_id);
        const code = request.params.service_code;
        const service = (await cityServices(ctx, city)).find((c) => c.code === code);
        if (!service) return sendErrors(reply, request.params.format, 404, `service_code ${code} not found`);
        const attributes = ((await cityQuestions(ctx, city, [code])).get(code) ?? []).map(attributeOf);
        if (request.params.format === 'json') {
          return sendObject(reply, 'json', 'service_definition', { service_code: code, attributes });
        }
        // XML: <attributes><attribute>…<values><value><key/><name/></value></values></attribute></attributes>
        return sendObject(reply, 'xml', 'service_definition', {
          service_code: code,
          attributes:
            attributes.length === 0
              ? ''
              : {
                  attribute: attributes.map(({ values, ...attribute }) =>
                    values === undefined ? attribute : { ...attribute, values: { value: values } },
                  ),
                },
        });
      },
    );

    app.get(
      '/requests.:format',
      {
        config: read,
        schema: {
          tags,
          summary:
            'GET Service Requests: by ids, or by service codes, dates (at most 90 days; default the last 90) and status, a page at a time',
          params: z.object({ format }),
          querystring: z.object({
            jurisdiction_id: jurisdictionId,
            service_request_id: commaList(100),
            service_code: commaList(100),
            start_date: open311Date,
            end_date: open311Date,
            status: z.preprocess(
              blankIsAbsent,
              z
                .string()
                .max(100)
                .transform((v) => v.split(',').map((s) => s.trim()))
                .pipe(z.array(z.enum(['open', 'closed'])).min(1))
                .optional(),
            ),
            ...pagingQuery,
          }),
        },
      },
      async (request, reply) => {
        const q = request.query;
        const city = await jurisdiction(ctx, q.jurisdiction_id);
        const items = await findServiceRequests(ctx, baseOf(request, city), {
          city,
          serviceRequestIds: q.service_request_id,
          serviceCodes: q.service_code,
          startDate: q.start_date,
          endDate: q.end_date,
          statuses: q.status,
          page_size: q.page_size,
          page: q.page,
        });
        return sendList(reply, request.params.format, { root: 'service_requests', item: 'request' }, items);
      },
    );

    app.get(
      '/requests/:service_request_id.:format',
      {
        config: read,
        schema: {
          tags,
          summary: 'GET Service Request: one request by its id (the case number)',
          params: z.object({ service_request_id: z.string().min(1).max(64), format }),
          querystring: z.object({ jurisdiction_id: jurisdictionId }),
        },
      },
      async (request, reply) => {
        const city = await jurisdiction(ctx, request.query.jurisdiction_id);
        const item = await findServiceRequest(ctx, baseOf(request, city), request.params.service_request_id);
        return sendList(reply, request.params.format, { root: 'service_requests', item: 'request' }, [item]);
      },
    );

    app.get(
      '/servicerequestupdates.:format',
      {
        config: read,
        schema: {
          tags,
          summary:
            'GET Service Request Updates (FixMyStreet extension): state changes of requests, oldest first',
          description:
            'Each update: update_id, service_request_id, status (open|closed), updated_datetime, a ' +
            'public description of the state and the media_url of the step’s public photo. ' +
            '`updated_after`/`updated_before` leave the instant itself out; `start_date`/`end_date` ' +
            'keep it. At most 90 days (default the last 90), a page at a time.',
          params: z.object({ format }),
          querystring: z.object({
            jurisdiction_id: jurisdictionId,
            start_date: open311Date,
            end_date: open311Date,
            updated_after: open311Date,
            updated_before: open311Date,
            ...pagingQuery,
          }),
        },
      },
      async (request, reply) => {
        const q = request.query;
        const city = await jurisdiction(ctx, q.jurisdiction_id);
        const updates = await findServiceRequestUpdates(ctx, baseOf(request, city), {
          startDate: q.start_date,
          endDate: q.end_date,
          updatedAfter: q.updated_after,
          updatedBefore: q.updated_before,
          page_size: q.page_size,
          page: q.page,
        });
        return sendList(
          reply,
          request.params.format,
          { root: 'service_request_updates', item: 'request_update' },
          updates,
        );
      },
    );

    app.get(
      '/media/:media_id',
      {
        config: read,
        schema: {
          tags,
          summary: 'A public photo of a request or update (its media_url), without its metadata',
          params: z.object({ media_id: z.string().min(1).max(64) }),
          querystring: z.object({ jurisdiction_id: jurisdictionId }),
          produces: ['image/jpeg', 'image/png', 'image/webp'],
        },
      },
      async (request, reply) => {
        const city = await jurisdiction(ctx, request.query.jurisdiction_id);
        const sources = await publishedSources(ctx, city);
        const photo = await publicPhotoBytes(ctx, city, request.params.media_id, sources);
        return (
          reply
            .type(photo.contentType)
            .header('cache-control', 'public, max-age=3600')
            .header('x-content-type-options', 'nosniff')
            // Apps show it in an <img> on their own pages.
            .header('cross-origin-resource-policy', 'cross-origin')
            .send(photo.bytes)
        );
      },
    );

    app.get(
      '/tokens/:token.:format',
      {
        config: read,
        schema: {
          tags,
          summary: 'GET service_request_id from a token',
          params: z.object({ token: z.string().min(1).max(64), format }),
          querystring: z.object({ jurisdiction_id: jurisdictionId }),
        },
      },
      async (request, reply) => {
        const city = await jurisdiction(ctx, request.query.jurisdiction_id);
        const item = await findToken(ctx, city, request.params.token);
        return sendList(reply, request.params.format, { root: 'service_requests', item: 'request' }, [item]);
      },
    );

    app.post(
      '/requests.:format',
      {
        config: {
          access: open311Reporters,
          // Counted per api_key, at the key's own rate per minute (the same key under any header or
          // address); a request without a valid key per IP. The key is in the body, so after it is read.
          rateLimit: apiKeyRateLimit({
            hook: 'preValidation',
            withoutKey: { group: 'open311Write', ...app.rateLimitSettings.open311Write },
          }),
        },
        preValidation: async (request) => {
          const key = postedApiKey(request);
          if (key !== undefined) await authenticateWithApiKey(request, key).catch(() => undefined);
        },
        schema: {
          tags,
          summary:
            'POST Service Request: report a problem with an api_key (form-encoded, as the spec says, or multipart with a photo)',
          description:
            'A multipart/form-data body may carry one photo (JPEG, PNG or WebP, any field name) with the ' +
            'fields: it is stored like any report photo (only once the request is valid) and comes back ' +
            'as the request’s media_url. The answers to the service’s questions are attribute[code]=… ' +
            '(400 when a required one is missing or a value is not among a list’s keys); staff see them ' +
            'on the case. Requests count against the api_key’s own rate per minute (a 400 with code 429 ' +
            'beyond it).',
          consumes: ['application/x-www-form-urlencoded', 'multipart/form-data', 'application/json'],
          params: z.object({ format }),
          querystring: z.looseObject({ api_key: optionalText(512) }),
          body: postBody,
        },
      },
      async (request, reply) => {
        const actor = open311Caller(request, request.body.api_key ?? request.query.api_key);
        const asked = request.body.jurisdiction_id;
        if (asked !== undefined && asked !== actor.city) {
          // The key is tied to its city: it may not report anywhere else.
          return sendErrors(
            reply,
            request.params.format,
            403,
            `this api_key may not post to jurisdiction_id ${asked}`,
          );
        }
        const idempotencyKey = request.headers['idempotency-key'];
        const photos = Object.values(request.body).filter((value) => Buffer.isBuffer(value));
        const created = await createServiceRequest(
          ctx,
          actor,
          { ...request.body, photo: photos[0], attributes: postedAttributes(request.body) },
          typeof idempotencyKey === 'string' && idempotencyKey.length > 0 && idempotencyKey.length <= 200
            ? idempotencyKey
            : undefined,
        );
        return sendList(
          reply,
          request.params.format,
          { root: 'service_requests', item: 'request' },
          [created],
          201,
        );
      },
    );
  };
}

/** This endpoint's URL as the client reached it (`https://host/open311/v2`). */
function endpointUrl(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}/open311/v2`;
}

function baseOf(request: FastifyRequest, city: string): Open311Base {
  return { url: endpointUrl(request), city };
}

/** The api_key of a POST as sent (body, else query), before the body is validated. */
function postedApiKey(request: FastifyRequest): string | undefined {
  const field = (source: unknown) => {
    const value = (source as Record<string, unknown> | null | undefined)?.api_key;
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
  };
  return field(request.body) ?? field(request.query);
}

/**
 * The answers posted to a service's questions: `attribute[code]` fields (a multivaluelist's as
 * `attribute[code][]`, repeated), or a JSON body's `attribute` object.
 */
function postedAttributes(body: Record<string, unknown>): Map<string, string | string[]> {
  const answers = new Map<string, string | string[]>();
  const keep = (code: string, value: unknown) => {
    if (typeof value === 'string' || typeof value === 'number') answers.set(code, String(value));
    else if (Array.isArray(value))
      answers.set(
        code,
        value.filter((v) => typeof v === 'string'),
      );
  };
  const nested = body.attribute;
  if (nested !== null && typeof nested === 'object' && !Array.isArray(nested))
    for (const [code, value] of Object.entries(nested)) keep(code, value);
  for (const [field, value] of Object.entries(body)) {
    const code = /^attribute\[([^\]]{1,64})\](\[\])?$/.exec(field)?.[1];
    if (code !== undefined) keep(code, value);
  }
  return answers;
}

/**
 * The integration the api_key belongs to, looked up before the rate limit counted it; 403 (the
 * spec's status) when it is missing, unknown or may not report.
 */
function open311Caller(request: FastifyRequest, key: string | undefined): IntegrationActor {
  if (key === undefined) throw httpError('FORBIDDEN', 'api_key was not provided');
  const actor = request.actor;
  if (actor?.kind !== 'integration') throw httpError('FORBIDDEN', 'api_key is not valid');
  if (!isAllowed(actor, open311Reporters)) throw httpError('FORBIDDEN', 'this api_key may not post requests');
  return actor;
}
