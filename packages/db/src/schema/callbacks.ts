import { sql } from 'drizzle-orm';
import { index, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { cases } from './cases.js';
import { ts } from './columns.js';

/**
 * Callbacks (回访): the hotline calling back a citizen who asked for it once their case has ended.
 * Every attempt is kept; a case has at most one answered one (satisfied or not), which ends its
 * callback — an unreachable caller is tried again.
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
  },
  (t) => [
    index('callbacks_case_idx').on(t.caseId),
    uniqueIndex('callbacks_answered_uq').on(t.caseId).where(sql`${t.outcome} <> 'unreachable'`),
  ],
);
