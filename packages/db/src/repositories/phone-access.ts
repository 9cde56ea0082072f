/**
 * The phone access log (号码查看记录): each view of a reporter's full number by staff, appended in
 * the request that answered it; read by supervisors, newest first.
 */
import { and, count, desc, eq, gte, inArray, lt, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
import { independentReads } from '../independent-reads.js';
import { phoneAccessLog } from '../schema/admin.js';

export type PhoneAccessRow = typeof phoneAccessLog.$inferSelect;
export type PhoneAccess = Omit<typeof phoneAccessLog.$inferInsert, 'id' | 'at'>;

export async function recordPhoneAccesses(db: DbOrTx, views: readonly PhoneAccess[]): Promise<void> {
  if (views.length > 0) await db.insert(phoneAccessLog).values([...views]);
}

export interface PhoneAccessFilter {
  /** The cities read; `all` for the region. */
  cities: readonly string[] | 'all';
  /** A district supervisor reads their district's cases only. */
  districtCode?: string;
  from?: Date;
  to?: Date;
  caseNo?: string;
  actorUsername?: string;
  limit: number;
  offset: number;
}

function whereOf(filter: PhoneAccessFilter): SQL | undefined {
  return and(
    filter.cities === 'all'
      ? undefined
      : filter.cities.length === 0
        ? sql`false`
        : inArray(phoneAccessLog.city, [...filter.cities]),
    filter.districtCode ? eq(phoneAccessLog.districtCode, filter.districtCode) : undefined,
    filter.from ? gte(phoneAccessLog.at, filter.from) : undefined,
    filter.to ? lt(phoneAccessLog.at, filter.to) : undefined,
    filter.caseNo ? eq(phoneAccessLog.caseNo, filter.caseNo) : undefined,
    filter.actorUsername ? eq(phoneAccessLog.actorUsername, filter.actorUsername) : undefined,
  );
}

/** Views newest first, and how many match. */
export async function listPhoneAccesses(
  db: DbOrTx,
  filter: PhoneAccessFilter,
): Promise<{ items: PhoneAccessRow[]; total: number }> {
  const where = whereOf(filter);
  const [items, [counted]] = await independentReads(db, [
    () =>
      db
        .select()
        .from(phoneAccessLog)
        .where(where)
        .orderBy(desc(phoneAccessLog.at), desc(phoneAccessLog.id))
        .limit(filter.limit)
        .offset(filter.offset),
    () => db.select({ n: count() }).from(phoneAccessLog).where(where),
  ]);
  return { items, total: counted?.n ?? 0 };
}
