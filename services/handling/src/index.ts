import type { ServiceRegistration } from '@urbangrid/platform';
import { handlingRoutes } from './handling-routes.js';

/** The handling service (处置 — department work). */
export const handlingService: ServiceRegistration = {
  name: 'handling',
  prefix: '/api/handling',
  plugin: handlingRoutes,
};
