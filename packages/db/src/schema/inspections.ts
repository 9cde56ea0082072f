import { date, index, integer, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { cases } from './cases.js';
import { ts } from './columns.js';
import { cities } from './reference.js';

/** One line of a round's checklist (检查表): a plan target or a catalogue category to look at. */
export interface StoredChecklistItem {
  kind: 'target' | 'category';
  /** The indicator's code (region_indicators) or the category's code. */
  code: string;
  note: string | null;
}

/**
 * An inspection round (检查考评轮次) the region plans: the cities its inspectors visit, the days
 * they do, and the checklist they work through. Its findings are cases in each city's own loop.
 */
export const inspectionRounds = pgTable('inspection_rounds', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  cities: text('cities').array().notNull(),
  startsOn: date('starts_on').notNull(),
  endsOn: date('ends_on').notNull(),
  checklist: jsonb('checklist').$type<StoredChecklistItem[]>().notNull(),
  version: integer('version').notNull().default(1),
  createdBy: text('created_by').notNull(),
  createdAt: ts('created_at').notNull(),
});

/**
 * A finding (检查发现) an inspector recorded on site: its id is the inspector's (the phone makes it
 * before sending, so a resend is the same finding), and the case it became in its city's loop.
 */
export const inspectionFindings = pgTable(
  'inspection_findings',
  {
    id: text('id').primaryKey(),
    roundId: text('round_id')
      .notNull()
      .references(() => inspectionRounds.id),
    caseId: text('case_id')
      .notNull()
      .unique()
      .references(() => cases.id),
    city: text('city')
      .notNull()
      .references(() => cities.code),
    /** The checklist line it answers (kind:code), or null for something seen on the way. */
    checklistItem: text('checklist_item'),
    inspector: text('inspector').notNull(),
    recordedAt: ts('recorded_at').notNull(),
  },
  (t) => [
    index('inspection_findings_round_idx').on(t.roundId, t.city),
    index('inspection_findings_city_recorded_idx').on(t.city, t.recordedAt),
  ],
);
