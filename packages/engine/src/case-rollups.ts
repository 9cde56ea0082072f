/**
 * What a command adds to the report rollups (timeliness report, api.md; evaluation, domain.md §6),
 * by dimension. Written in the command's transaction so reports read counters, never the event log.
 *
 * Keys: department = the case's department (the one it left, for a return); district, street,
 * grid and category = the case's; officer = the officer holding (or who last held) the personal
 * task, else the reporting officer; staff = the person responsible for the step (see staffKey);
 * officer_grids = the officers holding the case's grid as the command is written (keyed by the grid
 * here, by each officer in the rollup), for the counts an officer's grids count for them.
 * Days are local days of the city. "On time" for a step = the light of the stage it ends had not
 * gone red.
 */
import type { CaseRow, RollupCounts, RollupDimension, RollupIncrement } from '@urbangrid/db';
import { officerGridsDimension, officerGridsMetrics, staffDimension } from '@urbangrid/db';
import { countsAsClosing, stageOf, type TransitionPlan } from '@urbangrid/domain';

/** Who did earlier steps the command judges (looked up in the history by the engine). */
export interface StaffFacts {
  /** Username of the staff member issuing the command, null for integrations and workers. */
  actor: string | null;
  /** Who filed the case (立案), for a cancellation of a filed case. */
  filedBy?: string | null;
  /** Who made the dispatch that a return sends back (a dispatch error). */
  dispatchedBy?: string | null;
}

const onTime = (before: CaseRow | null): number => (before?.light === 'red' ? 0 : 1);

export function rollupCounts(
  plan: TransitionPlan,
  before: CaseRow | null,
  after: CaseRow,
): Partial<RollupCounts> {
  const counts: Partial<RollupCounts> = {};
  const increment = plan.changes.increment;
  if (plan.command === 'report') counts.received = 1;
  if (plan.command === 'dispatch') {
    counts.dispatched = 1;
    counts.dispatchedOnTime = onTime(before);
  }
  if (plan.command === 'complete') {
    counts.handled = 1;
    // Handled on time: the handling clock had not gone red when the department reported back.
    counts.handledOnTime = onTime(before);
  }
  if ((increment.overdueCount ?? 0) > 0) {
    counts.overdue = increment.overdueCount;
    if (before !== null && stageOf(before.state) === 'handle') {
      counts.handlingOverdue = increment.overdueCount;
    }
  }
  if ((increment.reworkCount ?? 0) > 0) counts.reworks = increment.reworkCount;
  if ((increment.extensionCount ?? 0) > 0) counts.extensions = increment.extensionCount;
  if ((increment.returnCount ?? 0) > 0) counts.returns = increment.returnCount;
  // 立案: a filing, or a self-handled report (自行处置), which is filed and fixed at once.
  if (plan.command === 'file' || (plan.command === 'report' && after.selfHandled)) {
    counts.filed = 1;
    counts.publicFiled = after.source === 'officer' ? 0 : 1;
    if (plan.command === 'file') counts.filedOnTime = onTime(before);
  }
  if (plan.command === 'verify') {
    counts.verifications = 1;
    counts.verificationsOnTime = onTime(before);
  }
  if (plan.command === 'check') {
    counts.checks = 1;
    counts.checksOnTime = onTime(before);
  }
  // A case handed over to 110 (移交110) ended here, but nobody here fixed it: no closing to count.
  if (plan.to === 'closed' && plan.from !== 'closed' && countsAsClosing(after.closureType)) {
    counts.closed = 1;
    counts.closedOnTime = after.closureType === 'on_time' ? 1 : 0;
    counts.closingsOnTime = onTime(before);
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

/**
 * The staff member a command counts for, and what it counts (intake operator, shift lead,
 * dispatcher evaluation). Task dispatch is done by workers here, so it counts for the operator who
 * registered the case — the person whose job it is (domain.md §3, step 6).
 */
export function staffCounts(
  plan: TransitionPlan,
  before: CaseRow | null,
  after: CaseRow,
  staff: StaffFacts,
): { key: string; counts: Partial<RollupCounts> } | null {
  const registeringOperator = after.source === 'officer' ? null : after.reporterUsername;
  const at = (key: string | null | undefined, counts: Partial<RollupCounts>) =>
    key === null || key === undefined ? null : { key, counts };
  switch (plan.command) {
    case 'report':
      return after.source === 'officer' ? null : at(staff.actor, { registered: 1 });
    case 'assignVerification':
      return at(registeringOperator, {
        verificationDispatches: 1,
        verificationDispatchesOnTime: onTime(before),
      });
    case 'startReview':
      return at(registeringOperator, { checkDispatches: 1, checkDispatchesOnTime: onTime(before) });
    case 'reassign':
      // The shift lead sent the first officer (the stage worker found nobody): that is the task's
      // hand-over. Sending someone else later is not another one.
      if (plan.from === 'reported') {
        return at(registeringOperator, {
          verificationDispatches: 1,
          verificationDispatchesOnTime: onTime(before),
        });
      }
      if (plan.from === 'handled') {
        return at(registeringOperator, { checkDispatches: 1, checkDispatchesOnTime: onTime(before) });
      }
      return null;
    case 'file':
      return at(staff.actor, { filed: 1, filedOnTime: onTime(before) });
    case 'close':
      return at(staff.actor, { closed: 1, closingsOnTime: onTime(before) });
    case 'dispatch':
      return at(staff.actor, { dispatched: 1, dispatchedOnTime: onTime(before) });
    case 'return':
      return at(staff.dispatchedBy, { dispatchErrors: 1 });
    case 'cancel':
      return before?.filedAt == null ? null : at(staff.filedBy, { filedThenCancelled: 1 });
    default:
      return null;
  }
}

/** The counts of `officerGridsMetrics` among a command's, null when it has none. */
function officerGridsCounts(counts: Partial<RollupCounts>): Partial<RollupCounts> | null {
  const picked: Partial<RollupCounts> = {};
  for (const metric of officerGridsMetrics) {
    if ((counts[metric] ?? 0) !== 0) picked[metric] = counts[metric];
  }
  return Object.keys(picked).length > 0 ? picked : null;
}

export function rollupIncrements(
  plan: TransitionPlan,
  before: CaseRow | null,
  after: CaseRow,
  day: string,
  staff: StaffFacts = { actor: null },
): RollupIncrement[] {
  const increments: RollupIncrement[] = [];
  const counts = rollupCounts(plan, before, after);
  if (Object.keys(counts).length > 0) {
    const keys = rollupKeys(before, after);
    for (const [dimension, key] of Object.entries(keys) as Array<[RollupDimension, string | null]>) {
      if (key !== null) increments.push({ city: after.city, day, dimension, key, counts });
    }
    const forOfficers = officerGridsCounts(counts);
    if (keys.grid !== null && forOfficers !== null) {
      increments.push({
        city: after.city,
        day,
        dimension: officerGridsDimension,
        key: keys.grid,
        counts: forOfficers,
      });
    }
  }
  const forStaff = staffCounts(plan, before, after, staff);
  if (forStaff !== null) {
    increments.push({
      city: after.city,
      day,
      dimension: staffDimension,
      key: forStaff.key,
      counts: forStaff.counts,
    });
  }
  return increments;
}
