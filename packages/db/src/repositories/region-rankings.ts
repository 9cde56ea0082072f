/**
 * The region's ranking (排名通报): its settings versions, the published (frozen) rankings with their
 * bulletins, the supervision orders (督办) it issues, and who in a city hears of them.
 */
import { and, desc, eq, inArray, lte, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
import { users } from '../schema/people.js';
import {
  regionRankingPublications,
  regionRankingSettings,
  regionSupervisionOrders,
} from '../schema/region.js';
import type { WriteQuery } from './case-write.js';
import { jsonRowsInsert } from './json-rows.js';

export type RankingSettingsRow = typeof regionRankingSettings.$inferSelect;
export type RankingPublicationRow = typeof regionRankingPublications.$inferSelect;
export type SupervisionOrderRow = typeof regionSupervisionOrders.$inferSelect;

export async function listRankingSettings(db: DbOrTx): Promise<RankingSettingsRow[]> {
  return db.select().from(regionRankingSettings).orderBy(desc(regionRankingSettings.version));
}

/** The settings in effect on `day`: the newest version effective by then; null: the defaults. */
export async function effectiveRankingSettings(db: DbOrTx, day: string): Promise<RankingSettingsRow | null> {
  const [row] = await db
    .select()
    .from(regionRankingSettings)
    .where(lte(regionRankingSettings.effectiveFrom, day))
    .orderBy(desc(regionRankingSettings.version))
    .limit(1);
  return row ?? null;
}

/** Inserts a version; null when its number is taken (another edit came first). */
export async function insertRankingSettings(
  db: DbOrTx,
  row: typeof regionRankingSettings.$inferInsert,
): Promise<RankingSettingsRow | null> {
  const [created] = await db.insert(regionRankingSettings).values(row).onConflictDoNothing().returning();
  return created ?? null;
}

export async function findRankingPublication(
  db: DbOrTx,
  period: string,
): Promise<RankingPublicationRow | null> {
  const [row] = await db
    .select()
    .from(regionRankingPublications)
    .where(eq(regionRankingPublications.period, period))
    .limit(1);
  return row ?? null;
}

/** Inserts a publication once; null when the period was published already. */
export async function insertRankingPublication(
  db: DbOrTx,
  row: typeof regionRankingPublications.$inferInsert,
): Promise<RankingPublicationRow | null> {
  const [created] = await db.insert(regionRankingPublications).values(row).onConflictDoNothing().returning();
  return created ?? null;
}

/** Which of `periods` are published. */
export async function publishedPeriods(db: DbOrTx, periods: readonly string[]): Promise<Set<string>> {
  if (periods.length === 0) return new Set();
  const rows = await db
    .select({ period: regionRankingPublications.period })
    .from(regionRankingPublications)
    .where(inArray(regionRankingPublications.period, [...periods]));
  return new Set(rows.map((row) => row.period));
}

export async function insertSupervisionOrder(
  db: DbOrTx,
  row: typeof regionSupervisionOrders.$inferInsert,
): Promise<SupervisionOrderRow> {
  const [created] = await db.insert(regionSupervisionOrders).values(row).returning();
  if (created === undefined) throw new Error('a supervision order was not stored');
  return created;
}

/** The insert of a case's supervision order with the case's 督办 write (none when it did not commit), built but not run. */
export function supervisionOrderInsertQuery(row: typeof regionSupervisionOrders.$inferInsert): WriteQuery {
  return (caseWrite) => jsonRowsInsert(regionSupervisionOrders, [row], { where: caseWrite.written });
}

/** Orders, newest first, of some cities or all. */
export async function listSupervisionOrders(
  db: DbOrTx,
  cities: readonly string[] | 'all',
  limit = 200,
): Promise<SupervisionOrderRow[]> {
  return db
    .select()
    .from(regionSupervisionOrders)
    .where(cities === 'all' ? undefined : inArray(regionSupervisionOrders.city, [...cities]))
    .orderBy(desc(regionSupervisionOrders.issuedAt))
    .limit(limit);
}

/** The usernames of a city's active accounts holding `role` at city level (no district). */
export async function cityLevelUsernames(db: DbOrTx, city: string, role: string): Promise<string[]> {
  const rows = await db
    .select({ username: users.username })
    .from(users)
    .where(
      and(
        eq(users.city, city),
        eq(users.active, true),
        sql`${role} = any(${users.roles})`,
        sql`${users.areaCode} is null`,
      ),
    );
  return rows.map((row) => row.username);
}
