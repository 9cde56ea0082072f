import { date, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';

/**
 * Report rollups, updated in the same transaction as the command: one row per city, day (in the
 * city's time zone), dimension (department, district, street, grid, category, officer) and key.
 * A year's timeliness report reads thousands of these rows instead of millions of cases.
 */
export const reportRollups = pgTable(
  'report_rollups',
  {
    city: text('city').notNull(),
    day: date('day').notNull(),
    dimension: text('dimension').notNull(),
    key: text('key').notNull(),
    received: integer('received').notNull().default(0),
    dispatched: integer('dispatched').notNull().default(0),
    handled: integer('handled').notNull().default(0),
    handledOnTime: integer('handled_on_time').notNull().default(0),
    overdue: integer('overdue').notNull().default(0),
    reworks: integer('reworks').notNull().default(0),
    extensions: integer('extensions').notNull().default(0),
    returns: integer('returns').notNull().default(0),
    closed: integer('closed').notNull().default(0),
    closedOnTime: integer('closed_on_time').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.city, t.dimension, t.day, t.key] })],
);
