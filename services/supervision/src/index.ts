import type { EngineContext } from '@urbangrid/engine';
import type { ServiceRegistration } from '@urbangrid/platform';
import { supervisionRoutes } from './supervision-routes.js';

export interface SupervisionServiceDeps {
  engine: EngineContext;
}

/** The supervision service (监督 — checks, closing, timeliness and evaluation reports). */
export function supervisionService(_deps: SupervisionServiceDeps): ServiceRegistration {
  return {
    name: 'supervision',
    prefix: '/api/supervision',
    plugin: supervisionRoutes,
  };
}
