/**
 * Grid administration (网格管理): an import is planned (@urbangrid/geo planGridImport: checks, and
 * what is added, changed and retired) and, when asked and nothing blocks it, applied as the city's
 * next grid version in one transaction with its audit entry. Cases keep the grid code they were
 * filed with: a retired grid keeps its row (its validity ends), a re-cut one keeps its former shape
 * in grid_history. The caller publishes the change, so every process's locator swaps the new layer
 * in within seconds.
 */
import {
  applyGridVersion,
  type CityGridRow,
  type Db,
  type DbOrTx,
  independentReads,
  latestGridVersion,
  listCityCommunities,
  listCityGrids,
  lockCityGrids,
} from '@urbangrid/db';
import {
  type GridImportPlan,
  type GridImportProblem,
  type PolygonLike,
  planGridImport,
} from '@urbangrid/geo';
import { sql } from 'drizzle-orm';
import { ValidationFailedError, VersionConflictError, withProblemExtensions } from '../errors.js';
import type { RecordChange } from './calendar-admin.js';

export interface GridImportReport {
  city: string;
  /** The city's grid version after this call (the one a preview was made on, for If-Match). */
  version: number;
  applied: boolean;
  /** When applied: the date the new version is valid from. */
  validFrom: string | null;
  added: number;
  changed: number;
  retired: number;
  unchanged: number;
  codes: { added: string[]; changed: string[]; retired: string[] };
  problems: GridImportProblem[];
}

const asPolygon = (geometry: unknown) => geometry as PolygonLike;

async function planFor(db: DbOrTx, city: string, features: readonly unknown[]): Promise<GridImportPlan> {
  const [existing, communities] = await independentReads(db, [
    () => listCityGrids(db, city),
    () => listCityCommunities(db, city),
  ]);
  return planGridImport({
    features,
    existing: existing.map((row: CityGridRow) => ({ ...row, polygon: asPolygon(row.geometry) })),
    communities: communities.map((row) => ({
      code: row.code,
      name: row.name,
      streetCode: row.streetCode,
      polygon: row.geometry === null ? null : asPolygon(row.geometry),
    })),
  });
}

function reportOf(
  city: string,
  version: number,
  plan: GridImportPlan,
  validFrom: string | null,
): GridImportReport {
  return {
    city,
    version,
    applied: validFrom !== null,
    validFrom,
    added: plan.added.length,
    changed: plan.changed.length,
    retired: plan.retired.length,
    unchanged: plan.unchanged,
    codes: { added: plan.added, changed: plan.changed, retired: plan.retired },
    problems: plan.problems,
  };
}

/** What importing `features` would do to the city's grids; nothing is written. */
export async function previewGridImport(
  db: Db,
  city: string,
  features: readonly unknown[],
): Promise<GridImportReport> {
  const [plan, latest] = await Promise.all([planFor(db, city, features), latestGridVersion(db, city)]);
  return reportOf(city, latest?.version ?? 0, plan, null);
}

/**
 * Applies `features` as the city's next grid version; 400 with the problems when any blocks it, 409
 * when `expectedVersion` (the version the preview was made on) is no longer the latest.
 */
export async function applyGridImport(
  db: Db,
  record: RecordChange,
  request: { city: string; features: readonly unknown[]; expectedVersion?: number; appliedBy: string },
): Promise<GridImportReport> {
  const { city } = request;
  return db.transaction(async (tx) => {
    await lockCityGrids(tx, city);
    const latest = await latestGridVersion(tx, city);
    const current = latest?.version ?? 0;
    if (request.expectedVersion !== undefined && request.expectedVersion !== current) {
      throw withProblemExtensions(
        new VersionConflictError(
          `the grids of city ${city} are at version ${current} now; the preview was made on ${request.expectedVersion}`,
        ),
        { currentVersion: current },
      );
    }
    const plan = await planFor(tx, city, request.features);
    if (plan.blocked) {
      const errors = plan.problems.filter((problem) => problem.severity === 'error');
      throw withProblemExtensions(
        new ValidationFailedError(`the file has ${errors.length} problem(s); nothing was applied`),
        {
          problems: plan.problems,
        },
      );
    }
    if (plan.added.length + plan.changed.length + plan.retired.length === 0)
      return reportOf(city, current, plan, null);

    // The date validity is compared with (listValidGrids: valid_to > current_date), so the old
    // grids stop and the new ones start at once.
    const [today] = (await tx.execute<{ today: string }>(sql`select current_date::text as today`)).rows;
    const validFrom = today?.today ?? new Date().toISOString().slice(0, 10);
    const version = current + 1;
    const writing = new Set([...plan.added, ...plan.changed]);
    const existingCodes = new Set((await listCityGrids(tx, city)).map((row) => row.code));
    await applyGridVersion(tx, {
      city,
      version,
      validFrom,
      appliedBy: request.appliedBy,
      write: plan.grids
        .filter((grid) => writing.has(grid.code))
        .map((grid) => ({ ...grid, geometry: grid.polygon })),
      replaced: [...writing].filter((code) => existingCodes.has(code)),
      retired: plan.retired,
      counts: {
        added: plan.added.length,
        changed: plan.changed.length,
        retired: plan.retired.length,
        total: plan.grids.length,
      },
    });
    await record(tx, {
      city,
      entity: 'grids',
      entityKey: `${city}:v${version}`,
      action: 'apply',
      before: { version: current, total: plan.changed.length + plan.retired.length + plan.unchanged },
      after: {
        version,
        validFrom,
        total: plan.grids.length,
        added: plan.added,
        changed: plan.changed,
        retired: plan.retired,
      },
    });
    return reportOf(city, version, plan, validFrom);
  });
}
