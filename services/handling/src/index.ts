import type { EngineContext } from '@urbangrid/engine';
import type { ServiceRegistration } from '@urbangrid/platform';
import { handlingRoutes } from './handling-routes.js';

export interface HandlingServiceDeps {
  engine: EngineContext;
}

/** The handling service (处置 — department work). */
export function handlingService(_deps: HandlingServiceDeps): ServiceRegistration {
  return {
    name: 'handling',
    prefix: '/api/handling',
    plugin: handlingRoutes,
  };
}
