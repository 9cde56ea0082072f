import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { ts } from './columns.js';
import { cities } from './reference.js';

/**
 * Notices (通知) as each person receives them: one row per notice and recipient, written by the
 * stage worker that delivers the notice. The id is the notice's (its job's), so a job that runs
 * twice writes nothing new. A citizen's notice has no row (the hotline calls back, 回访).
 */
export const notices = pgTable(
  'notices',
  {
    id: text('id').notNull(),
    /** The username it is addressed to. */
    recipient: text('recipient').notNull(),
    city: text('city')
      .notNull()
      .references(() => cities.code),
    /** The case it is about; null for a notice about the city's set-up (e.g. its calendar running out). */
    caseId: text('case_id'),
    caseNo: text('case_no'),
    /** Who it was meant for as a group: department, dispatcher, assignee, supervisor, ... */
    audience: text('audience').notNull(),
    /** What happened, e.g. `case.dispatched`, `deadline.overdue`, `verification.noOfficer`. */
    event: text('event').notNull(),
    departmentId: text('department_id'),
    /** Facts the text of a notice without a case needs, e.g. `{ knownUntil: "2026-12-31" }`. */
    data: jsonb('data'),
    at: ts('at').notNull(),
    readAt: ts('read_at'),
  },
  (t) => [
    primaryKey({ columns: [t.id, t.recipient] }),
    index('notices_recipient_at_idx').on(t.recipient, t.at),
    // The unread ones only (the bell's "unread" list), and the read ones by when (the pruning job).
    index('notices_unread_idx').on(t.recipient, t.at).where(sql`${t.readAt} is null`),
    index('notices_read_at_idx').on(t.readAt).where(sql`${t.readAt} is not null`),
  ],
);

/**
 * How many unread notices each person has: the bell's count kept, not counted. Maintained by
 * statement triggers on `notices` (migration 0021) in the transaction that inserts, reads or
 * deletes notices, so no writer can forget it; a person without a row has none.
 */
export const noticeUnreadCounts = pgTable('notice_unread_counts', {
  recipient: text('recipient').primaryKey(),
  unread: integer('unread').notNull().default(0),
});
