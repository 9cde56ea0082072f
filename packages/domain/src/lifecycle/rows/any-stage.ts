/**
 * Commands not tied to one stage: cancelling an open case (作废), sending an officer to a personal
 * task (改派), the supervision order (督办), another call about an open case attached to it
 * (附加来电) and the deadline timers' lights (超时预警).
 */
import { z } from 'zod';
import { lightRank } from '../../calendar/lights.js';
import type { Role } from '../actors.js';
import { type Audience, type FollowUp, notify, stateOwner } from '../follow-ups.js';
import { bodyFields, transition } from '../rule.js';
import type { CaseSnapshot } from '../snapshot.js';
import { isOpen, openStates, stageOf, stages } from '../states.js';

const notifyDepartmentIfDispatched = (snapshot: CaseSnapshot, event: string): FollowUp[] =>
  snapshot.departmentId === null ? [] : [notify('department', event)];

/** The personal task waiting or under way is the check (核查), not the verification. */
function isCheck(snapshot: CaseSnapshot): boolean {
  return snapshot.state === 'handled' || snapshot.state === 'reviewing';
}

function ownerOf(snapshot: CaseSnapshot): Audience {
  return isOpen(snapshot.state) ? stateOwner[snapshot.state] : 'supervisor';
}

/**
 * 督办's two desks (domain.md §2): a city's supervision centre (监督中心, `supervisor`) issues it on
 * the case's own command route; the region's supervisor (自治区平台) only at the region's desk
 * (POST /api/region/supervision-orders), whose order to the city is recorded with the case's 督办.
 * The command's issuers are both; the route and the desk each take their own.
 */
export const supervisionDesks = {
  city: ['supervisor'],
  region: ['region_supervisor'],
} as const satisfies Record<'city' | 'region', readonly Role[]>;

/** Whether one of `roles` issues 督办 at `desk`. */
export function issuesSupervisionAt(desk: keyof typeof supervisionDesks, roles: readonly Role[]): boolean {
  const at: readonly Role[] = supervisionDesks[desk];
  return roles.some((role) => at.includes(role));
}

export const anyStageRows = {
  cancel: transition({
    term: '作废',
    from: openStates,
    issuers: { roles: ['shift_lead'] },
    body: z.object({ reason: bodyFields.text }),
    outcome: (snapshot) => ({
      to: 'cancelled',
      stamps: ['cancelled'],
      followUps: [
        ...notifyDepartmentIfDispatched(snapshot, 'case.cancelled'),
        notify('reporter', 'case.cancelled'),
      ],
    }),
  }),
  /** 改派: the shift lead sends an officer to the verification or check (nobody was sent, or cannot go). */
  reassign: transition({
    term: '改派',
    // The personal tasks (核实, 核查): not handed to anyone yet, or to someone who cannot go.
    from: ['reported', 'verifying', 'handled', 'reviewing'],
    issuers: { roles: ['shift_lead'] },
    body: z.object({ assignee: bodyFields.username }),
    accepts: (snapshot, command) => {
      if (snapshot.assignee === command.assignee) {
        return { code: 'TRANSITION_NOT_ALLOWED', reason: `the task is already ${command.assignee}'s` };
      }
      // Nobody confirms the fix of a problem they reported (§7): the worker only avoids it when
      // it can, a person choosing may not choose it.
      if (isCheck(snapshot) && snapshot.reporter === command.assignee) {
        return {
          code: 'VALIDATION_FAILED',
          reason: `${command.assignee} reported this case and may not check its fix`,
        };
      }
      return null;
    },
    // The earlier officer's task is cancelled; the officer sent gets a new one.
    outcome: (snapshot, command) =>
      !isCheck(snapshot)
        ? {
            to: 'verifying',
            set: { assignee: command.assignee },
            closesTasks: { status: 'cancelled' },
            opensTask: 'verification',
            followUps: [notify('assignee', 'task.verification')],
          }
        : {
            to: 'reviewing',
            set: { assignee: command.assignee, checkPassed: false },
            closesTasks: { status: 'cancelled' },
            opensTask: 'check',
            followUps: [notify('assignee', 'task.check')],
          },
  }),
  /** 督办: the city's supervision centre, or the region's supervisor at its desk (`supervisionDesks`). */
  superviseOrder: transition({
    term: '督办',
    from: openStates,
    issuers: { roles: [...supervisionDesks.city, ...supervisionDesks.region] },
    body: z.object({ note: bodyFields.text.optional() }),
    requires: (snapshot) =>
      snapshot.light === 'red' ? null : 'only an overdue (red) case can be supervised',
    // An escalated case is marked and handled as urgent from now on.
    outcome: (snapshot) => ({
      to: snapshot.state,
      set: { supervised: true, urgency: 'urgent' },
      increment: { supervisionCount: 1 },
      followUps: [notify(ownerOf(snapshot), 'case.supervised')],
    }),
  }),
  /**
   * 附加来电: the hotline takes another call about a problem an open case already has; the call is
   * recorded on that case (the caller, kept apart as personal data, is named by `callerId` only) and
   * the caller hears of it and is called back as its reporter is. An ended case takes no more calls:
   * the operator files a new report.
   */
  attachCall: transition({
    term: '附加来电',
    from: openStates,
    issuers: { roles: ['intake_operator'] },
    body: z.object({ callerId: z.string().trim().min(1).max(64) }),
    outcome: (snapshot) => ({ to: snapshot.state }),
  }),
  /** System: a stage deadline timer fired (80 % → yellow, 100 % → red). */
  markOverdue: transition({
    term: '超时预警',
    // A suspended case's clock is stopped, so no timer may raise its light.
    from: openStates.filter((state) => state !== 'suspended'),
    issuers: { roles: [], system: true },
    body: z.object({ stage: z.enum(stages), light: z.enum(['yellow', 'red']) }),
    accepts: (snapshot, command) =>
      stageOf(snapshot.state) === command.stage
        ? null
        : {
            code: 'TRANSITION_NOT_ALLOWED',
            reason: `stale timer: the case is in stage '${stageOf(snapshot.state)}', not '${command.stage}'`,
          },
    outcome: (snapshot, command) => {
      // Timers may fire twice; a light never goes down, so a repeat changes nothing.
      if (lightRank(command.light) <= lightRank(snapshot.light)) return { to: snapshot.state };
      const owner = ownerOf(snapshot);
      return command.light === 'red'
        ? {
            to: snapshot.state,
            set: { light: 'red' },
            increment: { overdueCount: 1 },
            followUps: [notify(owner, 'deadline.overdue'), notify('supervisor', 'deadline.overdue')],
          }
        : { to: snapshot.state, set: { light: 'yellow' }, followUps: [notify(owner, 'deadline.warning')] };
    },
  }),
};
