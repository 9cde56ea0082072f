import { date, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { rollupMetricColumns } from './rollups.js';

/**
 * Published indicators (公布): once a day's rollups are published they are frozen here, so a
 * ranking people have seen never changes silently; a later recount that differs is shown beside it.
 * Rows are only ever inserted (migration trigger refuses UPDATE and DELETE).
 */
export const rollupPublications = pgTable(
  'rollup_publications',
  {
    city: text('city').notNull(),
    day: date('day').notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull(),
    /** Rollup rows frozen for the day (0 for a day without work: still published). */
    rowCount: integer('row_count').notNull(),
    /** The evaluation settings (evaluation_settings.version) the day was published with; null: the defaults. */
    evaluationSettingsVersion: integer('evaluation_settings_version'),
  },
  (t) => [primaryKey({ columns: [t.city, t.day] })],
);

/** The frozen copy of `report_rollups` for each published day. */
export const publishedRollups = pgTable(
  'published_rollups',
  {
    city: text('city').notNull(),
    day: date('day').notNull(),
    dimension: text('dimension').notNull(),
    key: text('key').notNull(),
    ...rollupMetricColumns(),
  },
  (t) => [primaryKey({ columns: [t.city, t.dimension, t.day, t.key] })],
);
