/**
 * What a command adds to the report rollups (timeliness report, api.md), by dimension. Written in
 * the command's transaction so reports read counters, never the event log.
 *
 * Keys: department = the case's department (the one it left, for a return); district, street,
 * grid and category = the case's; officer = the officer holding (or who last held) the personal
 * task, else the reporting officer. Days are local days of the city.
 */
import type { CaseRow, RollupCounts, RollupDimension, RollupIncrement } from '@urbangrid/db';
import type { TransitionPlan } from '@urbangrid/domain';

export function rollupCounts(plan: TransitionPlan, before: CaseRow | null, after: CaseRow): Partial<RollupCounts> {
  const counts: Partial<RollupCounts> = {};
  const increment = plan.changes.increment;
  if (plan.command === 'report') counts.received = 1;
  if (plan.command === 'dispatch') counts.dispatched = 1;
  if (plan.command === 'complete') {
    counts.handled = 1;
    // Handled on time: the handling clock had not gone red when the department reported back.
    counts.handledOnTime = before?.light === 'red' ? 0 : 1;
  }
  if ((increment.overdueCount ?? 0) > 0) counts.overdue = increment.overdueCount;
  if ((increment.reworkCount ?? 0) > 0) counts.reworks = increment.reworkCount;
  if ((increment.extensionCount ?? 0) > 0) counts.extensions = increment.extensionCount;
  if ((increment.returnCount ?? 0) > 0) counts.returns = increment.returnCount;
  if (plan.to === 'closed' && plan.from !== 'closed') {
    counts.closed = 1;
    counts.closedOnTime = after.closureType === 'on_time' ? 1 : 0;
  }
  return counts;
}

export function rollupKeys(before: CaseRow | null, after: CaseRow): Record<RollupDimension, string | null> {
  const reportingOfficer = after.source === 'officer' ? after.reporterUsername : null;
  return {
    department: after.departmentId ?? before?.departmentId ?? null,
    district: after.districtCode,
    street: after.streetCode,
    grid: after.gridCode,
    category: after.categoryCode,
    officer: after.assignee ?? before?.assignee ?? reportingOfficer,
  };
}

export function rollupIncrements(
  plan: TransitionPlan,
  before: CaseRow | null,
  after: CaseRow,
  day: string,
): RollupIncrement[] {
  const counts = rollupCounts(plan, before, after);
  if (Object.keys(counts).length === 0) return [];
  const keys = rollupKeys(before, after);
  const increments: RollupIncrement[] = [];
  for (const [dimension, key] of Object.entries(keys) as Array<[RollupDimension, string | null]>) {
    if (key !== null) increments.push({ city: after.city, day, dimension, key, counts });
  }
  return increments;
}
