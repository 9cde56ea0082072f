/**
 * Route guards (preHandler hooks) that refuse with 403 FORBIDDEN. They check the kind of caller
 * only; whether this caller may touch this case is the case scope's job (access/).
 */
import type { FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import { ForbiddenError } from '../errors.js';
import { type Actor, actorOf } from './actor.js';
import type { Role } from './roles.js';

export interface Allowed {
  /** Staff holding any of these roles. */
  roles?: readonly Role[];
  /** Integrations whose key holds any of these scopes. */
  scopes?: readonly string[];
}

export function isAllowed(actor: Actor, allowed: Allowed): boolean {
  if (actor.kind === 'user') return actor.roles.some((role) => allowed.roles?.includes(role) ?? false);
  return actor.scopes.some((scope) => allowed.scopes?.includes(scope) ?? false);
}

function describe(allowed: Allowed): string {
  const parts = [
    allowed.roles?.length ? `role ${allowed.roles.join(' or ')}` : undefined,
    allowed.scopes?.length ? `API key scope ${allowed.scopes.join(' or ')}` : undefined,
  ].filter(Boolean);
  return parts.length ? `this needs ${parts.join(', or ')}` : 'nobody may do this';
}

/** Lets through callers matching `allowed` (a role for staff, a scope for keys); 403 for the rest. */
export function allow(allowed: Allowed): preHandlerAsyncHookHandler {
  return async (request: FastifyRequest) => {
    if (!isAllowed(actorOf(request), allowed)) throw new ForbiddenError(describe(allowed));
  };
}

/** Staff with any of `roles`; API keys are refused. */
export const requireRoles = (...roles: Role[]) => allow({ roles });

/** API keys holding `scope`; staff are refused. */
export const requireScope = (scope: string) => allow({ scopes: [scope] });
