import { and, eq, gte, lte, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
import { reportRollups } from '../schema/rollups.js';

/** The counters of a rollup row: the timeliness report columns (api.md), then evaluation's. */
export const rollupMetrics = [
  'received',
  'dispatched',
  'handled',
  'handledOnTime',
  'overdue',
  'reworks',
  'extensions',
  'returns',
  'closed',
  'closedOnTime',
  'filed',
  'publicFiled',
  'filedOnTime',
  'verifications',
  'verificationsOnTime',
  'checks',
  'checksOnTime',
  'handlingOverdue',
  'dispatchedOnTime',
  'closingsOnTime',
  'registered',
  'verificationDispatches',
  'verificationDispatchesOnTime',
  'checkDispatches',
  'checkDispatchesOnTime',
  'filedThenCancelled',
  'dispatchErrors',
] as const;

export type RollupMetric = (typeof rollupMetrics)[number];
export type RollupCounts = Record<RollupMetric, number>;

export const rollupDimensions = ['department', 'district', 'street', 'grid', 'category', 'officer'] as const;
export type RollupDimension = (typeof rollupDimensions)[number];

/**
 * Counts of the person responsible for a step (intake operator, shift lead, dispatcher), keyed by
 * username: what their evaluation reads. Kept apart from `rollupDimensions`, whose keys are places,
 * departments, categories and officers.
 */
export const staffDimension = 'staff' as const;
export type AnyRollupDimension = RollupDimension | typeof staffDimension;

export interface RollupIncrement {
  city: string;
  /** Local day, YYYY-MM-DD. */
  day: string;
  dimension: AnyRollupDimension;
  key: string;
  counts: Partial<RollupCounts>;
}

export const zeroRollupCounts = (): RollupCounts =>
  Object.fromEntries(rollupMetrics.map((metric) => [metric, 0])) as RollupCounts;

/** Adds to the rollup rows in one statement (upsert); call inside the command's transaction. */
export async function incrementRollups(tx: DbOrTx, increments: readonly RollupIncrement[]): Promise<void> {
  await rollupIncrementQuery(tx, increments);
}

/** The upsert adding to the rollup rows, built but not run; null for no increments. */
export function rollupIncrementQuery(db: DbOrTx, increments: readonly RollupIncrement[]) {
  if (increments.length === 0) return null;
  // One statement may not touch a row twice: merge duplicates first.
  const merged = new Map<string, RollupIncrement & { counts: RollupCounts }>();
  for (const increment of increments) {
    const id = `${increment.city}|${increment.day}|${increment.dimension}|${increment.key}`;
    const entry = merged.get(id) ?? { ...increment, counts: zeroRollupCounts() };
    for (const metric of rollupMetrics) entry.counts[metric] += increment.counts[metric] ?? 0;
    merged.set(id, entry);
  }
  // Rows in one fixed order, so two transactions touching the same rows never deadlock.
  const ordered = [...merged.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const values = ordered.map(([, { city, day, dimension, key, counts }]) => ({
    city,
    day,
    dimension,
    key,
    ...counts,
  }));
  const set = Object.fromEntries(
    rollupMetrics.map((metric) => {
      const column = reportRollups[metric];
      return [metric, sql`${column} + excluded.${sql.identifier(column.name)}`];
    }),
  ) as Record<RollupMetric, SQL>;
  return db
    .insert(reportRollups)
    .values(values)
    .onConflictDoUpdate({
      target: [reportRollups.city, reportRollups.dimension, reportRollups.day, reportRollups.key],
      set,
    });
}

export interface RollupTotalsRow extends RollupCounts {
  key: string;
}

/** `sum(column)` of every metric of a rollups-shaped table, as integers. */
export function rollupSums<T extends Record<RollupMetric, { name: string }>>(
  table: T,
): Record<RollupMetric, SQL<number>> {
  return Object.fromEntries(
    rollupMetrics.map((metric) => [metric, sql<number>`coalesce(sum(${table[metric]}), 0)::int`]),
  ) as Record<RollupMetric, SQL<number>>;
}

/** Totals per key of one dimension over an inclusive range of local days. */
export async function sumRollups(
  db: DbOrTx,
  query: { city: string; dimension: AnyRollupDimension; fromDay: string; toDay: string },
): Promise<RollupTotalsRow[]> {
  return db
    .select({ key: reportRollups.key, ...rollupSums(reportRollups) })
    .from(reportRollups)
    .where(
      and(
        eq(reportRollups.city, query.city),
        eq(reportRollups.dimension, query.dimension),
        gte(reportRollups.day, query.fromDay),
        lte(reportRollups.day, query.toDay),
      ),
    )
    .groupBy(reportRollups.key)
    .orderBy(reportRollups.key);
}
