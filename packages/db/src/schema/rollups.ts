import { date, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';

/**
 * The counters of a rollup row, as fresh column builders (the published copy has the same ones).
 * "On time" for an acting person means the light of the stage they acted in had not gone red.
 */
export function rollupMetricColumns() {
  const counter = (name: string) => integer(name).notNull().default(0);
  return {
    // Timeliness report (api.md).
    received: counter('received'),
    dispatched: counter('dispatched'),
    handled: counter('handled'),
    handledOnTime: counter('handled_on_time'),
    overdue: counter('overdue'),
    reworks: counter('reworks'),
    extensions: counter('extensions'),
    returns: counter('returns'),
    closed: counter('closed'),
    closedOnTime: counter('closed_on_time'),
    // Evaluation (绩效评价, domain.md §6).
    /** 立案数: filed, or self-handled (自行处置) reports, which skip filing. */
    filed: counter('filed'),
    /** Of `filed`, those not reported by an officer (the public saw it first: 漏报). */
    publicFiled: counter('public_filed'),
    filedOnTime: counter('filed_on_time'),
    verifications: counter('verifications'),
    verificationsOnTime: counter('verifications_on_time'),
    checks: counter('checks'),
    checksOnTime: counter('checks_on_time'),
    /** The handling stage went red (a department's 超期). */
    handlingOverdue: counter('handling_overdue'),
    dispatchedOnTime: counter('dispatched_on_time'),
    closingsOnTime: counter('closings_on_time'),
    // The staff dimension only (keyed by the responsible person's username).
    registered: counter('registered'),
    verificationDispatches: counter('verification_dispatches'),
    verificationDispatchesOnTime: counter('verification_dispatches_on_time'),
    checkDispatches: counter('check_dispatches'),
    checkDispatchesOnTime: counter('check_dispatches_on_time'),
    filedThenCancelled: counter('filed_then_cancelled'),
    dispatchErrors: counter('dispatch_errors'),
  };
}

/**
 * Report rollups, updated in the same transaction as the command: one row per city, day (in the
 * city's time zone), dimension (department, district, street, grid, category, officer, staff) and
 * key. A year's timeliness report reads thousands of these rows instead of millions of cases.
 */
export const reportRollups = pgTable(
  'report_rollups',
  {
    city: text('city').notNull(),
    day: date('day').notNull(),
    dimension: text('dimension').notNull(),
    key: text('key').notNull(),
    ...rollupMetricColumns(),
  },
  (t) => [primaryKey({ columns: [t.city, t.dimension, t.day, t.key] })],
);
