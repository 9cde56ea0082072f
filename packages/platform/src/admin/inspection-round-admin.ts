/**
 * Inspection rounds (检查考评轮次) as the region admin plans them: the cities, the days and a
 * checklist whose lines are the plan's targets and the catalogue's categories, each checked to
 * exist. Each round is made in one transaction with its audit entry.
 */
import { randomUUID } from 'node:crypto';
import { type Db, type InspectionRoundRow, insertInspectionRound, listRegionIndicators } from '@urbangrid/db';
import { type InspectionRoundInput, inspectionRoundInput } from '@urbangrid/domain';
import { MissingReferenceError, type ReferenceData } from '@urbangrid/reference';
import { z } from 'zod';
import { type FieldError, validationFailed } from '../errors.js';
import type { RecordChange } from './calendar-admin.js';

export { inspectionRoundInput };

export const inspectionRoundView = z
  .object({
    id: z.string(),
    name: z.string(),
    cities: z.array(z.string()),
    startsOn: z.string(),
    endsOn: z.string(),
    checklist: z.array(
      z.object({ kind: z.enum(['target', 'category']), code: z.string(), note: z.string().nullable() }),
    ),
    version: z.number().int(),
    createdBy: z.string(),
    createdAt: z.string(),
  })
  .meta({ id: 'InspectionRound' });
export type InspectionRoundView = z.infer<typeof inspectionRoundView>;

export const toInspectionRoundView = (row: InspectionRoundRow): InspectionRoundView => ({
  ...row,
  createdAt: row.createdAt.toISOString(),
});

async function unknownCities(reference: ReferenceData, cities: readonly string[]): Promise<FieldError[]> {
  const problems: FieldError[] = [];
  for (const [n, city] of cities.entries()) {
    try {
      await reference.city(city);
    } catch (error) {
      if (!(error instanceof MissingReferenceError)) throw error;
      problems.push({ in: 'body', path: `cities.${n}`, message: `no city ${city} in the region` });
    }
  }
  return problems;
}

async function unknownChecklistLines(
  db: Db,
  reference: ReferenceData,
  checklist: InspectionRoundInput['checklist'],
): Promise<FieldError[]> {
  const indicators = new Set((await listRegionIndicators(db)).map((indicator) => indicator.code));
  const problems: FieldError[] = [];
  for (const [n, item] of checklist.entries()) {
    const known =
      item.kind === 'target' ? indicators.has(item.code) : (await reference.category(item.code)) !== null;
    if (!known)
      problems.push({
        in: 'body',
        path: `checklist.${n}.code`,
        message:
          item.kind === 'target'
            ? `no plan target ${item.code} (GET /api/region/targets)`
            : `no category ${item.code} in the catalogue`,
      });
  }
  return problems;
}

/** Plans a round: 400 naming every unknown city and checklist line, else the round, audited. */
export async function planInspectionRound(
  db: Db,
  reference: ReferenceData,
  record: RecordChange,
  input: InspectionRoundInput & { createdBy: string; now: Date },
): Promise<InspectionRoundView> {
  const problems = [
    ...(await unknownCities(reference, input.cities)),
    ...(await unknownChecklistLines(db, reference, input.checklist)),
  ];
  const first = problems[0];
  if (first !== undefined) throw validationFailed(`${first.path}: ${first.message}`, problems);
  return db.transaction(async (tx) => {
    const row = await insertInspectionRound(tx, {
      id: randomUUID(),
      name: input.name,
      cities: input.cities,
      startsOn: input.startsOn,
      endsOn: input.endsOn,
      checklist: input.checklist.map((item) => ({
        kind: item.kind,
        code: item.code,
        note: item.note ?? null,
      })),
      version: 1,
      createdBy: input.createdBy,
      createdAt: input.now,
    });
    const view = toInspectionRoundView(row);
    await record(tx, {
      city: null,
      entity: 'inspection_round',
      entityKey: row.id,
      action: 'create',
      before: null,
      after: view,
    });
    return view;
  });
}
