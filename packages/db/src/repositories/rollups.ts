import { and, eq, gte, lte, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
import { reportRollups } from '../schema/rollups.js';

/** The counters of a rollup row (timeliness report columns, api.md). */
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
] as const;

export type RollupMetric = (typeof rollupMetrics)[number];
export type RollupCounts = Record<RollupMetric, number>;

export const rollupDimensions = ['department', 'district', 'street', 'grid', 'category', 'officer'] as const;
export type RollupDimension = (typeof rollupDimensions)[number];

export interface RollupIncrement {
  city: string;
  /** Local day, YYYY-MM-DD. */
  day: string;
  dimension: RollupDimension;
  key: string;
  counts: Partial<RollupCounts>;
}

const zero = (): RollupCounts => ({
  received: 0,
  dispatched: 0,
  handled: 0,
  handledOnTime: 0,
  overdue: 0,
  reworks: 0,
  extensions: 0,
  returns: 0,
  closed: 0,
  closedOnTime: 0,
});

/** Adds to the rollup rows in one statement (upsert); call inside the command's transaction. */
export async function incrementRollups(tx: DbOrTx, increments: readonly RollupIncrement[]): Promise<void> {
  if (increments.length === 0) return;
  // One statement may not touch a row twice: merge duplicates first.
  const merged = new Map<string, RollupIncrement & { counts: RollupCounts }>();
  for (const increment of increments) {
    const id = `${increment.city}|${increment.day}|${increment.dimension}|${increment.key}`;
    const entry = merged.get(id) ?? { ...increment, counts: zero() };
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
  const added = (column: (typeof reportRollups)[RollupMetric], name: string) =>
    sql`${column} + excluded.${sql.identifier(name)}`;
  await tx
    .insert(reportRollups)
    .values(values)
    .onConflictDoUpdate({
      target: [reportRollups.city, reportRollups.dimension, reportRollups.day, reportRollups.key],
      set: {
        received: added(reportRollups.received, 'received'),
        dispatched: added(reportRollups.dispatched, 'dispatched'),
        handled: added(reportRollups.handled, 'handled'),
        handledOnTime: added(reportRollups.handledOnTime, 'handled_on_time'),
        overdue: added(reportRollups.overdue, 'overdue'),
        reworks: added(reportRollups.reworks, 'reworks'),
        extensions: added(reportRollups.extensions, 'extensions'),
        returns: added(reportRollups.returns, 'returns'),
        closed: added(reportRollups.closed, 'closed'),
        closedOnTime: added(reportRollups.closedOnTime, 'closed_on_time'),
      },
    });
}

export interface RollupTotalsRow extends RollupCounts {
  key: string;
}

/** Totals per key of one dimension over an inclusive range of local days. */
export async function sumRollups(
  db: DbOrTx,
  query: { city: string; dimension: RollupDimension; fromDay: string; toDay: string },
): Promise<RollupTotalsRow[]> {
  const total = (column: (typeof reportRollups)[RollupMetric]) => sql<number>`sum(${column})::int`;
  return db
    .select({
      key: reportRollups.key,
      received: total(reportRollups.received),
      dispatched: total(reportRollups.dispatched),
      handled: total(reportRollups.handled),
      handledOnTime: total(reportRollups.handledOnTime),
      overdue: total(reportRollups.overdue),
      reworks: total(reportRollups.reworks),
      extensions: total(reportRollups.extensions),
      returns: total(reportRollups.returns),
      closed: total(reportRollups.closed),
      closedOnTime: total(reportRollups.closedOnTime),
    })
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
