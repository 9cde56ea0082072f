import type { EngineContext } from '@urbangrid/engine';
import type { ServiceRegistration } from '@urbangrid/platform';
import { intakeRoutes } from './intake-routes.js';

export interface IntakeServiceDeps {
  engine: EngineContext;
}

/** The intake service (受理 — hotline, app, public and Open311 reports). */
export function intakeService(_deps: IntakeServiceDeps): ServiceRegistration {
  return {
    name: 'intake',
    prefix: '/api/intake',
    plugin: intakeRoutes,
  };
}
