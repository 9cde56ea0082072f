/**
 * Security headers and CORS, for every answer of the app, in one place.
 *
 * - @fastify/helmet: a Content-Security-Policy the console passes (its scripts, styles, fonts and
 *   images are its own files; photos are previewed as blob: and data: images; the live board's
 *   WebSocket is the same origin), no framing, no sniffing, no referrer across origins. A city's
 *   base map from a tile server is allowed by naming it in CSP_IMG_SOURCES (tiles as images) or
 *   CSP_CONNECT_SOURCES (fetched tiles). Swagger UI (/docs) sends a policy of its own.
 * - @fastify/cors: Open311 (`/open311/…`: its reads, and its POST, which authenticates with the
 *   `api_key` it carries, never a cookie) may be called from any origin, preflight included, without
 *   credentials — browser apps are Open311 clients too; every other route sends no CORS headers, so
 *   a browser keeps other sites' pages from reading it (the console is served from the same origin
 *   and needs none).
 */
import fastifyCors from '@fastify/cors';
import fastifyHelmet from '@fastify/helmet';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';

export interface ContentSecurityOptions {
  /** Extra image sources (e.g. a base map's tile server). */
  imgSources?: readonly string[];
  /** Extra sources the console may fetch from. */
  connectSources?: readonly string[];
}

/** The Content-Security-Policy's directives (helmet's form). */
export function contentSecurityDirectives(options: ContentSecurityOptions = {}): Record<string, string[]> {
  return {
    defaultSrc: ["'self'"],
    baseUri: ["'self'"],
    objectSrc: ["'none'"],
    frameAncestors: ["'none'"],
    formAction: ["'self'"],
    scriptSrc: ["'self'"],
    scriptSrcAttr: ["'none'"],
    styleSrc: ["'self'"],
    fontSrc: ["'self'", 'data:'],
    imgSrc: ["'self'", 'data:', 'blob:', ...(options.imgSources ?? [])],
    connectSrc: ["'self'", ...(options.connectSources ?? [])],
    workerSrc: ["'self'"],
    manifestSrc: ["'self'"],
  };
}

/** The methods of Open311 that other origins may use. */
const open311Methods = ['GET', 'HEAD', 'POST'];

/** Whether a request is an Open311 call (or the browser's preflight for one). */
export function isOpen311Call(request: FastifyRequest): boolean {
  if (!request.url.startsWith('/open311/')) return false;
  const method =
    request.method === 'OPTIONS' ? request.headers['access-control-request-method'] : request.method;
  return typeof method === 'string' && open311Methods.includes(method);
}

export const httpHardening = fp(
  async (app: FastifyInstance, options: ContentSecurityOptions) => {
    await app.register(fastifyHelmet, {
      contentSecurityPolicy: { useDefaults: false, directives: contentSecurityDirectives(options) },
      // The console and the API are one origin; nothing of ours is meant to be embedded elsewhere.
      crossOriginResourcePolicy: { policy: 'same-origin' },
      referrerPolicy: { policy: 'same-origin' },
    });
    await app.register(fastifyCors, {
      delegator: (request, callback) => {
        const open = isOpen311Call(request as FastifyRequest);
        callback(
          null,
          open
            ? {
                origin: '*',
                methods: open311Methods,
                allowedHeaders: ['Content-Type', 'Idempotency-Key'],
                exposedHeaders: ['Retry-After'],
                credentials: false,
                maxAge: 86_400,
              }
            : { origin: false },
        );
      },
    });
  },
  { name: 'urbangrid-http-hardening' },
);
