import type { ServicePlugin, ServiceRegistration } from '@urbangrid/platform';
import type { DispatchServiceDeps } from './deps.js';
import { dispatchRoutes } from './dispatch-routes.js';
import { dutyRoutes } from './duty-routes.js';
import { officerRoutes } from './officer-routes.js';
import { queueRoutes } from './queue-routes.js';

export type { DispatchServiceDeps } from './deps.js';

/** The dispatch service (派遣 — verification, filing, dispatch, approvals, duty, work queues). */
export function dispatchService(deps: DispatchServiceDeps): ServiceRegistration {
  const plugin: ServicePlugin = async (app) => {
    await app.register(dispatchRoutes(deps));
    await app.register(queueRoutes(deps));
    await app.register(dutyRoutes(deps));
    await app.register(officerRoutes(deps));
  };
  return { name: 'dispatch', prefix: '/api/dispatch', plugin };
}
