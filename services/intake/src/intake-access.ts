import { type Actor, type Allowed, httpError } from '@urbangrid/platform';

/** The API key scope that lets an integration report and upload photos. */
export const reportCreateScope = 'report:create';

/** Staff who register reports (受理) and the officers who report from the street. */
export const reporters: Allowed = {
  roles: ['intake_operator', 'grid_officer'],
  scopes: [reportCreateScope],
};

/** Everyone who may attach or look at photos: staff of every role, and reporting integrations. */
export const photoUsers: Allowed = {
  roles: [
    'grid_officer',
    'intake_operator',
    'shift_lead',
    'dispatcher',
    'department_handler',
    'supervisor',
    'region_supervisor',
    'admin',
  ],
  scopes: [reportCreateScope],
};

/** The city an actor reports in; region-level staff belong to none and cannot report. */
export function reportingCity(actor: Actor): string {
  if (actor.city === null) throw httpError('FORBIDDEN', 'reports belong to a city; your account has none');
  return actor.city;
}
