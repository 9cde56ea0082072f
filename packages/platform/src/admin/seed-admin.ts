/**
 * The admin changes the demo seed makes, through the same functions as the admin API: cities with
 * their calendars and evaluation settings, their areas, and the integration keys. Entries in the
 * admin audit log name the actor `seed`.
 */
import type { AdminChange, Tx } from '@urbangrid/db';
import { recordAdminChange } from '@urbangrid/db';
import type { RecordChange } from './calendar-admin.js';

export { type ApiKeySource, apiKeySources, createApiKey, type NewApiKey } from './api-key-admin.js';
export {
  type CategoryInput,
  createCatalogueVersion,
  type NewCatalogueVersion,
  saveServiceQuestions,
} from './catalogue-admin.js';
export {
  type CalendarSpec,
  createArea,
  createCity,
  type NewArea,
  type NewCity,
  standardCalendars,
} from './city-admin.js';
export { createDepartment, type NewDepartment } from './department-admin.js';
export { addEvaluationSettings } from './evaluation-admin.js';

/** Records an entry as made by the seed (no account, no request). */
export const recordSeedChange: RecordChange = (
  tx: Tx,
  entry: Omit<AdminChange, 'actorId' | 'actorUsername'>,
) => recordAdminChange(tx, { ...entry, actorId: 'seed', actorUsername: 'seed' });
export { importMatrixRows, type MatrixRow } from './matrix-admin.js';
export {
  addRegionTargets,
  type RegionIndicatorView,
  regionIndicatorView,
  toRegionIndicatorView,
} from './region-target-admin.js';
