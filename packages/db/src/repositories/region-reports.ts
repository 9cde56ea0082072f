/**
 * Cities' indicator reports (指标报送): the current state of each report and its history, one
 * inserted row per step (region_indicator_report_versions), and the counts the system's own
 * indicators read (callbacks' satisfaction per city and period).
 */
import { and, asc, desc, eq, inArray, lte, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
import { callbacks } from '../schema/callbacks.js';
import { regionIndicatorReports, regionIndicatorReportVersions } from '../schema/region.js';

export type IndicatorReportRow = typeof regionIndicatorReports.$inferSelect;
export type IndicatorReportVersionRow = typeof regionIndicatorReportVersions.$inferSelect;

export interface IndicatorReportKey {
  city: string;
  indicatorCode: string;
  period: string;
}

const keyCondition = (key: IndicatorReportKey) =>
  and(
    eq(regionIndicatorReports.city, key.city),
    eq(regionIndicatorReports.indicatorCode, key.indicatorCode),
    eq(regionIndicatorReports.period, key.period),
  );

export async function findIndicatorReport(
  db: DbOrTx,
  key: IndicatorReportKey,
  options: { forUpdate?: boolean } = {},
): Promise<IndicatorReportRow | null> {
  const query = db.select().from(regionIndicatorReports).where(keyCondition(key)).limit(1);
  const [row] = options.forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

/** Inserts a first report; null when the city reported it meanwhile (the key is taken). */
export async function insertIndicatorReport(
  db: DbOrTx,
  row: typeof regionIndicatorReports.$inferInsert,
): Promise<IndicatorReportRow | null> {
  const [created] = await db.insert(regionIndicatorReports).values(row).onConflictDoNothing().returning();
  return created ?? null;
}

/** Moves a report to its next version; null when it is no longer at `fromVersion` (a race). */
export async function updateIndicatorReport(
  db: DbOrTx,
  key: IndicatorReportKey,
  fromVersion: number,
  change: Partial<typeof regionIndicatorReports.$inferInsert> & { version: number; state: string },
): Promise<IndicatorReportRow | null> {
  const [row] = await db
    .update(regionIndicatorReports)
    .set(change)
    .where(and(keyCondition(key), eq(regionIndicatorReports.version, fromVersion)))
    .returning();
  return row ?? null;
}

export async function insertIndicatorReportVersion(
  db: DbOrTx,
  row: typeof regionIndicatorReportVersions.$inferInsert,
): Promise<void> {
  await db.insert(regionIndicatorReportVersions).values(row);
}

/** A report's steps, oldest first. */
export async function listIndicatorReportVersions(
  db: DbOrTx,
  key: IndicatorReportKey,
): Promise<IndicatorReportVersionRow[]> {
  return db
    .select()
    .from(regionIndicatorReportVersions)
    .where(
      and(
        eq(regionIndicatorReportVersions.city, key.city),
        eq(regionIndicatorReportVersions.indicatorCode, key.indicatorCode),
        eq(regionIndicatorReportVersions.period, key.period),
      ),
    )
    .orderBy(asc(regionIndicatorReportVersions.version));
}

/** Reports filtered by city, period and state; newest submission first. */
export async function listIndicatorReports(
  db: DbOrTx,
  query: { cities?: readonly string[]; period?: string; state?: string },
): Promise<IndicatorReportRow[]> {
  return db
    .select()
    .from(regionIndicatorReports)
    .where(
      and(
        query.cities === undefined ? undefined : inArray(regionIndicatorReports.city, [...query.cities]),
        query.period === undefined ? undefined : eq(regionIndicatorReports.period, query.period),
        query.state === undefined ? undefined : eq(regionIndicatorReports.state, query.state),
      ),
    )
    .orderBy(desc(regionIndicatorReports.submittedAt))
    .limit(2_000);
}

/**
 * The accepted reports that may count in a ranking ending on `toDay`: those of periods starting by
 * then (the caller keeps the latest per city and indicator).
 */
export async function listAcceptedReports(
  db: DbOrTx,
  periodsStartingBy: readonly string[],
): Promise<IndicatorReportRow[]> {
  if (periodsStartingBy.length === 0) return [];
  return db
    .select()
    .from(regionIndicatorReports)
    .where(
      and(
        eq(regionIndicatorReports.state, 'accepted'),
        inArray(regionIndicatorReports.period, [...periodsStartingBy]),
      ),
    );
}

/**
 * Answered callbacks (回访) of a city's cases between two local days: satisfied and answered, each
 * case's own callback alone (`counted`, not each caller's).
 */
export async function countCallbackSatisfaction(
  db: DbOrTx,
  query: { city: string; timeZone: string; fromDay: string; toDay: string },
): Promise<{ satisfied: number; answered: number }> {
  const localDay = sql`(${callbacks.at} at time zone ${query.timeZone})::date`;
  const [row] = await db
    .select({
      satisfied: sql<number>`count(*) filter (where ${callbacks.outcome} = 'satisfied')::int`,
      answered: sql<number>`count(*) filter (where ${callbacks.outcome} <> 'unreachable')::int`,
    })
    .from(callbacks)
    .where(
      and(
        eq(callbacks.city, query.city),
        eq(callbacks.counted, true),
        sql`${localDay} >= ${query.fromDay}::date`,
        lte(sql`${localDay}`, sql`${query.toDay}::date`),
      ),
    );
  return { satisfied: row?.satisfied ?? 0, answered: row?.answered ?? 0 };
}
