/**
 * Published (frozen) rollups: a day's counters copied once into `published_rollups`; reports
 * read the frozen copy for published days, so what was announced stays what was announced.
 */
import { and, eq, gte, lte, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
import { rollupPublications } from '../schema/publications.js';
import { reportRollups } from '../schema/rollups.js';
import { effectiveEvaluationSettings } from './evaluation-settings.js';
import {
  type AnyRollupDimension,
  type RollupCounts,
  type RollupTotalsRow,
  rollupMetrics,
} from './rollups.js';

export interface PublicationRow {
  city: string;
  day: string;
  publishedAt: Date;
  rowCount: number;
  /** The evaluation settings version the day was published with; null: the defaults. */
  evaluationSettingsVersion: number | null;
}

/**
 * Freezes a city's rollups of one local day, with the evaluation settings in effect on it (the day
 * keeps them whatever is set later). Idempotent: a day already published is left exactly as it
 * was (returns null).
 */
export async function publishRollupDay(
  db: DbOrTx,
  input: { city: string; day: string; publishedAt: Date },
): Promise<PublicationRow | null> {
  return db.transaction(async (tx) => {
    const count = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(reportRollups)
      .where(and(eq(reportRollups.city, input.city), eq(reportRollups.day, input.day)));
    const settings = await effectiveEvaluationSettings(tx, input.city, input.day);
    const inserted = await tx
      .insert(rollupPublications)
      .values({ ...input, rowCount: count[0]?.n ?? 0, evaluationSettingsVersion: settings?.version ?? null })
      .onConflictDoNothing()
      .returning();
    const publication = inserted[0];
    if (publication === undefined) return null;
    const columns = sql.raw(
      ['city', 'day', 'dimension', 'key', ...rollupMetrics.map((m) => reportRollups[m].name)].join(', '),
    );
    await tx.execute(sql`
      insert into published_rollups (${columns})
      select ${columns} from report_rollups where city = ${input.city} and day = ${input.day}`);
    return publication;
  });
}

export async function listPublications(
  db: DbOrTx,
  query: { city: string; fromDay: string; toDay: string },
): Promise<PublicationRow[]> {
  return db
    .select()
    .from(rollupPublications)
    .where(
      and(
        eq(rollupPublications.city, query.city),
        gte(rollupPublications.day, query.fromDay),
        lte(rollupPublications.day, query.toDay),
      ),
    )
    .orderBy(rollupPublications.day);
}

export interface FrozenAndLiveTotalsRow {
  dimension: AnyRollupDimension;
  key: string;
  /** The frozen copy for published days, the live rollups for the rest: what was announced. */
  frozen: RollupCounts;
  /** The live rollups of every day: today's recount. */
  live: RollupCounts;
  /** Whether the frozen totals have a row of the key (a published one, or live of an unpublished day). */
  inFrozen: boolean;
}

/**
 * Totals per dimension and key over a range, frozen and live at once (the one place of the
 * "published days frozen, the rest live" rule): one statement reading each row of the range once,
 * the published copy and the live rollups, instead of one statement per side and dimension.
 */
export async function sumFrozenAndLiveRollups(
  db: DbOrTx,
  query: { city: string; dimensions: readonly AnyRollupDimension[]; fromDay: string; toDay: string },
): Promise<FrozenAndLiveTotalsRow[]> {
  const columns = rollupMetrics.map((metric) => reportRollups[metric].name);
  const list = sql.raw(columns.join(', '));
  const sums = (side: 'frozen' | 'live') =>
    sql.raw(
      rollupMetrics
        .map((m, n) => `coalesce(sum(${columns[n]}) filter (where ${side}), 0)::int as "${side}.${m}"`)
        .join(', '),
    );
  const range = sql`city = ${query.city} and dimension = any(${sql.param([...query.dimensions])}::text[])
    and day between ${query.fromDay} and ${query.toDay}`;
  const result = await db.execute<Record<string, unknown>>(sql`
    select dimension, key, bool_or(frozen) as "inFrozen", ${sums('frozen')}, ${sums('live')}
    from (
      select dimension, key, ${list}, true as frozen, false as live from published_rollups where ${range}
      union all
      select dimension, key, ${list},
        not exists (select 1 from rollup_publications p where p.city = r.city and p.day = r.day), true
      from report_rollups r where ${range}
    ) as t
    group by dimension, key
    order by dimension, key`);
  const side = (row: Record<string, unknown>, name: 'frozen' | 'live') =>
    Object.fromEntries(rollupMetrics.map((m) => [m, Number(row[`${name}.${m}`])])) as RollupCounts;
  return result.rows.map((row) => ({
    dimension: row.dimension as AnyRollupDimension,
    key: String(row.key),
    frozen: side(row, 'frozen'),
    live: side(row, 'live'),
    inFrozen: row.inFrozen === true,
  }));
}

/** Totals per key over a range: the frozen copy for published days, the live rollups for the rest. */
export async function sumPublishedRollups(
  db: DbOrTx,
  query: { city: string; dimension: AnyRollupDimension; fromDay: string; toDay: string },
): Promise<RollupTotalsRow[]> {
  const rows = await sumFrozenAndLiveRollups(db, { ...query, dimensions: [query.dimension] });
  return rows.filter((row) => row.inFrozen).map(({ key, frozen }) => ({ key, ...frozen }));
}
