/**
 * Jurisdiction (管辖范围): which cases an actor may see, as a `CaseScope` that case repositories
 * require and the live hub applies. A case outside the scope is answered 404, never with its
 * contents, so a caller cannot even learn that it exists.
 */
import type { CaseScope } from '@urbangrid/db';
import type { Actor, UserActor } from '../auth/actor.js';
import type { Role } from '../auth/roles.js';

const nothing: CaseScope = { kind: 'nothing' };

/** What one role sees, for this user. */
function scopeOfRole(user: UserActor, role: Role): CaseScope {
  if (role === 'region_supervisor') return { kind: 'everything' };
  if (user.city === null) return nothing;
  switch (role) {
    case 'supervisor':
      return user.areaCode === null
        ? { kind: 'city', city: user.city }
        : { kind: 'district', city: user.city, districtCode: user.areaCode };
    case 'admin':
    case 'intake_operator':
    case 'shift_lead':
    case 'dispatcher':
      return { kind: 'city', city: user.city };
    case 'department_handler':
      return user.departmentId === null ? nothing : { kind: 'department', departmentId: user.departmentId };
    case 'grid_officer':
      return { kind: 'officer', username: user.username, gridCodes: user.gridCodes };
    case 'region_inspector':
      // Their findings' outcomes are the round's results (GET /api/region/inspections/…), not case views.
      return nothing;
  }
}

/** Several roles see the union; `everything` and the whole city absorb the narrower ones. */
function union(scopes: CaseScope[]): CaseScope {
  const seen = scopes.filter((s) => s.kind !== 'nothing');
  if (seen.length === 0) return nothing;
  const everything = seen.find((s) => s.kind === 'everything');
  if (everything) return everything;
  const city = seen.find((s) => s.kind === 'city');
  if (city) return city;
  return seen.length === 1 && seen[0] ? seen[0] : { kind: 'union', scopes: seen };
}

/**
 * The cases `actor` may see. An integration sees none: a reporting key reads back only the
 * status of its own reports (intake's `GET /api/intake/reports/:id`), never case views.
 *
 * With `acting`, the cases they may see as one of those roles only: a route open to some roles
 * acts on the cases of the roles that let the caller in, not on what another role of theirs sees
 * (a city supervisor who is also the region's supervisor issues 督办 on the city's route for the
 * city's cases; any other city's goes through the region's desk, which records the order).
 */
export function caseScopeOf(actor: Actor, acting?: readonly Role[]): CaseScope {
  if (actor.kind === 'integration') return nothing;
  const roles = acting === undefined ? actor.roles : actor.roles.filter((role) => acting.includes(role));
  return union(roles.map((role) => scopeOfRole(actor, role)));
}
