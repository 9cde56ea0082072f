import type { ServiceRegistration } from '@urbangrid/platform';
import { supervisionRoutes } from './supervision-routes.js';

/** The supervision service (监督 — checks, closing, timeliness and evaluation reports). */
export const supervisionService: ServiceRegistration = {
  name: 'supervision',
  prefix: '/api/supervision',
  plugin: supervisionRoutes,
};
