import type { ServiceRegistration } from '@urbangrid/platform';
import { intakeRoutes } from './intake-routes.js';

/** The intake service (受理 — hotline, app, public and Open311 reports). */
export const intakeService: ServiceRegistration = {
  name: 'intake',
  prefix: '/api/intake',
  plugin: intakeRoutes,
};
