import { sql } from 'drizzle-orm';
import { boolean, index, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { caseCallers } from './case-callers.js';
import { cases } from './cases.js';
import { ts } from './columns.js';

/**
 * Callbacks (回访): the hotline calling back a citizen who asked for it once their case has ended.
 * Every attempt is kept; a case has at most one answered one (satisfied or not), which ends its
 * callback — an unreachable caller is tried again. Each caller of the case (its reporter,
 * `caller_id` null, and every caller attached to it, 附加来电) has at most one answered call, their
 * own satisfaction; the case's callback, which ends it and which the reports count, is the first
 * answered call whoever answered it (`counted`), as before callers were called back one by one.
 */
export const callbacks = pgTable(
  'callbacks',
  {
    id: text('id').primaryKey(),
    caseId: text('case_id')
      .notNull()
      .references(() => cases.id),
    city: text('city').notNull(),
    outcome: text('outcome', { enum: ['satisfied', 'unsatisfied', 'unreachable'] }).notNull(),
    note: text('note'),
    /** The intake operator's username. */
    calledBy: text('called_by').notNull(),
    at: ts('at').notNull(),
    /** The attached caller called back; null: the case's reporter. */
    callerId: text('caller_id').references(() => caseCallers.id),
    /**
     * False for an answered call after the case's own (another caller's satisfaction): the case
     * and the reports count the first answered call alone.
     */
    counted: boolean('counted').notNull().default(true),
  },
  (t) => [
    index('callbacks_case_idx').on(t.caseId),
    uniqueIndex('callbacks_answered_uq')
      .on(t.caseId)
      .where(sql`${t.outcome} <> 'unreachable' and ${t.counted}`),
    uniqueIndex('callbacks_caller_answered_uq')
      .on(t.caseId, sql`coalesce(${t.callerId}, '')`)
      .where(sql`${t.outcome} <> 'unreachable'`),
  ],
);
