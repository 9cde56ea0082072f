import type { Actor as DomainActor } from '@urbangrid/domain';
import type { FastifyRequest } from 'fastify';
import { ForbiddenError, UnauthenticatedError } from '../errors.js';
import type { Role } from './roles.js';

/** A signed-in member of staff and where they act (domain.md §2). */
export interface UserActor {
  readonly kind: 'user';
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  readonly roles: readonly Role[];
  /** Null only for region-level staff (region_supervisor). */
  readonly city: string | null;
  /** A department handler's department. */
  readonly departmentId: string | null;
  /** A district supervisor's district. */
  readonly areaCode: string | null;
  /** A grid officer's grids. */
  readonly gridCodes: readonly string[];
  /** The session (user_sessions) the caller's token belongs to; absent for actors made in tests. */
  readonly sessionId?: string;
  /** An account made or reset by an admin: nothing but the password change until it is changed. */
  readonly mustChangePassword?: boolean;
}

/** An outside system holding an API key (hotline platform, Open311 app, video analytics). */
export interface IntegrationActor {
  readonly kind: 'integration';
  readonly keyId: string;
  readonly name: string;
  readonly city: string;
  readonly scopes: readonly string[];
  /** The `source` its reports carry (hotline, public, video). */
  readonly source: string;
  /** Requests per minute the key may make to the routes that count them (reports). */
  readonly rateLimitPerMinute: number;
}

export type Actor = UserActor | IntegrationActor;

declare module 'fastify' {
  interface FastifyRequest {
    /** Who is calling; set by authentication on every protected route, null on public ones. */
    actor: Actor | null;
  }
}

/** The caller of a protected route (401 when there is none, which authentication already prevents). */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new UnauthenticatedError('a valid token or API key is required');
  return request.actor;
}

/** The signed-in person; integrations get 403 on routes meant for staff. */
export function userOf(request: FastifyRequest): UserActor {
  const actor = actorOf(request);
  if (actor.kind !== 'user') throw new ForbiddenError('this route is for staff accounts, not API keys');
  return actor;
}

/** The actor as packages/domain's lifecycle rules see it (guards compare usernames and departments). */
export function toDomainActor(actor: Actor): DomainActor {
  if (actor.kind === 'integration') return { kind: 'integration', name: actor.name };
  return {
    kind: 'user',
    username: actor.username,
    roles: actor.roles,
    departmentIds: actor.departmentId === null ? [] : [actor.departmentId],
  };
}
