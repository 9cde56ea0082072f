/**
 * Authentication of every `/api` route except login, refresh and `/api/public/*`: a bearer access
 * token (staff) or an `X-Api-Key` header (integrations). The WebSocket upgrade of the live hub may
 * carry the token as `?token=`, because browsers cannot set headers on it; no other route accepts
 * a token in the URL, where logs and proxies would keep it.
 */
import type { UserIdentity } from '@urbangrid/db';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { PasswordChangeRequiredError, UnauthenticatedError } from '../errors.js';
import type { Actor, UserActor } from './actor.js';
import { apiKeyHeader, findIntegrationActor } from './api-keys.js';
import { isRole } from './roles.js';
import { verifyToken } from './tokens.js';

const openPaths = new Set(['/api/auth/login', '/api/auth/refresh']);
/** All an account that must change its password may do. */
const passwordChangePaths = new Set(['/api/auth/password', '/api/auth/logout']);

/** Whether a route (its pattern, or the raw path when no route matched) needs a caller. */
export function requiresAuthentication(path: string): boolean {
  if (path !== '/api' && !path.startsWith('/api/')) return false;
  if (openPaths.has(path)) return false;
  return !(path === '/api/public' || path.startsWith('/api/public/'));
}

export function toUserActor(identity: UserIdentity, sessionId?: string): UserActor {
  return {
    ...(sessionId === undefined ? {} : { sessionId }),
    mustChangePassword: identity.mustChangePassword,
    kind: 'user',
    id: identity.id,
    username: identity.username,
    displayName: identity.displayName,
    // A role name the code does not know grants nothing.
    roles: identity.roles.filter(isRole),
    city: identity.city,
    departmentId: identity.departmentId,
    areaCode: identity.areaCode,
    gridCodes: identity.gridCodes,
  };
}

/** The user an access token stands for, while its session is open and the account active. */
export async function userFromAccessToken(app: FastifyInstance, token: string): Promise<UserActor> {
  const claims = verifyToken(app, token, 'access');
  const identity = await app.sessions.identity(claims.sid);
  if (!identity || identity.id !== claims.sub) throw new UnauthenticatedError('the session has ended');
  return toUserActor(identity, claims.sid);
}

function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match?.[1]) throw new UnauthenticatedError('the Authorization header must be "Bearer <token>"');
  return match[1];
}

function upgradeToken(request: FastifyRequest): string | undefined {
  if (request.headers.upgrade?.toLowerCase() !== 'websocket') return undefined;
  const query = request.url.split('?')[1];
  return query === undefined ? undefined : (new URLSearchParams(query).get('token') ?? undefined);
}

/** Who is calling, or 401. */
export async function authenticate(request: FastifyRequest): Promise<Actor> {
  const token = bearerToken(request) ?? upgradeToken(request);
  if (token !== undefined) return userFromAccessToken(request.server, token);
  const key = request.headers[apiKeyHeader];
  if (typeof key === 'string') {
    const integration = await findIntegrationActor(request.server.db, key);
    if (!integration) throw new UnauthenticatedError('the API key is not valid');
    return integration;
  }
  throw new UnauthenticatedError('a valid token or API key is required');
}

/** The onRequest hook that sets `request.actor` on protected routes. */
export const authentication = fp(
  async (app: FastifyInstance) => {
    app.decorateRequest('actor', null);
    app.addHook('onRequest', async (request) => {
      const path = request.routeOptions.url ?? request.url.split('?')[0] ?? '';
      if (!requiresAuthentication(path)) return;
      const actor = await authenticate(request);
      request.actor = actor;
      if (actor.kind === 'user' && actor.mustChangePassword && !passwordChangePaths.has(path)) {
        throw new PasswordChangeRequiredError(
          'your password was set by an administrator: change it (POST /api/auth/password) before anything else',
        );
      }
    });
  },
  {
    name: 'urbangrid-authentication',
    dependencies: ['urbangrid-infrastructure', 'urbangrid-tokens', 'urbangrid-sessions'],
  },
);
