import { and, eq, gte, lte, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
import { reportRollups } from '../schema/rollups.js';
import type { WriteQuery } from './case-write.js';

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

const metricColumns = rollupMetrics.map((metric) => reportRollups[metric].name);

/**
 * The upsert's text, built once: the increments travel as one JSON parameter (each with only its
 * non-zero counts), so a command's seven or so rows cost one value to bind, not ~200.
 */
const upsertText = {
  head: `insert into report_rollups (city, day, dimension, key, ${metricColumns.join(', ')})
select r.city, r.day::date, r.dimension, r.key, ${rollupMetrics
    .map((metric) => `coalesce((r.counts->>'${metric}')::int, 0)`)
    .join(', ')}
from rows from (jsonb_to_recordset(`,
  rows: `) as (city text, day text, dimension text, key text, counts jsonb))
  with ordinality as r(city, day, dimension, key, counts, n)
where `,
  tail: `
order by r.n
on conflict (city, dimension, day, key) do update set ${metricColumns
    .map((column) => `${column} = report_rollups.${column} + excluded.${column}`)
    .join(', ')}`,
};

/** The upsert adding to the rollup rows with their case write, built but not run; null for no increments. */
export function rollupIncrementQuery(increments: readonly RollupIncrement[]): WriteQuery | null {
  if (increments.length === 0) return null;
  // One statement may not touch a row twice: merge duplicates first.
  const merged = new Map<string, RollupIncrement & { counts: Partial<RollupCounts> }>();
  for (const increment of increments) {
    const id = `${increment.city}|${increment.day}|${increment.dimension}|${increment.key}`;
    const entry = merged.get(id) ?? { ...increment, counts: {} };
    for (const metric of rollupMetrics) {
      const add = increment.counts[metric] ?? 0;
      if (add !== 0) entry.counts[metric] = (entry.counts[metric] ?? 0) + add;
    }
    merged.set(id, entry);
  }
  // Rows in one fixed order, so two transactions touching the same rows never deadlock.
  const rows = [...merged.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, { city, day, dimension, key, counts }]) => ({ city, day, dimension, key, counts }));
  const json = JSON.stringify(rows);
  return (caseWrite) =>
    sql`${sql.raw(upsertText.head)}${json}::jsonb${sql.raw(upsertText.rows)}${caseWrite.written}${sql.raw(upsertText.tail)}`;
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
