/**
 * The region's ranking settings (排名设置) as the region admin sets them: the weights of the
 * composite score's components and the bulletin's praise and criticism rule, as versions effective
 * from a date. A new version names the latest one the editor saw (409 when another came first); a
 * published ranking keeps the version it was counted with. Each change is audited.
 */
import {
  type DbOrTx,
  insertRankingSettings,
  listRankingSettings,
  type RankingSettingsRow,
} from '@urbangrid/db';
import { type RankingConfig, rankingConfigSchema } from '@urbangrid/domain';
import { VersionConflictError } from '../errors.js';
import { checkVersion } from './admin-changes.js';
import type { RecordChange } from './calendar-admin.js';

const settingsState = (row: RankingSettingsRow | null) =>
  row === null ? null : { version: row.version, effectiveFrom: row.effectiveFrom, config: row.config };

export async function addRankingSettings(
  db: DbOrTx,
  record: RecordChange,
  input: { effectiveFrom: string; config: RankingConfig; expectedVersion?: number; createdBy: string },
): Promise<RankingSettingsRow> {
  const config = rankingConfigSchema.parse(input.config);
  return db.transaction(async (tx) => {
    const [before = null] = await listRankingSettings(tx);
    checkVersion(before?.version ?? 0, input.expectedVersion, "the region's ranking settings");
    const version = (before?.version ?? 0) + 1;
    const created = await insertRankingSettings(tx, {
      version,
      effectiveFrom: input.effectiveFrom,
      config,
      createdBy: input.createdBy,
    });
    if (created === null)
      throw new VersionConflictError("the region's ranking settings were changed meanwhile");
    await record(tx, {
      city: null,
      entity: 'region_ranking_settings',
      entityKey: `v${version}`,
      action: 'create',
      before: settingsState(before),
      after: settingsState(created),
    });
    return created;
  });
}
