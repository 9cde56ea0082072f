/**
 * Who may call a route, declared once in its own config (`config.access`) and enforced for every
 * route by the authentication plugin before the body is read: staff by role, integrations by the
 * scopes of their API key. A route that declares nothing cannot be registered (the app fails at
 * start), so a new route is never open, or open to keys, by omission. The whole-table test
 * (test/security/route-access.test.ts) reads these declarations from fastify and checks every
 * role and key kind against them.
 */
import type { FastifyRequest } from 'fastify';
import { ForbiddenError } from '../errors.js';
import type { Actor } from './actor.js';
import { type Role, roles } from './roles.js';

/**
 * What an integration's key may be granted. A reporting key holds `report:create` (report, attach
 * photos) and `report:read` (the status of the reports it made itself); the 110 police desk's key
 * (source `police110`) holds `police110`: its signed hand-overs of calls and status updates.
 */
export const apiKeyScopes = ['report:create', 'report:read', 'police110'] as const;
export type ApiKeyScope = (typeof apiKeyScopes)[number];

export interface Allowed {
  /** Staff holding any of these roles. */
  readonly roles?: readonly Role[];
  /** Integrations whose key holds any of these scopes. */
  readonly scopes?: readonly ApiKeyScope[];
  /**
   * The key arrives in this body or query field instead of the X-Api-Key header (Open311's
   * `api_key`): the route authenticates it itself once the body is read, against this declaration.
   */
  readonly apiKeyField?: string;
}

/** `'public'`: no caller needed (sign-in, health, public tracking, Open311 reads). */
export type RouteAccess = 'public' | Allowed;

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may call this route (see auth/route-access.ts); every route declares it. */
    access?: RouteAccess;
  }
}

/** Every member of staff, whatever their role; API keys are refused. */
export const staffOnly: Allowed = { roles };

/** Whether `actor` passes `allowed`: a role for staff, a scope for keys. */
export function isAllowed(actor: Actor, allowed: Allowed): boolean {
  if (actor.kind === 'user') return actor.roles.some((role) => allowed.roles?.includes(role) ?? false);
  return actor.scopes.some((scope) => (allowed.scopes as readonly string[] | undefined)?.includes(scope));
}

function describe(allowed: Allowed): string {
  const parts = [
    allowed.roles?.length ? `role ${allowed.roles.join(' or ')}` : undefined,
    allowed.scopes?.length ? `API key scope ${allowed.scopes.join(' or ')}` : undefined,
  ].filter(Boolean);
  return parts.length ? `this needs ${parts.join(', or ')}` : 'nobody may do this';
}

/** 403 FORBIDDEN unless `actor` passes `allowed`. */
export function checkAllowed(actor: Actor, allowed: Allowed): void {
  if (!isAllowed(actor, allowed)) throw new ForbiddenError(describe(allowed));
}

/** The access the matched route declares; undefined when no route matched (404). */
export function accessOf(request: FastifyRequest): RouteAccess | undefined {
  return request.routeOptions.config?.access;
}

/**
 * Checks a route's declaration as it is registered: throws for a route that declares none.
 * Swagger UI's own routes (/docs) are the documentation anyone may read, and the built console's
 * files (@fastify/static's routes, which carry the file's `rootPath`) the page anyone may load, and
 * the CORS preflight anyone's browser may send.
 */
export function requireDeclaredAccess(route: {
  url: string;
  method: string | string[];
  config?: { access?: RouteAccess; rootPath?: unknown };
}): void {
  if (route.config?.access !== undefined) return;
  const staticFile = route.config?.rootPath !== undefined;
  // @fastify/cors's catch-all for preflights: it answers CORS headers (where allowed) and nothing else.
  const corsPreflight = route.method === 'OPTIONS' && route.url === '*';
  if (staticFile || corsPreflight || route.url === '/docs' || route.url.startsWith('/docs/')) {
    route.config = { ...route.config, access: 'public' };
    return;
  }
  throw new Error(
    `route ${[route.method].flat().join(',')} ${route.url} declares no config.access (auth/route-access.ts)`,
  );
}
