/**
 * Authentication and access of every route that is not public (its `config.access`, see
 * route-access.ts): a bearer access token (staff) or an `X-Api-Key` header (integrations), then
 * the route's declared roles and scopes, before the body is read. The WebSocket upgrade of the live hub may
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
import { accessOf, checkAllowed } from './route-access.js';
import { verifyToken } from './tokens.js';

/** All an account that must change its password may do. */
const passwordChangePaths = new Set(['/api/auth/password', '/api/auth/logout']);

/** Whether a path no route matched is under /api, where an unknown route answers 401 to no caller. */
function isApiPath(path: string): boolean {
  return path === '/api' || path.startsWith('/api/');
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
      const access = accessOf(request);
      if (access === undefined) {
        // No route matched: under /api that is still a 401 to no caller, so probing learns nothing.
        if (isApiPath(request.url.split('?')[0] ?? '')) request.actor = await authenticate(request);
        return;
      }
      // Public, or the key comes in the body (Open311) and the route checks it there.
      if (access === 'public' || access.apiKeyField !== undefined) return;
      const actor = await authenticate(request);
      request.actor = actor;
      const path = request.routeOptions.url ?? '';
      if (actor.kind === 'user' && actor.mustChangePassword && !passwordChangePaths.has(path)) {
        throw new PasswordChangeRequiredError(
          'your password was set by an administrator: change it (POST /api/auth/password) before anything else',
        );
      }
      checkAllowed(actor, access);
    });
  },
  {
    name: 'urbangrid-authentication',
    dependencies: ['urbangrid-infrastructure', 'urbangrid-tokens', 'urbangrid-sessions'],
  },
);
