import type { ServiceRegistration } from '@urbangrid/platform';
import type { SupervisionServiceDeps } from './deps.js';
import { supervisionRoutes } from './supervision-routes.js';

export { type AnchorRun, anchorFinishedDays } from './audit/anchor-days.js';
export type { AnchorSource } from './audit/anchor-listing.js';
export { startAnchorScheduler } from './audit/anchor-queue.js';
export { anchorSourceOf, auditKeysOf, startDailyAnchors } from './audit/audit-keys-of-process.js';
export { startDailyWork } from './daily-work.js';
export type { SupervisionServiceDeps } from './deps.js';
export { startPublicationScheduler } from './publication/publication-queue.js';
export { publishFinishedDays } from './publication/publish-days.js';
export { eraseExpiredReporterData } from './retention/erase-reporter-data.js';
export {
  reporterErasureSchedulerId,
  startReporterErasureScheduler,
} from './retention/reporter-erasure-queue.js';

/**
 * The supervision service (监督 — checks, closing, timeliness and evaluation reports, rankings, audit)
 * under /api/supervision, and the region platform's plan targets and ranking under /api/region.
 */
export function supervisionService(deps: SupervisionServiceDeps): ServiceRegistration {
  return { name: 'supervision', prefix: '/api', plugin: supervisionRoutes(deps) };
}
