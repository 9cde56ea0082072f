/**
 * The paths a past case took through the loop, and when: a citizen's call verified on site or an
 * officer's own report, filing, dispatch (now and then returned and sent on), the department's
 * work (now and then late: a red light), the check (now and then failed: rework), closing; a few
 * calls turn out to be nothing (rejected at verification). How often each happens is the city's
 * profile, so cities differ the way their command centres do.
 */

import type { Random } from '@urbangrid/domain';
import { systemActor, userActor } from '@urbangrid/domain';
import type { HistoryStep } from '@urbangrid/engine';

/** How a city's centre works: the chance of each side path. */
export interface CityProfile {
  /** Of the reports, the share the officers make on patrol (the rest: the hotline). */
  officerShare: number;
  /** A hotline report found to be nothing on site (核实不属实). */
  rejected: number;
  /** A dispatched case returned by its department (回退) and sent to another. */
  returned: number;
  /** The department's work going past its limit (a red light). */
  late: number;
  /** The check finding it not fixed (返工). */
  rework: number;
}

/** Who works one case: the city's people for its place and category. */
export interface Crew {
  operator: string;
  shiftLead: string;
  dispatcher: string;
  officer: string;
  /** The responsible department and one of its handlers. */
  department: { id: string; handler: string };
  /** Another department with a handler, for a returned case's second dispatch. */
  otherDepartment: { id: string; handler: string };
}

const returnReasons = ['不属于本单位职责范围', '位置不在本单位管辖区域', '需其他部门先行处置'];
const reworkNotes = ['现场仍有残留，请重新处置', '整改不到位'];

/**
 * The steps of one case reported at `reportedAt`, each some working minutes after the one before.
 * The first is the report; the last closes or rejects the case.
 */
export function journeyOf(random: Random, profile: CityProfile, crew: Crew, reportedAt: Date): HistoryStep[] {
  const steps: HistoryStep[] = [];
  let at = reportedAt.getTime();
  const after = (minMinutes: number, maxMinutes: number) => {
    at += Math.round(random.between(minMinutes, maxMinutes) * 60_000);
    return new Date(at);
  };
  const officer = userActor(crew.officer, ['grid_officer']);
  const shiftLead = userActor(crew.shiftLead, ['shift_lead']);
  const dispatcher = userActor(crew.dispatcher, ['dispatcher']);
  const worker = systemActor('history');

  const byOfficer = random.chance(profile.officerShare);
  if (byOfficer) {
    steps.push({ command: { type: 'report', source: 'officer' }, actor: officer, at: new Date(at) });
  } else {
    steps.push({
      command: { type: 'report', source: 'hotline' },
      actor: userActor(crew.operator, ['intake_operator']),
      at: new Date(at),
    });
    steps.push({
      command: { type: 'assignVerification', assignee: crew.officer },
      actor: worker,
      at: after(0, 1),
    });
    const found = !random.chance(profile.rejected);
    steps.push({ command: { type: 'verify', found }, actor: officer, at: after(10, 50) });
    if (!found) return steps;
  }
  steps.push({ command: { type: 'file' }, actor: shiftLead, at: after(3, 25) });

  let department = crew.department;
  steps.push({
    command: { type: 'dispatch', departmentId: department.id },
    actor: dispatcher,
    at: after(2, 20),
  });
  if (random.chance(profile.returned)) {
    const handler = userActor(department.handler, ['department_handler'], [department.id]);
    steps.push({
      command: { type: 'return', reason: random.pick(returnReasons) },
      actor: handler,
      at: after(20, 120),
    });
    department = crew.otherDepartment;
    steps.push({
      command: { type: 'dispatch', departmentId: department.id },
      actor: dispatcher,
      at: after(5, 30),
    });
  }
  const handler = userActor(department.handler, ['department_handler'], [department.id]);
  steps.push({ command: { type: 'accept' }, actor: handler, at: after(10, 60) });
  let late = random.chance(profile.late);
  let reworks = random.chance(profile.rework) ? 1 : 0;
  for (;;) {
    if (late) {
      late = false;
      steps.push({
        command: { type: 'markOverdue', stage: 'handle', light: 'red' },
        actor: worker,
        at: after(120, 480),
      });
    }
    steps.push({ command: { type: 'complete' }, actor: handler, at: after(30, 150) });
    steps.push({ command: { type: 'startReview', assignee: crew.officer }, actor: worker, at: after(0, 1) });
    const fixed = reworks === 0;
    steps.push({
      command: { type: 'check', fixed },
      actor: officer,
      at: after(15, 90),
      ...(fixed ? {} : { data: { note: random.pick(reworkNotes) } }),
    });
    if (fixed) break;
    reworks -= 1;
  }
  steps.push({ command: { type: 'close' }, actor: shiftLead, at: after(5, 40) });
  return steps;
}
