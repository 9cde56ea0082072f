/**
 * The app factory every process uses: one fastify instance with the zod type provider, the shared
 * infrastructure decorators, problem+json errors, authentication, rate limits, metrics, OpenAPI,
 * health, the auth routes and the live hub, and each service encapsulated under its prefix.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import fastifyWebsocket from '@fastify/websocket';
import type { Db } from '@urbangrid/db';
import type { HumanCommandType } from '@urbangrid/domain';
import { liveChannel } from '@urbangrid/live';
import type { RedisClient } from '@urbangrid/redis';
import { createReferenceData, followReferenceChanges, type ReferenceData } from '@urbangrid/reference';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type HTTPMethods,
  LogController,
  type RawServerDefault,
} from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Logger } from 'pino';
import { adminRoutes } from './admin/admin-routes.js';
import { authentication } from './auth/authenticate.js';
import type { LoginThrottleSettings } from './auth/login-throttle.js';
import { warmUpPasswordDecoy } from './auth/passwords.js';
import { type RouteAccess, requireDeclaredAccess } from './auth/route-access.js';
import { authRoutes } from './auth/routes.js';
import { type SessionsOptions, sessions } from './auth/sessions.js';
import { tokens } from './auth/tokens.js';
import { caseRoutes } from './cases/case-routes.js';
import type { Config } from './config.js';
import { docs } from './docs.js';
import { draining } from './draining.js';
import { healthRoutes } from './health.js';
import { httpHardening } from './http-hardening.js';
import { infrastructure } from './infrastructure.js';
import { frameworkErrorProblem, inputGuards } from './input-guards.js';
import { liveHub } from './live/hub.js';
import { noticeRoutes } from './notices/notice-routes.js';
import { registerCalendarCoverageGauges } from './observability/calendar-coverage.js';
import { createLogger, withRedaction } from './observability/logger.js';
import { createMetrics, httpMetrics, type Metrics } from './observability/metrics.js';
import { registerOpenCasesGauge } from './observability/open-cases.js';
import { requestIdEcho, requestIdOf } from './observability/request-id.js';
import { phoneAccessLogging } from './personal-data/phone-access.js';
import { problemDetails } from './problem-details.js';
import { type RateLimitSettings, rateLimits } from './rate-limits.js';
import { deploymentBaseMap } from './reference/base-map.js';
import { calendarHealthDetails } from './reference/calendar-health.js';
import { mapLayerRoutes } from './reference/map-layer-routes.js';
import { referenceRoutes } from './reference/reference-routes.js';
import type { ServiceRegistration } from './service-plugin.js';

export type App = FastifyInstance<
  RawServerDefault,
  IncomingMessage,
  ServerResponse,
  FastifyBaseLogger,
  ZodTypeProvider
>;

export interface BuildAppOptions {
  config: Config;
  db: Db;
  /** Where the reports read now (the replica while it answers); default `db`. */
  reportsDb?: () => Db;
  redis: RedisClient;
  /** Any pino logger; redaction and safe serializers are added to it. Default: `createLogger(config)`. */
  logger?: Logger;
  services?: readonly ServiceRegistration[];
  /** Serve the live hub (`/api/live`); default true. */
  live?: boolean;
  /** A registry shared with the engine's gauges; default a fresh one. */
  metrics?: Metrics;
  /** How sessions are cached (tests shorten the TTL). */
  sessions?: SessionsOptions;
  /** Override limits (tests lower them). */
  rateLimits?: Partial<RateLimitSettings>;
  /** Override the login throttle's waits and limits (tests lower them). */
  loginThrottle?: Partial<LoginThrottleSettings>;
  /** How long /health waits for each of PostgreSQL and Redis; default 2 s. */
  healthTimeoutMs?: number;
  /**
   * The process's reference data, shared with its engine (processEngine().reference). Without it
   * the app makes its own and follows the changes announced on the live channel itself.
   */
  reference?: ReferenceData;
  /** The business clock of the calendar alarm (health details, gauges); tests move it. */
  now?: () => Date;
}

export interface RouteSummary {
  method: HTTPMethods;
  url: string;
  websocket: boolean;
  /** The route's input schemas as declared (zod), for tests that derive requests from them. */
  schema: { body?: unknown; querystring?: unknown; params?: unknown };
  /** The lifecycle command a command route issues (its `config.command`). */
  command?: HumanCommandType;
  /** Who may call it (its `config.access`): every route declares it. */
  access: RouteAccess;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route registered on the app (for fuzzing and role matrices in tests). */
    registeredRoutes: RouteSummary[];
    /** The process's reference data (grids, calendars, catalogue, …), shared by every service. */
    reference: ReferenceData;
  }
}

export async function buildApp(options: BuildAppOptions): Promise<App> {
  const { config } = options;
  const app = Fastify<RawServerDefault, IncomingMessage, ServerResponse, FastifyBaseLogger>({
    loggerInstance: withRedaction(options.logger ?? createLogger(config)),
    genReqId: requestIdOf,
    requestIdHeader: false,
    logController: new LogController({ requestIdLogLabel: 'requestId' }),
    bodyLimit: config.BODY_LIMIT_BYTES,
    // request.ip (login throttling, rate limits) reads X-Forwarded-For only from the proxies named.
    trustProxy: config.TRUST_PROXY,
    frameworkErrors: frameworkErrorProblem,
    // While closing, `draining` answers problem+json with Retry-After instead.
    return503OnClosing: false,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const routes: RouteSummary[] = [];
  app.decorate('registeredRoutes', routes);
  app.addHook('onRoute', (route) => {
    requireDeclaredAccess(route);
    const access = route.config?.access ?? 'public';
    for (const method of [route.method].flat()) {
      if (method === 'HEAD') continue;
      const { body, querystring, params } = route.schema ?? {};
      const schema = { body, querystring, params };
      const command = route.config?.command;
      routes.push({
        method,
        url: route.url,
        websocket: route.websocket === true,
        schema,
        access,
        ...(command ? { command } : {}),
      });
    }
  });

  await app.register(infrastructure, {
    config,
    db: options.db,
    reportsDb: options.reportsDb,
    redis: options.redis,
  });
  await app.register(problemDetails);
  await app.register(draining);
  await app.register(httpHardening, {
    imgSources: config.CSP_IMG_SOURCES,
    connectSources: config.CSP_CONNECT_SOURCES,
  });
  await app.register(inputGuards);
  await app.register(requestIdEcho);
  const reference = options.reference ?? ownReference(app, options);
  app.decorate('reference', reference);
  const now = options.now ?? (() => new Date());
  const metrics = options.metrics ?? createMetrics();
  await app.register(httpMetrics, { metrics });
  registerOpenCasesGauge(metrics, options.db);
  registerCalendarCoverageGauges(metrics, reference, now);
  await app.register(docs);
  await app.register(tokens, { config });
  await app.register(sessions, options.sessions ?? {});
  await app.register(rateLimits, { settings: options.rateLimits });
  await app.register(fastifyWebsocket, { options: { maxPayload: 64 * 1024 } });
  await app.register(authentication);
  await app.register(phoneAccessLogging);

  await app.register(healthRoutes, {
    timeoutMs: options.healthTimeoutMs,
    details: [calendarHealthDetails(reference, now)],
  });
  await app.register(authRoutes, { prefix: '/api/auth', throttle: options.loginThrottle });
  if (options.live ?? true) await app.register(liveHub);
  await app.register(caseRoutes);
  await app.register(noticeRoutes);
  await app.register(referenceRoutes(reference), { prefix: '/api' });
  await app.register(mapLayerRoutes(deploymentBaseMap(config)), { prefix: '/api' });
  await app.register(adminRoutes, { prefix: '/api/admin' });
  for (const service of options.services ?? []) {
    await app.register(service.plugin, { prefix: service.prefix });
  }

  // The first failed login must not pay for (and reveal) the decoy hash's computation.
  await warmUpPasswordDecoy();
  return app;
}

/** Reference data of the app's own, kept current by the announcements on the live channel. */
function ownReference(app: App, options: BuildAppOptions): ReferenceData {
  const reference = createReferenceData({ db: options.db });
  const channel = liveChannel(options.config.QUEUE_PREFIX);
  const follower = followReferenceChanges(reference, options.redis.duplicate(), channel, app.log);
  app.addHook('onClose', () => follower.stop());
  return reference;
}
