/**
 * Duplicates (重复上报): several callers report the same overflowing bin. A new report is compared
 * with open cases of the same category nearby and recent; the shift lead may then reject it as a
 * duplicate of one of them, and its reporter follows the original's outcome.
 */
import {
  type CaseRow,
  caseVisibleTo,
  findCaseById,
  findOpenCasesInCells,
  findOpenCasesInCellsOfMany,
  markDuplicateOf,
  type NearbyCase,
  type NearbyCasesQuery,
} from '@urbangrid/db';
import type { CaseState } from '@urbangrid/domain';
import { applyCommand } from '@urbangrid/engine';
import { cellsWithinRadius, distanceMetres } from '@urbangrid/geo';
import { type Actor, caseScopeOf, caseStateSchema, httpError, toDomainActor } from '@urbangrid/platform';
import DataLoader from 'dataloader';
import type { IntakeContext } from '../intake-context.js';

export interface PossibleDuplicate {
  id: string;
  caseNo: string;
  state: CaseState;
  categoryCode: string;
  description: string;
  location: { lat: number; lng: number };
  distanceMeters: number;
  createdAt: string;
}

export interface DuplicateQuery {
  city: string;
  categoryCode: string;
  location: { lat: number; lng: number };
  /** The report being checked, left out of its own duplicates. */
  excludeId?: string;
  radiusMetres?: number;
  windowHours?: number;
}

/** Open cases of the same category within the radius and time window, nearest first. */
export async function findPossibleDuplicates(
  ctx: IntakeContext,
  query: DuplicateQuery,
): Promise<PossibleDuplicate[]> {
  const rules = ctx.settings.duplicates;
  const radius = query.radiusMetres ?? rules.radiusMetres;
  const hours = query.windowHours ?? rules.windowHours;
  const { lat, lng } = query.location;
  const since = new Date(ctx.engine.now().getTime() - hours * 3_600_000);
  const nearby = await nearbyCases(ctx).load({
    city: query.city,
    categoryCode: query.categoryCode,
    cells: cellsWithinRadius(lat, lng, radius),
    since,
    excludeId: query.excludeId,
    // The cells cover more than the disk; fetch enough to keep `limit` after the exact filter.
    limit: rules.limit * 5,
  });
  return nearby
    .map((row) => ({ row, distance: distanceMetres(lat, lng, row.lat, row.lng) }))
    .filter(({ distance }) => distance <= radius)
    .sort((a, b) => a.distance - b.distance)
    .slice(0, rules.limit)
    .map(({ row, distance }) => ({
      id: row.id,
      caseNo: row.caseNo,
      state: caseStateSchema.parse(row.state),
      categoryCode: row.categoryCode,
      description: row.description,
      location: { lat: row.lat, lng: row.lng },
      distanceMeters: Math.round(distance * 10) / 10,
      createdAt: row.createdAt.toISOString(),
    }));
}

const loaders = new WeakMap<IntakeContext, DataLoader<NearbyCasesQuery, NearbyCase[]>>();

/**
 * The nearby open cases of each query, the queries of one moment asked in one statement: a report
 * group's members, answered together, check their duplicates together. One query alone is asked
 * as before.
 */
function nearbyCases(ctx: IntakeContext): DataLoader<NearbyCasesQuery, NearbyCase[]> {
  let loader = loaders.get(ctx);
  if (loader === undefined) {
    loader = new DataLoader<NearbyCasesQuery, NearbyCase[]>(
      async (queries) => {
        const [only] = queries;
        if (queries.length === 1 && only !== undefined) return [await findOpenCasesInCells(ctx.db, only)];
        return findOpenCasesInCellsOfMany(ctx.db, queries);
      },
      { cache: false, maxBatchSize: 64 },
    );
    loaders.set(ctx, loader);
  }
  return loader;
}

const unfollowable = new Set(['rejected', 'cancelled']);

async function visibleCase(actor: Actor, id: string, ctx: IntakeContext): Promise<CaseRow> {
  const row = await findCaseById(ctx.db, id);
  if (row === null || !caseVisibleTo(caseScopeOf(actor), row))
    throw httpError('NOT_FOUND', `case ${id} not found`);
  return row;
}

/**
 * 不予立案（重复）: rejects the case through the engine with a reason naming the original, then
 * records the link. A duplicate of a duplicate is linked to the first report, so every reporter
 * follows the one case that is actually handled.
 */
export async function rejectAsDuplicate(
  ctx: IntakeContext,
  request: { actor: Actor; caseId: string; originalId: string; expectedVersion?: number },
): Promise<CaseRow> {
  const duplicate = await visibleCase(request.actor, request.caseId, ctx);
  let original = await visibleCase(request.actor, request.originalId, ctx);
  for (let hops = 0; original.duplicateOf !== null && hops < 10; hops++) {
    original = await visibleCase(request.actor, original.duplicateOf, ctx);
  }
  if (original.id === duplicate.id) {
    throw httpError('VALIDATION_FAILED', 'originalId: a case cannot be a duplicate of itself');
  }
  if (original.city !== duplicate.city) {
    throw httpError('VALIDATION_FAILED', 'originalId: the original is in another city');
  }
  if (unfollowable.has(original.state)) {
    throw httpError(
      'VALIDATION_FAILED',
      `originalId: case ${original.caseNo} was ${original.state}; nothing to follow`,
    );
  }
  await applyCommand(ctx.engine, {
    caseId: duplicate.id,
    loaded: duplicate,
    command: { type: 'reject', reason: `duplicate of case ${original.caseNo}` },
    actor: toDomainActor(request.actor),
    expectedVersion: request.expectedVersion,
    data: { duplicateOf: original.id, duplicateOfCaseNo: original.caseNo },
  });
  // After the engine's commit: if this write were lost, the event still names the original.
  await markDuplicateOf(ctx.db, duplicate.id, original.id);
  const linked = await findCaseById(ctx.db, duplicate.id);
  if (linked === null) throw httpError('NOT_FOUND', `case ${duplicate.id} not found`);
  return linked;
}
