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

/**
 * The counts of each officer's grids (an officer's missed reports, domain.md §6), keyed by the
 * officer's username: a grid's count goes to every officer holding the grid when it happened (a
 * grid with two officers counts for both), so a month's evaluation reads officers × days rows, not
 * grids × days, and a grid handed to another officer later takes none of its past with it. An
 * increment of this dimension is keyed by the grid; the upsert writes it to the grid's officers.
 */
export const officerGridsDimension = 'officer_grids' as const;
/** What an officer's grids count for them: filed cases, and of those, the public's. */
export const officerGridsMetrics = ['filed', 'publicFiled'] as const satisfies readonly RollupMetric[];
export type OfficerGridsCounts = Record<(typeof officerGridsMetrics)[number], number>;

export type AnyRollupDimension = RollupDimension | typeof staffDimension | typeof officerGridsDimension;

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
 * non-zero counts), so a command's seven or so rows cost one value to bind, not ~200. An increment
 * of the officers' grids is keyed by its grid and goes to the officers holding the grid as the
 * statement runs (officer_grids_grid_idx). One statement may not touch a row twice, so the rows
 * are summed per rollup row first (a report group's increments, an officer holding two of their
 * grids), and come in one fixed order, so two transactions touching the same rows never deadlock.
 */
const upsertText = {
  head: `insert into report_rollups (city, day, dimension, key, ${metricColumns.join(', ')})
select r.city, r.day::date, r.dimension, r.key, ${rollupMetrics
    .map((metric) => `coalesce(sum((r.counts->>'${metric}')::int), 0)::int`)
    .join(', ')}
from (select i.city, i.day, i.dimension, i.key, i.counts from jsonb_to_recordset(`,
  rows: `) as i(city text, day text, dimension text, key text, counts jsonb)
  where i.dimension <> '${officerGridsDimension}'
  union all
  select i.city, i.day, i.dimension, u.username, i.counts from jsonb_to_recordset(`,
  officers: `) as i(city text, day text, dimension text, key text, counts jsonb)
  join officer_grids og on og.grid_code = i.key
  join users u on u.id = og.officer_id
  where i.dimension = '${officerGridsDimension}') as r
where `,
  tail: `
group by r.city, r.day, r.dimension, r.key
order by r.city, r.day, r.dimension collate "C", r.key collate "C"
on conflict (city, dimension, day, key) do update set ${metricColumns
    .map((column) => `${column} = report_rollups.${column} + excluded.${column}`)
    .join(', ')}`,
};

/** The upsert adding to the rollup rows with their case write, built but not run; null for no increments. */
export function rollupIncrementQuery(increments: readonly RollupIncrement[]): WriteQuery | null {
  if (increments.length === 0) return null;
  const json = JSON.stringify(
    increments.map(({ city, day, dimension, key, counts }) => ({ city, day, dimension, key, counts })),
  );
  return (caseWrite) =>
    sql`${sql.raw(upsertText.head)}${json}::jsonb${sql.raw(upsertText.rows)}${json}::jsonb${sql.raw(upsertText.officers)}${caseWrite.written}${sql.raw(upsertText.tail)}`;
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
