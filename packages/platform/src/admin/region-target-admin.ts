/**
 * The region's plan targets (行动方案目标) as the region admin (an admin without a city) adds them:
 * a new indicator with its targets by year, or the next plan's years for an indicator the region
 * has (its names, cities and document then follow the new plan). A year once set is never changed,
 * and an indicator keeps its unit and direction: another measure is another indicator. Each change
 * runs in one transaction with its audit entry. The demo seed loads the 2018–2020 plan here too.
 */
import {
  type DbOrTx,
  findRegionIndicator,
  insertRegionIndicator,
  insertRegionTargets,
  type RegionIndicatorWithTargets,
  updateRegionIndicator,
} from '@urbangrid/db';
import {
  appliesToSchema,
  measuredByOf,
  periodKinds,
  type RegionIndicator,
  regionIndicatorProblems,
  regionIndicatorSchema,
  targetDirections,
  targetUnits,
} from '@urbangrid/domain';
import { z } from 'zod';
import { ConflictError, validationFailed } from '../errors.js';
import type { RecordChange } from './calendar-admin.js';

/** An indicator as an admin sends it: the schema and the domain's consistency rules. */
export const regionIndicatorInput = regionIndicatorSchema.superRefine((indicator, context) => {
  for (const problem of regionIndicatorProblems(indicator))
    context.addIssue({ code: 'custom', path: problem.path.split('.'), message: problem.message });
});

/** An indicator as the API shows it: its definition, version and targets by year (with the plan of each). */
export const regionIndicatorView = z
  .object({
    code: z.string(),
    name: z.string(),
    nameEn: z.string(),
    unit: z.enum(targetUnits),
    direction: z.enum(targetDirections),
    appliesTo: appliesToSchema,
    plan: z.string(),
    /** How often cities report it (报送周期). */
    periodKind: z.enum(periodKinds),
    /** `city`: the city reports it (指标报送); `system`: measured from the cases (案件指标). */
    measuredBy: z.enum(['city', 'system']),
    version: z.number().int(),
    targets: z.array(z.object({ year: z.number().int(), value: z.number(), plan: z.string() })),
  })
  .meta({ id: 'RegionIndicatorView' });
export type RegionIndicatorView = z.infer<typeof regionIndicatorView>;

export function toRegionIndicatorView(row: RegionIndicatorWithTargets): RegionIndicatorView {
  return {
    code: row.code,
    name: row.name,
    nameEn: row.nameEn,
    unit: z.enum(targetUnits).parse(row.unit),
    direction: z.enum(targetDirections).parse(row.direction),
    appliesTo: appliesToSchema.parse(row.appliesTo),
    plan: row.plan,
    periodKind: z.enum(periodKinds).parse(row.periodKind),
    measuredBy: measuredByOf(row.code),
    version: row.version,
    targets: row.targets,
  };
}

const describeTarget = (row: RegionIndicatorWithTargets, year: number) => {
  const value = row.targets.find((target) => target.year === year)?.value;
  return `${year} (${value ?? '?'} ${row.unit}, ${row.plan})`;
};

/** Adds an indicator or the next plan's years of one; the indicator after, and whether it is new. */
export async function addRegionTargets(
  db: DbOrTx,
  record: RecordChange,
  input: RegionIndicator & { createdBy: string },
): Promise<{ indicator: RegionIndicatorView; created: boolean }> {
  const parsed = regionIndicatorInput.safeParse(input);
  if (!parsed.success) {
    const errors = parsed.error.issues.map((issue) => ({
      in: 'body',
      path: issue.path.join('.'),
      message: issue.message,
    }));
    throw validationFailed(`indicator ${input.code}: ${errors[0]?.message ?? 'invalid'}`, errors);
  }
  const indicator = parsed.data;
  return db.transaction(async (tx) => {
    const before = await findRegionIndicator(tx, indicator.code, { forUpdate: true });
    const definition = {
      name: indicator.name,
      nameEn: indicator.nameEn,
      appliesTo: indicator.appliesTo,
      plan: indicator.plan,
      periodKind: indicator.periodKind ?? before?.periodKind ?? 'quarter',
    };
    if (before === null) {
      const created = await insertRegionIndicator(tx, {
        code: indicator.code,
        ...definition,
        unit: indicator.unit,
        direction: indicator.direction,
        createdBy: input.createdBy,
      });
      if (created === null) throw new ConflictError(`indicator ${indicator.code} was added meanwhile`);
    } else {
      if (before.unit !== indicator.unit || before.direction !== indicator.direction)
        throw new ConflictError(
          `indicator ${indicator.code} is measured in ${before.unit} (${before.direction}); a target in ${indicator.unit} (${indicator.direction}) needs an indicator of its own`,
        );
      await updateRegionIndicator(tx, indicator.code, definition);
    }
    const taken = await insertRegionTargets(
      tx,
      indicator.targets.map((target) => ({
        indicatorCode: indicator.code,
        year: target.year,
        value: target.value,
        plan: indicator.plan,
        createdBy: input.createdBy,
      })),
    );
    if (before !== null && taken.length > 0)
      throw new ConflictError(
        `indicator ${indicator.code} has a target for ${taken.map((year) => describeTarget(before, year)).join(', ')} already; a plan adds years, it does not change them`,
      );
    const after = await findRegionIndicator(tx, indicator.code);
    if (after === null) throw new Error(`indicator ${indicator.code} vanished inside its transaction`);
    const view = toRegionIndicatorView(after);
    await record(tx, {
      city: null,
      entity: 'region_indicator',
      entityKey: indicator.code,
      action: before === null ? 'create' : 'add_targets',
      before: before === null ? null : toRegionIndicatorView(before),
      after: view,
    });
    return { indicator: view, created: before === null };
  });
}
