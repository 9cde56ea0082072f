import type { ServicePlugin, ServiceRegistration } from '@urbangrid/platform';
import type { HandlingServiceDeps } from './deps.js';
import { handlingRoutes } from './handling-routes.js';
import { queueRoutes } from './queue-routes.js';

export type { HandlingServiceDeps } from './deps.js';

/** The handling service (处置 — department work: sign, handle, feed back, return, extension, suspension). */
export function handlingService(deps: HandlingServiceDeps): ServiceRegistration {
  const plugin: ServicePlugin = async (app) => {
    await app.register(handlingRoutes(deps));
    await app.register(queueRoutes);
  };
  return { name: 'handling', prefix: '/api/handling', plugin };
}
