import { type Actor, type Allowed, httpError, roles } from '@urbangrid/platform';

/**
 * Staff who register reports (受理), the officers who report from the street, and reporting keys.
 * A key does nothing else but read the status of its own reports (`reportStatusReaders`).
 */
export const reporters: Allowed = {
  roles: ['intake_operator', 'grid_officer'],
  scopes: ['report:create'],
};

/** Who may attach photos: staff of every role, and reporting keys (for the reports they make). */
export const photoUploaders: Allowed = { roles, scopes: ['report:create'] };

/** Staff who look up places and possible duplicates while registering or filing a report. */
export const intakeDesk: Allowed = { roles: ['intake_operator', 'grid_officer', 'shift_lead'] };

/** A reporting key reading the status of the reports it made itself (and nobody else's). */
export const reportStatusReaders: Allowed = { scopes: ['report:read'] };

/** The city an actor reports in; region-level staff belong to none and cannot report. */
export function reportingCity(actor: Actor): string {
  if (actor.city === null) throw httpError('FORBIDDEN', 'reports belong to a city; your account has none');
  return actor.city;
}

/** The city a photo is stored in: the uploader's own, or the one region-level staff name. */
export function photoCity(actor: Actor, named: string | undefined): string {
  if (actor.city === null && named !== undefined) return named;
  const own = reportingCity(actor);
  if (named !== undefined && named !== own)
    throw httpError('FORBIDDEN', `your photos are evidence in city ${own}, not ${named}`);
  return own;
}
