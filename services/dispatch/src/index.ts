import type { EngineContext } from '@urbangrid/engine';
import type { ServiceRegistration } from '@urbangrid/platform';
import { dispatchRoutes } from './dispatch-routes.js';

export interface DispatchServiceDeps {
  engine: EngineContext;
}

/** The dispatch service (派遣 — verification, filing, dispatch, approvals). */
export function dispatchService(_deps: DispatchServiceDeps): ServiceRegistration {
  return {
    name: 'dispatch',
    prefix: '/api/dispatch',
    plugin: dispatchRoutes,
  };
}
