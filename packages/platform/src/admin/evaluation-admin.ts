/**
 * Evaluation settings (考评设置): a city's indicator weights (the indicators of packages/domain's
 * definitions), grade bands and volume bands, as versions effective from a local date. A new
 * version names the latest one the editor saw (409 when another came first). Days already
 * published keep the version they were published with (recorded on their publication), so a
 * ranking people have seen does not move when the settings change.
 */
import {
  type DbOrTx,
  type EvaluationSettingsRow,
  insertEvaluationSettings,
  latestEvaluationSettings,
} from '@urbangrid/db';
import { type EvaluationConfig, evaluationConfigSchema } from '@urbangrid/domain';
import { VersionConflictError } from '../errors.js';
import { checkVersion } from './admin-changes.js';
import type { RecordChange } from './calendar-admin.js';

export interface NewEvaluationSettings {
  city: string;
  /** YYYY-MM-DD, the city's local date the settings apply from. */
  effectiveFrom: string;
  config: EvaluationConfig;
  /** The latest version the editor saw (If-Match; 0 when the city had none); stale answers 409. */
  expectedVersion?: number;
  /** Who set it (the admin's username; `seed` for the demo). */
  createdBy: string;
}

/** What the audit log keeps of a version. */
const settingsState = (row: EvaluationSettingsRow | null) =>
  row === null ? null : { version: row.version, effectiveFrom: row.effectiveFrom, config: row.config };

/** Adds the city's next settings version; the stored row. */
export async function addEvaluationSettings(
  db: DbOrTx,
  record: RecordChange,
  input: NewEvaluationSettings,
): Promise<EvaluationSettingsRow> {
  const config = evaluationConfigSchema.parse(input.config);
  return db.transaction(async (tx) => {
    const before = await latestEvaluationSettings(tx, input.city);
    checkVersion(
      before?.version ?? 0,
      input.expectedVersion,
      `the evaluation settings of city ${input.city}`,
    );
    const version = (before?.version ?? 0) + 1;
    const created = await insertEvaluationSettings(tx, {
      city: input.city,
      version,
      effectiveFrom: input.effectiveFrom,
      config,
      createdBy: input.createdBy,
    });
    // Two saves on the same version: the second finds its number taken.
    if (created === null)
      throw new VersionConflictError(`the evaluation settings of city ${input.city} were changed meanwhile`);
    await record(tx, {
      city: input.city,
      entity: 'evaluation_settings',
      entityKey: `${input.city}:v${version}`,
      action: 'create',
      before: settingsState(before),
      after: settingsState(created),
    });
    return created;
  });
}
