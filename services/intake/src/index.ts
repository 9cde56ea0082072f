import type { EngineContext } from '@urbangrid/engine';
import type { ServiceRegistration } from '@urbangrid/platform';
import { type IntakeSettingsOverride, intakeSettings } from './intake-context.js';
import { intakeRoutes } from './intake-routes.js';
import type { MediaStorage } from './media/media-storage.js';

export type { IntakeSettings, IntakeSettingsOverride } from './intake-context.js';
export { localDiskStorage, type MediaStorage } from './media/media-storage.js';
export { photoFlags } from './reports/photo-checks.js';

export interface IntakeServiceDeps {
  engine: EngineContext;
  /** Where photos are kept; default: local disk under config.mediaDir. */
  storage?: MediaStorage;
  /** Limits and rules (photo size, photo checks, duplicate radius and window, Open311 default city). */
  settings?: IntakeSettingsOverride;
}

/**
 * The intake service (受理 — hotline, officer, app, video and public reports; photos; address
 * search; duplicates; public tracking; Open311 GeoReport v2). Mounted at the root: its routes span
 * /api/intake, /api/public and /open311/v2.
 */
export function intakeService(deps: IntakeServiceDeps): ServiceRegistration {
  return {
    name: 'intake',
    prefix: '',
    plugin: intakeRoutes(deps, intakeSettings(deps.settings)),
  };
}
