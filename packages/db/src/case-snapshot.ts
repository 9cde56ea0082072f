/**
 * The bridge between a case row and packages/domain's CaseSnapshot: what the lifecycle rules read
 * (the engine to plan a command, the platform to list the commands a caller may issue), and which
 * columns a new snapshot writes back. The columns are typed with the domain's own values, so a row
 * maps without guards.
 */
import { type CaseCounter, type CaseSnapshot, caseCounters } from '@urbangrid/domain';
import type { CaseChanges, CaseRow } from './repositories/cases.js';

/** The snapshot the lifecycle rules decide on. */
export function caseSnapshotOf(row: CaseRow): CaseSnapshot {
  const pending = row.pendingRequest;
  return {
    state: row.state,
    source: row.source,
    reporter: row.reporterUsername,
    selfHandled: row.selfHandled,
    assignee: row.assignee,
    departmentId: row.departmentId,
    pendingRequest: pending?.kind ?? null,
    requestedExtensionMinutes: pending?.workMinutes ?? null,
    checkPassed: row.checkPassed,
    light: row.light,
    urgency: row.urgency,
    supervised: row.supervised,
    firstDepartmentId: row.firstDepartmentId,
    returnedByDepartmentIds: row.returnedByDepartmentIds,
    lastReturnReason: row.lastReturnReason,
    closureType: row.closureType,
    dispatchCount: row.dispatchCount,
    dispatchErrorCount: row.dispatchErrorCount,
    returnCount: row.returnCount,
    reworkCount: row.reworkCount,
    extensionCount: row.extensionCount,
    extensionMinutes: row.extensionMinutes,
    suspensionCount: row.suspensionCount,
    supervisionCount: row.supervisionCount,
    overdueCount: row.overdueCount,
  };
}

/** The columns a snapshot owns (everything but the pending request, which carries more than its kind). */
export function caseSnapshotColumns(snapshot: CaseSnapshot): CaseChanges {
  const counters: Partial<Record<CaseCounter, number>> = {};
  for (const counter of caseCounters) counters[counter] = snapshot[counter];
  return {
    state: snapshot.state,
    source: snapshot.source,
    reporterUsername: snapshot.reporter,
    selfHandled: snapshot.selfHandled,
    assignee: snapshot.assignee,
    departmentId: snapshot.departmentId,
    checkPassed: snapshot.checkPassed,
    light: snapshot.light,
    urgency: snapshot.urgency,
    supervised: snapshot.supervised,
    firstDepartmentId: snapshot.firstDepartmentId,
    returnedByDepartmentIds: [...snapshot.returnedByDepartmentIds],
    lastReturnReason: snapshot.lastReturnReason,
    closureType: snapshot.closureType,
    ...counters,
  };
}
