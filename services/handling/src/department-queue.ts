/**
 * A department's work queue (部门工作台): new cases to sign for, cases in hand (suspended ones
 * included), cases sent back for rework (返工) and everything overdue, the earliest deadline first.
 */
import { type CaseFilter, type CasePage, type CaseScope, type Db, listCasesByDeadline } from '@urbangrid/db';

export type DepartmentSection = 'inbox' | 'inProgress' | 'rework' | 'overdue';

/** The overdue section repeats cases of the others: it is the list a department head chases. */
function filters(departmentId: string): Record<DepartmentSection, CaseFilter> {
  return {
    inbox: { departmentId, states: ['dispatched'] },
    inProgress: { departmentId, states: ['handling', 'suspended'], reworked: false },
    rework: { departmentId, states: ['handling', 'suspended'], reworked: true },
    overdue: { departmentId, states: ['dispatched', 'handling'], overdue: true },
  };
}

export async function departmentQueue(
  db: Db,
  scope: CaseScope,
  departmentId: string,
  limit: number,
): Promise<Record<DepartmentSection, CasePage>> {
  const wanted = filters(departmentId);
  const [inbox, inProgress, rework, overdue] = await Promise.all([
    listCasesByDeadline(db, scope, wanted.inbox, limit),
    listCasesByDeadline(db, scope, wanted.inProgress, limit),
    listCasesByDeadline(db, scope, wanted.rework, limit),
    listCasesByDeadline(db, scope, wanted.overdue, limit),
  ]);
  return { inbox, inProgress, rework, overdue };
}
