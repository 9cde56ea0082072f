/** Notices (通知) as their recipients read them: written once per recipient, listed, marked read. */
import { and, desc, eq, inArray, isNull, notInArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
import { preparedPerDatabase } from '../prepared.js';
import { notices, noticeUnreadCounts } from '../schema/notices.js';

export type NoticeRow = typeof notices.$inferSelect;

export interface NoticeToStore {
  id: string;
  city: string;
  /** Null for a notice about the city's set-up rather than a case. */
  caseId: string | null;
  caseNo: string | null;
  audience: string;
  event: string;
  departmentId: string | null;
  /** Facts a notice without a case needs for its text. */
  data?: Record<string, unknown>;
  at: Date;
  recipients: readonly string[];
}

/**
 * The insert of one notice for its recipients (one array), prepared once: the same text whatever
 * the number of recipients. Every column of the table in its order (an insert from a select).
 */
const noticeInsert = preparedPerDatabase((db) =>
  db
    .insert(notices)
    .select(
      sql`select ${sql.placeholder('id')}::text, r.recipient, ${sql.placeholder('city')}::text,
        ${sql.placeholder('caseId')}::text, ${sql.placeholder('caseNo')}::text,
        ${sql.placeholder('audience')}::text, ${sql.placeholder('event')}::text,
        ${sql.placeholder('departmentId')}::text, ${sql.placeholder('data')}::jsonb,
        ${sql.placeholder('at')}::timestamptz, null::timestamptz
        from unnest(${sql.placeholder('recipients')}::text[]) as r(recipient)`,
    )
    .onConflictDoNothing()
    .returning({ recipient: notices.recipient })
    .prepare('urbangrid_notice_insert'),
);

/**
 * One row per recipient; a notice stored before (a replayed job) adds nothing. Answers the
 * recipients it was stored for now (none for a replay), for the live announcement.
 */
export async function storeNotice(db: DbOrTx, notice: NoticeToStore): Promise<string[]> {
  if (notice.recipients.length === 0) return [];
  const stored = await noticeInsert(db).execute({
    id: notice.id,
    city: notice.city,
    caseId: notice.caseId,
    caseNo: notice.caseNo,
    audience: notice.audience,
    event: notice.event,
    departmentId: notice.departmentId,
    data: notice.data === undefined ? null : JSON.stringify(notice.data),
    at: notice.at.toISOString(),
    recipients: [...notice.recipients],
  });
  return stored.map((row) => row.recipient);
}

/** A person's notices, newest first; `unreadOnly` leaves out those already read. */
export async function listNoticesOf(
  db: DbOrTx,
  recipient: string,
  options: { unreadOnly: boolean; limit: number },
): Promise<NoticeRow[]> {
  return db
    .select()
    .from(notices)
    .where(and(eq(notices.recipient, recipient), options.unreadOnly ? isNull(notices.readAt) : undefined))
    .orderBy(desc(notices.at), desc(notices.id))
    .limit(options.limit);
}

/** The person's unread count as kept beside the notices (one row, however many notices they have). */
export async function countUnreadNotices(db: DbOrTx, recipient: string): Promise<number> {
  const [row] = await db
    .select({ n: noticeUnreadCounts.unread })
    .from(noticeUnreadCounts)
    .where(eq(noticeUnreadCounts.recipient, recipient));
  return row?.n ?? 0;
}

/**
 * Deletes at most `batchSize` notices read before `readBefore` (the oldest reads first); how many
 * went. Unread notices are never deleted. Run it until it answers less than `batchSize`: each batch
 * is its own short statement, and running it twice deletes nothing more.
 */
export async function pruneReadNotices(db: DbOrTx, readBefore: Date, batchSize: number): Promise<number> {
  const gone = await db.execute<{ id: string }>(sql`
    delete from ${notices} where (${notices.id}, ${notices.recipient}) in (
      select ${notices.id}, ${notices.recipient} from ${notices}
      where ${notices.readAt} is not null and ${notices.readAt} < ${readBefore.toISOString()}
      order by ${notices.readAt} limit ${batchSize}
      for update skip locked)
    returning ${notices.id}`);
  return gone.rows.length;
}

/**
 * Marks a person's notices read: these ids, or all of them but those of the `keptEvents` (notices
 * that are acknowledged one by one). Others' notices are never touched.
 */
export async function markNoticesRead(
  db: DbOrTx,
  recipient: string,
  ids: readonly string[] | 'all',
  at: Date,
  keptEvents: readonly string[] = [],
): Promise<void> {
  await db
    .update(notices)
    .set({ readAt: at })
    .where(
      and(
        eq(notices.recipient, recipient),
        isNull(notices.readAt),
        ids === 'all' ? undefined : inArray(notices.id, [...ids]),
        ids === 'all' && keptEvents.length > 0 ? notInArray(notices.event, [...keptEvents]) : undefined,
      ),
    );
}
