/** The admin audit log (admin_audit_log): entries written in a change's transaction, and read back. */
import { and, count, desc, eq, gte, inArray, lt, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
import { independentReads } from '../independent-reads.js';
import { adminAuditLog } from '../schema/admin.js';

export type AdminAuditRow = typeof adminAuditLog.$inferSelect;

export interface AdminChange {
  actorId: string;
  actorUsername: string;
  city: string | null;
  entity: string;
  entityKey: string;
  action: string;
  before: unknown;
  after: unknown;
  requestId?: string;
}

/** Records one change; call it inside the change's transaction. */
export async function recordAdminChange(tx: DbOrTx, change: AdminChange): Promise<void> {
  await tx.insert(adminAuditLog).values({
    ...change,
    before: change.before ?? null,
    after: change.after ?? null,
    requestId: change.requestId ?? null,
  });
}

export interface AdminAuditFilter {
  /** The cities whose entries are read; `all` for the region, which adds the region-wide ones. */
  cities: readonly string[] | 'all';
  from?: Date;
  to?: Date;
  entity?: string;
  actorUsername?: string;
  limit: number;
  offset: number;
}

function whereOf(filter: AdminAuditFilter): SQL | undefined {
  return and(
    filter.cities === 'all'
      ? undefined
      : filter.cities.length === 0
        ? sql`false`
        : inArray(adminAuditLog.city, [...filter.cities]),
    filter.from ? gte(adminAuditLog.at, filter.from) : undefined,
    filter.to ? lt(adminAuditLog.at, filter.to) : undefined,
    filter.entity ? eq(adminAuditLog.entity, filter.entity) : undefined,
    filter.actorUsername ? eq(adminAuditLog.actorUsername, filter.actorUsername) : undefined,
  );
}

/** Entries newest first, and how many match. */
export async function listAdminChanges(
  db: DbOrTx,
  filter: AdminAuditFilter,
): Promise<{ items: AdminAuditRow[]; total: number }> {
  const where = whereOf(filter);
  const [items, [counted]] = await independentReads(db, [
    () =>
      db
        .select()
        .from(adminAuditLog)
        .where(where)
        .orderBy(desc(adminAuditLog.at), desc(adminAuditLog.id))
        .limit(filter.limit)
        .offset(filter.offset),
    () => db.select({ n: count() }).from(adminAuditLog).where(where),
  ]);
  return { items, total: counted?.n ?? 0 };
}
