/**
 * Rate limits (@fastify/rate-limit, counters in Redis so every process shares them), one named
 * group per kind of route (login has its own throttle: auth/login-throttle.ts). Public and Open311
 * routes attach a named group with `routeRateLimit`:
 *
 *   app.get('/cases/:caseNo', { config: { rateLimit: routeRateLimit(app, 'public') } }, handler)
 *
 * Requests made with an API key count against the key's own limit per minute (`apiKeyRateLimit`,
 * set by the admin for each key: a video-analytics feed needs more than a public app).
 *
 * When Redis does not answer, requests go through (skipOnError): Redis holds work in flight, and
 * its outage must not take reporting down with it.
 */
import { createHash } from 'node:crypto';
import fastifyRateLimit, { type RateLimitOptions } from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { apiKeyHeader } from './auth/api-keys.js';
import { RateLimitedError } from './errors.js';

export interface RateLimitSetting {
  max: number;
  /** Milliseconds. */
  timeWindow: number;
}

export const defaultRateLimits = {
  /** Public lookups (/api/public/*) per IP. */
  public: { max: 60, timeWindow: 60_000 },
  /** Open311 reads per IP. */
  open311Read: { max: 120, timeWindow: 60_000 },
  /**
   * Open311 POST requests without a valid api_key, per IP (a request with one counts against its
   * key's own rate per minute).
   */
  open311Write: { max: 30, timeWindow: 60_000 },
} satisfies Record<string, RateLimitSetting>;

export type RateLimitGroup = keyof typeof defaultRateLimits;
export type RateLimitSettings = Record<RateLimitGroup, RateLimitSetting>;

declare module 'fastify' {
  interface FastifyInstance {
    rateLimitSettings: RateLimitSettings;
  }
}

const shortHash = (value: string) => createHash('sha256').update(value).digest('hex').slice(0, 16);

/** Who a group's counter belongs to: the API key when one is sent, otherwise the client IP. */
function callerKey(request: FastifyRequest): string {
  const key = request.headers[apiKeyHeader];
  return typeof key === 'string' ? `key:${shortHash(key)}` : `ip:${request.ip}`;
}

/** Route config (`config.rateLimit`) for a named group. */
export function routeRateLimit(app: FastifyInstance, group: RateLimitGroup): RateLimitOptions {
  const { max, timeWindow } = app.rateLimitSettings[group];
  return { max, timeWindow, keyGenerator: (request) => `${group}:${callerKey(request)}` };
}

/**
 * Route config for the routes an integration reports through: each API key may make its own
 * `rateLimitPerMinute` requests a minute (counted per key, in every process together, read from the
 * key's grant on every request so an admin's new rate counts from the next one); callers without a
 * key (staff) are not counted — unless `withoutKey` names a limit for them, counted per IP (Open311,
 * whose key is in the body: `hook: 'preValidation'`, after the body was read and its key looked up).
 */
export function apiKeyRateLimit(
  options: { hook?: 'onRequest' | 'preValidation'; withoutKey?: RateLimitSetting & { group: string } } = {},
): RateLimitOptions {
  const keyOf = (request: FastifyRequest) =>
    request.actor?.kind === 'integration' ? request.actor : undefined;
  const { withoutKey } = options;
  return {
    ...(options.hook === undefined ? {} : { hook: options.hook }),
    timeWindow: (request) =>
      keyOf(request) === undefined && withoutKey !== undefined ? withoutKey.timeWindow : 60_000,
    max: (request) => keyOf(request)?.rateLimitPerMinute ?? withoutKey?.max ?? 1,
    keyGenerator: (request) => {
      const key = keyOf(request);
      if (key !== undefined) return `api-key:${key.keyId}`;
      return withoutKey === undefined
        ? `api-key:${callerKey(request)}`
        : `${withoutKey.group}:ip:${request.ip}`;
    },
    ...(withoutKey === undefined ? { allowList: (request) => keyOf(request) === undefined } : {}),
  };
}

export const rateLimits = fp(
  async (app: FastifyInstance, options: { settings?: Partial<RateLimitSettings> }) => {
    app.decorate('rateLimitSettings', { ...defaultRateLimits, ...options.settings });
    await app.register(fastifyRateLimit, {
      // Only routes that name a group are limited.
      global: false,
      redis: app.redis,
      nameSpace: `${app.config.QUEUE_PREFIX}:rate-limit:`,
      skipOnError: true,
      errorResponseBuilder: (_request, context) =>
        new RateLimitedError(`rate limit of ${context.max} exceeded, retry in ${context.after}`),
    });
  },
  { name: 'urbangrid-rate-limits', dependencies: ['urbangrid-infrastructure'] },
);
