/**
 * Published (frozen) rollups: a day's counters copied once into `published_rollups`; reports
 * read the frozen copy for published days, so what was announced stays what was announced.
 */
import { and, eq, gte, lte, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
import { independentReads } from '../independent-reads.js';
import { publishedRollups, rollupPublications } from '../schema/publications.js';
import { reportRollups } from '../schema/rollups.js';
import { effectiveEvaluationSettings } from './evaluation-settings.js';
import {
  type AnyRollupDimension,
  type RollupCounts,
  type RollupTotalsRow,
  rollupMetrics,
  rollupSums,
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

/**
 * Totals per key over a range: the frozen copy for published days, the live rollups for the rest.
 */
export async function sumPublishedRollups(
  db: DbOrTx,
  query: { city: string; dimension: AnyRollupDimension; fromDay: string; toDay: string },
): Promise<RollupTotalsRow[]> {
  const range = (table: typeof reportRollups | typeof publishedRollups) =>
    and(
      eq(table.city, query.city),
      eq(table.dimension, query.dimension),
      gte(table.day, query.fromDay),
      lte(table.day, query.toDay),
    );
  const frozen = db
    .select({ key: publishedRollups.key, ...rollupSums(publishedRollups) })
    .from(publishedRollups)
    .where(range(publishedRollups))
    .groupBy(publishedRollups.key);
  const live = db
    .select({ key: reportRollups.key, ...rollupSums(reportRollups) })
    .from(reportRollups)
    .where(
      and(
        range(reportRollups),
        sql`not exists (select 1 from rollup_publications p where p.city = ${reportRollups.city} and p.day = ${reportRollups.day})`,
      ),
    )
    .groupBy(reportRollups.key);
  const [a, b] = await independentReads(db, [() => frozen, () => live]);
  const totals = new Map<string, RollupTotalsRow>();
  for (const row of [...a, ...b]) {
    const entry = totals.get(row.key);
    if (entry === undefined) totals.set(row.key, { ...row });
    else for (const metric of rollupMetrics) entry[metric] += row[metric];
  }
  return [...totals.values()].sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
}

export type OfficerGridTotalsRow = RollupCounts & {
  username: string;
  displayName: string;
};

/**
 * A city's grid officers (optionally only those with a grid in `districtCode`) with the grid
 * rollups of a range summed over each one's grids (a grid with two officers counts for both): set
 * in SQL, so the answer costs the officers and the period's grid rows, never a grid list per
 * officer in node. `frozen`: published days from their frozen copy, as `sumPublishedRollups`.
 */
export async function listOfficersWithGridTotals(
  db: DbOrTx,
  query: { city: string; fromDay: string; toDay: string; frozen: boolean; districtCode?: string },
): Promise<OfficerGridTotalsRow[]> {
  const columns = rollupMetrics.map((metric) => reportRollups[metric].name);
  const list = (names: string[]) => sql.raw(names.join(', '));
  const range = sql`city = ${query.city} and dimension = 'grid' and day between ${query.fromDay} and ${query.toDay}`;
  const gridRows = query.frozen
    ? sql`select key, ${list(columns)} from published_rollups where ${range}
          union all
          select key, ${list(columns)} from report_rollups r where ${range}
            and not exists (select 1 from rollup_publications p where p.city = r.city and p.day = r.day)`
    : sql`select key, ${list(columns)} from report_rollups where ${range}`;
  const inDistrict =
    query.districtCode === undefined
      ? sql``
      : sql`and exists (select 1 from officer_grids d
              where d.officer_id = u.id and starts_with(d.grid_code, ${query.districtCode}))`;
  // From the period's grid rows to their officers (officer_grids_grid_idx), then every officer.
  const result = await db.execute<OfficerGridTotalsRow>(sql`
    with per_grid as (
      select key, ${list(columns.map((c) => `sum(${c}) as ${c}`))} from (${gridRows}) as g group by key
    ), per_officer as (
      select og.officer_id, ${list(columns.map((c) => `sum(t.${c}) as ${c}`))}
      from per_grid t join officer_grids og on og.grid_code = t.key group by og.officer_id
    )
    select u.username, u.display_name as "displayName",
      ${list(rollupMetrics.map((m, n) => `coalesce(o.${columns[n]}, 0)::int as "${m}"`))}
    from users u left join per_officer o on o.officer_id = u.id
    where u.city = ${query.city} and u.active and u.roles @> array['grid_officer']::text[] ${inDistrict}
    order by u.username`);
  return result.rows;
}
