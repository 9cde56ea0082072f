/**
 * From rollup totals to the counts each evaluated subject's indicators need (domain.md §6). The
 * rollups count events (flows) per day, so "due" counts are the flows that made something due:
 *
 * - department: due to handle = dispatched − returned + reworked (each rework is handled again);
 *   due to close = handled; overdue pending = handling went red and was not yet handled late.
 * - officer: reports and valid (filed) reports as the reporting officer; verifications and checks
 *   done, and on time; missed reports = filed cases of the officer's grids the public reported.
 * - area: due to close = filed; public reports = filed cases the public reported.
 */
import type { OfficerGridsCounts, RollupCounts } from '@urbangrid/db';
import type {
  AreaCounts,
  DepartmentCounts,
  DispatcherCounts,
  IntakeOperatorCounts,
  OfficerCounts,
  ShiftLeadCounts,
} from '@urbangrid/domain';

export function departmentCounts(t: RollupCounts): DepartmentCounts {
  return {
    dueToHandle: Math.max(0, t.dispatched - t.returns + t.reworks),
    handled: t.handled,
    handledOnTime: t.handledOnTime,
    dueToClose: t.handled,
    reworks: t.reworks,
    overduePending: Math.max(0, t.handlingOverdue - (t.handled - t.handledOnTime)),
    extensions: t.extensions,
  };
}

/** `own` from the officer dimension, `grids` from the officer's grids (officer_grids). */
export function officerCounts(own: RollupCounts, grids: OfficerGridsCounts): OfficerCounts {
  return {
    reports: own.received,
    validReports: own.filed,
    verificationsDue: own.verifications,
    verificationsOnTime: own.verificationsOnTime,
    checksDue: own.checks,
    checksOnTime: own.checksOnTime,
    missedReports: grids.publicFiled,
    casesFiled: grids.filed,
  };
}

export function intakeOperatorCounts(t: RollupCounts): IntakeOperatorCounts {
  return {
    registered: t.registered,
    verificationDispatchesDue: t.verificationDispatches,
    verificationDispatchesOnTime: t.verificationDispatchesOnTime,
    checkDispatchesDue: t.checkDispatches,
    checkDispatchesOnTime: t.checkDispatchesOnTime,
  };
}

export function shiftLeadCounts(t: RollupCounts): ShiftLeadCounts {
  return {
    filingsDue: t.filed,
    filedOnTime: t.filedOnTime,
    filed: t.filed,
    filedThenCancelled: t.filedThenCancelled,
    closingsDue: t.closed,
    closedOnTime: t.closingsOnTime,
  };
}

export function dispatcherCounts(t: RollupCounts): DispatcherCounts {
  return {
    dispatched: t.dispatched,
    dispatchesDue: t.dispatched,
    dispatchedOnTime: t.dispatchedOnTime,
    dispatchErrors: t.dispatchErrors,
  };
}

export function areaCounts(t: RollupCounts, area: { areaKm2: number; population: number }): AreaCounts {
  return {
    dueToClose: t.filed,
    closed: t.closed,
    closedOnTime: t.closedOnTime,
    reports: t.filed,
    publicReports: t.publicFiled,
    cases: t.received,
    areaKm2: area.areaKm2,
    population: area.population > 0 ? area.population : undefined,
  };
}
