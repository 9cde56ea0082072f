/**
 * Follow-up work (后续动作) a transition asks for. Plain data: the engine writes each one as an
 * outbox row and the stage workers carry it out, so the rules stay free of I/O.
 */
import type { OpenState, Stage } from './states.js';

/** Who should hear about a change. `assignee` is the officer holding the task. */
export type Audience =
  | 'assignee'
  | 'department'
  | 'dispatcher'
  | 'intake_operator'
  | 'reporter'
  | 'shift_lead'
  | 'supervisor';

/**
 * Notices that must not be missed (紧急通知): a case gone red in someone's queue, and a supervision
 * order (督办). They stand out in the console and each is acknowledged on its own, never cleared
 * with "mark all read".
 */
export const urgentNoticeEvents: readonly string[] = [
  'deadline.overdue',
  'case.supervised',
  'region.supervisionOrder',
];

export const isUrgentNotice = (event: string): boolean => urgentNoticeEvents.includes(event);

export type FollowUp =
  /** Find the on-duty officer of the grid and issue assignVerification / startReview. */
  | { readonly kind: 'assignTask'; readonly task: 'verification' | 'check' }
  /** Arm (or re-arm) the stage deadline timers from now. */
  | { readonly kind: 'armDeadline'; readonly stage: Stage }
  /** Propose a department from the responsibility matrix (权责清单). */
  | { readonly kind: 'suggestDepartment' }
  | { readonly kind: 'notify'; readonly audience: Audience; readonly event: string }
  /** The clock stops: suspension or a terminal state; pending timers become stale. */
  | { readonly kind: 'stopClock' }
  /** The clock runs again after a suspension; re-arm with the time that was left. */
  | { readonly kind: 'resumeClock' };

export const assignTask = (task: 'verification' | 'check'): FollowUp => ({ kind: 'assignTask', task });
export const armDeadline = (stage: Stage): FollowUp => ({ kind: 'armDeadline', stage });
export const notify = (audience: Audience, event: string): FollowUp => ({ kind: 'notify', audience, event });
export const suggestDepartment: FollowUp = { kind: 'suggestDepartment' };
export const stopClock: FollowUp = { kind: 'stopClock' };
export const resumeClock: FollowUp = { kind: 'resumeClock' };

/**
 * Whose turn it is in each open state, so deadline warnings and supervision orders (督办) reach the
 * desk that must act. Sending verification and check tasks is the intake operator's job (domain.md §3).
 */
export const stateOwner: Readonly<Record<OpenState, Audience>> = {
  reported: 'intake_operator',
  verifying: 'assignee',
  verified: 'shift_lead',
  filed: 'dispatcher',
  dispatched: 'department',
  handling: 'department',
  suspended: 'department',
  handled: 'intake_operator',
  reviewing: 'assignee',
  reviewed: 'shift_lead',
};
