import type { ServiceRegistration } from '@urbangrid/platform';
import { dispatchRoutes } from './dispatch-routes.js';

/** The dispatch service (派遣 — verification, filing, dispatch, approvals). */
export const dispatchService: ServiceRegistration = {
  name: 'dispatch',
  prefix: '/api/dispatch',
  plugin: dispatchRoutes,
};
