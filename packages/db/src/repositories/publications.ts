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
import { type AnyRollupDimension, type RollupTotalsRow, rollupMetrics, rollupSums } from './rollups.js';

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
 * Totals per key over a range: the frozen copy for published days, the live rollups for the rest
 * (the one place of that rule: every frozen figure of a report is read through here).
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
