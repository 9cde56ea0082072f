/**
 * Prometheus metrics (prom-client). One registry per app, so several apps in one process (tests,
 * the all-in-one start) never collide; the engine registers its gauges (queue depths, oldest
 * pending outbox row) on the same `Metrics` through `registerGauge`.
 */

import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { collectDefaultMetrics, Gauge, type GaugeConfiguration, Histogram, Registry } from 'prom-client';
import { UnauthenticatedError } from '../errors.js';

export interface Metrics {
  readonly registry: Registry;
  readonly httpRequestDuration: Histogram<'method' | 'route' | 'status_code'>;
  /**
   * A gauge on this registry, typically with a `collect` that reads its value at scrape time. Asking
   * again for a name already registered returns the existing gauge.
   */
  registerGauge<L extends string>(config: Omit<GaugeConfiguration<L>, 'registers'>): Gauge<L>;
}

declare module 'fastify' {
  interface FastifyInstance {
    metrics: Metrics;
  }
}

export function createMetrics(options: { defaultMetrics?: boolean } = {}): Metrics {
  const registry = new Registry();
  if (options.defaultMetrics ?? true) collectDefaultMetrics({ register: registry });
  const httpRequestDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration by route pattern and status',
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  return {
    registry,
    httpRequestDuration,
    registerGauge<L extends string>(config: Omit<GaugeConfiguration<L>, 'registers'>): Gauge<L> {
      const existing = registry.getSingleMetric(config.name);
      if (existing instanceof Gauge) return existing as Gauge<L>;
      return new Gauge<L>({ ...config, registers: [registry] });
    },
  };
}

/** Times every request and serves `GET /metrics` in the Prometheus text format. */
export const httpMetrics = fp(
  async (app: FastifyInstance, options: { metrics: Metrics }) => {
    const { metrics } = options;
    app.decorate('metrics', metrics);
    app.addHook('onResponse', async (request, reply) => {
      // The route pattern, never the raw URL: ids in paths would make a series per case.
      const route = request.routeOptions.url ?? 'unmatched';
      metrics.httpRequestDuration.observe(
        { method: request.method, route, status_code: String(reply.statusCode) },
        reply.elapsedTime / 1000,
      );
    });
    // Its own token, not a caller's (see below): public to the route check.
    app.get('/metrics', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) => {
      // With METRICS_TOKEN set, only a scraper that sends it reads the figures.
      const expected = app.config.METRICS_TOKEN;
      if (expected !== undefined && !sameSecret(request.headers.authorization ?? '', `Bearer ${expected}`))
        throw new UnauthenticatedError('/metrics wants Authorization: Bearer <METRICS_TOKEN>');
      const body = await metrics.registry.metrics();
      return reply.type(metrics.registry.contentType).send(body);
    });
  },
  { name: 'urbangrid-metrics' },
);

/** Compares two secrets in constant time (their hashes, so lengths reveal nothing). */
function sameSecret(given: string, expected: string): boolean {
  const digest = (v: string) => createHash('sha256').update(v).digest();
  return timingSafeEqual(digest(given), digest(expected));
}
