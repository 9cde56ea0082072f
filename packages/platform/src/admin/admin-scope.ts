/**
 * Who administers what (系统管理员): a city's admin manages their own city, a region admin (an admin
 * account without a city) every city. The audit log is read by admins and supervisors of the same
 * reach.
 */
import type { Role } from '@urbangrid/domain';
import { MissingReferenceError, type ReferenceData } from '@urbangrid/reference';
import type { UserActor } from '../auth/actor.js';
import { ForbiddenError, NotFoundError } from '../errors.js';

/** Roles that may read (and export) the admin audit log. */
export const auditReaderRoles: readonly Role[] = ['admin', 'supervisor', 'region_supervisor'];

/** The cities whose data `actor` may administer or read: one, or `all` for region staff. */
export function citiesOf(actor: UserActor): readonly string[] | 'all' {
  return actor.city === null ? 'all' : [actor.city];
}

/** What is the region's (its cities, its plan's targets): a city's admin may not. */
export function requireRegionAdmin(actor: UserActor, what: string): void {
  if (actor.city !== null) throw new ForbiddenError(`only a region admin (without a city) ${what}`);
}

/** The cities a log read covers: the one asked for, if the reader reaches it (else 403), or all they reach. */
export function readableCities(
  actor: UserActor,
  asked: string | undefined,
  what: string,
): readonly string[] | 'all' {
  const reach = citiesOf(actor);
  if (asked !== undefined && reach !== 'all' && !reach.includes(asked)) {
    throw new ForbiddenError(`you may read the ${what} of city ${reach.join(', ')}, not ${asked}`);
  }
  return asked !== undefined ? [asked] : reach;
}

/** The city named in the path, when the admin may manage it and it exists; else 403 or 404. */
export async function administeredCity(
  actor: UserActor,
  city: string,
  reference: ReferenceData,
): Promise<string> {
  if (actor.city !== null && actor.city !== city) {
    throw new ForbiddenError(`you administer city ${actor.city}, not ${city}`);
  }
  try {
    await reference.city(city);
  } catch (error) {
    if (error instanceof MissingReferenceError) throw new NotFoundError(`city ${city} does not exist`);
    throw error;
  }
  return city;
}
