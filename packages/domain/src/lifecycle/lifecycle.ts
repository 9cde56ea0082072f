/**
 * The lifecycle table (案件流转规则): for every command, the states it leaves from, who may issue
 * it, the guards on the case, and what it changes and asks to happen next. Everything else — the
 * engine, the routes, the console's buttons, the property tests — reads this one table.
 *
 * Two things are added generically by `planTransition` so no row can forget them: entering a new
 * stage arms that stage's deadline (and resets the light to green), and entering a terminal state
 * clears the assignee and the pending request and stops the clock.
 */
import { lightRank } from '../calendar/lights.js';
import type { Actor, Role } from './actors.js';
import type { CaseCommandType, CommandOf } from './commands.js';
import {
  type Audience,
  armDeadline,
  assignTask,
  type FollowUp,
  notify,
  resumeClock,
  stateOwner,
  stopClock,
  suggestDepartment,
} from './follow-ups.js';
import type { Outcome } from './outcome.js';
import { type CaseSnapshot, closureTypeOf } from './snapshot.js';
import { isOpen, type OpenState, openStates, stageOf } from './states.js';

/** Per-case guards beyond the role: the right person, not just the right job. */
export type CaseGuard =
  /** Only the officer the task is assigned to (case.assignee === actor's username). */
  | 'assignedOfficer'
  /** Only a department handler whose departments include the case's department. */
  | 'caseDepartmentHandler';

export interface Issuers {
  /** Users holding any of these roles. Admin is deliberately absent everywhere (see README). */
  readonly roles: readonly Role[];
  /** Outside systems with an API key (hotline platform, Open311 apps). */
  readonly integrations?: boolean;
  /** Our own workers. */
  readonly system?: boolean;
  readonly guard?: CaseGuard;
}

/** A refusal a rule can raise beyond role and state (the codes of api.md). */
export interface RuleRefusal {
  readonly code: 'TRANSITION_NOT_ALLOWED' | 'FORBIDDEN' | 'VALIDATION_FAILED';
  readonly reason: string;
}

export interface TransitionRule<T extends CaseCommandType> {
  /** The Chinese term users see. */
  readonly term: string;
  readonly from: readonly OpenState[];
  readonly issuers: Issuers;
  /** A condition on the case beyond its state; returns why not (TRANSITION_NOT_ALLOWED). */
  readonly requires?: (snapshot: CaseSnapshot) => string | null;
  /** A condition that depends on the command's payload. */
  readonly accepts?: (snapshot: CaseSnapshot, command: CommandOf<T>) => RuleRefusal | null;
  readonly outcome: (snapshot: CaseSnapshot, command: CommandOf<T>, actor: Actor) => Outcome;
}

/** The one command that creates a case; it has no snapshot to leave from. */
export interface CreationRule {
  readonly term: string;
  readonly issuers: Issuers;
  readonly accepts: (command: CommandOf<'report'>, actor: Actor) => RuleRefusal | null;
  readonly outcome: (command: CommandOf<'report'>, actor: Actor) => Outcome;
}

export type LifecycleTable = { readonly [T in Exclude<CaseCommandType, 'report'>]: TransitionRule<T> };

const intakeSources: readonly string[] = ['hotline', 'app', 'public', 'video'];

/** 上报 / 受理: who may report, and the state a new case starts in. */
export const reportRule: CreationRule = {
  term: '上报',
  issuers: { roles: ['intake_operator', 'grid_officer'], integrations: true },
  accepts: (command, actor) => {
    if (command.selfHandled === true && command.source !== 'officer') {
      return { code: 'VALIDATION_FAILED', reason: 'only an officer report can be self-handled (自行处置)' };
    }
    const isOfficer = actor.kind === 'user' && actor.roles.includes('grid_officer');
    const isIntake =
      actor.kind === 'integration' || (actor.kind === 'user' && actor.roles.includes('intake_operator'));
    if (command.source === 'officer' && !isOfficer) {
      return { code: 'FORBIDDEN', reason: "only a grid officer may make a report with source 'officer'" };
    }
    if (intakeSources.includes(command.source) && !isIntake) {
      return {
        code: 'FORBIDDEN',
        reason: `a '${command.source}' report is registered by an intake operator or an integration`,
      };
    }
    return null;
  },
  outcome: (command, actor) => {
    // The reporter is the user who saw the problem: the officer. A hotline or public report comes
    // from a citizen, whose contact details live with the report, not in the rules.
    const reporter = command.source === 'officer' && actor.kind === 'user' ? actor.username : null;
    const base = {
      source: command.source,
      reporter,
      selfHandled: false,
      checkPassed: false,
      urgency: command.urgency ?? 'normal',
    } as const;
    if (command.source !== 'officer') {
      // Reports from outside the patrol are verified on site first (核实).
      return {
        to: 'reported',
        set: base,
        followUps: [assignTask('verification'), notify('intake_operator', 'case.reported')],
      };
    }
    if (command.selfHandled === true) {
      // The officer's after-photo is the check: the report is the verification, the fix and the
      // check at once, and the case waits only for the shift lead to close it.
      return {
        to: 'reviewed',
        set: { ...base, selfHandled: true, checkPassed: true },
        stamps: ['verified', 'handled', 'reviewed'],
        followUps: [notify('shift_lead', 'case.selfHandled')],
      };
    }
    // An officer saw it: no verification needed.
    return {
      to: 'verified',
      set: base,
      stamps: ['verified'],
      followUps: [notify('shift_lead', 'case.verified')],
    };
  },
};

/** The departments that returned the case, the one returning it now added once. */
const returnedBy = (snapshot: CaseSnapshot): readonly string[] =>
  snapshot.departmentId === null || snapshot.returnedByDepartmentIds.includes(snapshot.departmentId)
    ? snapshot.returnedByDepartmentIds
    : [...snapshot.returnedByDepartmentIds, snapshot.departmentId];

const notifyDepartmentIfDispatched = (snapshot: CaseSnapshot, event: string): FollowUp[] =>
  snapshot.departmentId === null ? [] : [notify('department', event)];

export const lifecycle: LifecycleTable = {
  verify: {
    term: '核实',
    from: ['verifying'],
    issuers: { roles: ['grid_officer'], guard: 'assignedOfficer' },
    outcome: (_snapshot, command) =>
      command.found
        ? {
            to: 'verified',
            set: { assignee: null },
            stamps: ['verified'],
            closesTasks: { status: 'done', kind: 'verification' },
            followUps: [notify('shift_lead', 'case.verified')],
          }
        : { to: 'rejected', stamps: ['rejected'], followUps: [notify('reporter', 'case.rejected')] },
  },
  file: {
    term: '立案',
    from: ['verified'],
    issuers: { roles: ['shift_lead'] },
    outcome: () => ({
      to: 'filed',
      stamps: ['filed'],
      suggestsDepartment: true,
      followUps: [suggestDepartment, notify('dispatcher', 'case.filed')],
    }),
  },
  reject: {
    term: '不予立案',
    from: ['reported', 'verifying', 'verified'],
    issuers: { roles: ['shift_lead'] },
    outcome: () => ({
      to: 'rejected',
      stamps: ['rejected'],
      followUps: [notify('reporter', 'case.rejected')],
    }),
  },
  dispatch: {
    term: '派遣',
    from: ['filed'],
    // Workers may dispatch straight from the responsibility matrix (architecture.md: "propose or perform").
    issuers: { roles: ['dispatcher'], system: true },
    outcome: (snapshot, command) => ({
      to: 'dispatched',
      // The first department stays: a return counts as a dispatch error against it.
      set: {
        departmentId: command.departmentId,
        firstDepartmentId: snapshot.firstDepartmentId ?? command.departmentId,
      },
      stamps: ['dispatched'],
      increment: { dispatchCount: 1 },
      followUps: [notify('department', 'case.dispatched')],
    }),
  },
  cancel: {
    term: '作废',
    from: openStates,
    issuers: { roles: ['shift_lead'] },
    outcome: (snapshot) => ({
      to: 'cancelled',
      stamps: ['cancelled'],
      followUps: [
        ...notifyDepartmentIfDispatched(snapshot, 'case.cancelled'),
        notify('reporter', 'case.cancelled'),
      ],
    }),
  },
  accept: {
    term: '签收',
    from: ['dispatched'],
    issuers: { roles: ['department_handler'], guard: 'caseDepartmentHandler' },
    outcome: () => ({
      to: 'handling',
      stamps: ['accepted'],
      followUps: [notify('dispatcher', 'case.accepted')],
    }),
  },
  complete: {
    term: '处理反馈',
    from: ['handling'],
    issuers: { roles: ['department_handler'], guard: 'caseDepartmentHandler' },
    // A request still pending is moot once the work is done.
    outcome: () => ({
      to: 'handled',
      set: { pendingRequest: null, requestedExtensionMinutes: null },
      stamps: ['handled'],
      followUps: [assignTask('check'), notify('intake_operator', 'case.handled')],
    }),
  },
  return: {
    term: '回退',
    from: ['dispatched', 'handling'],
    issuers: { roles: ['department_handler'], guard: 'caseDepartmentHandler' },
    // The dispatch that came back counts as a dispatch error (domain.md §3). The department that
    // returned it is remembered with its reason: marked on every board, never suggested again.
    outcome: (snapshot, command) => ({
      to: 'filed',
      set: {
        departmentId: null,
        pendingRequest: null,
        requestedExtensionMinutes: null,
        returnedByDepartmentIds: returnedBy(snapshot),
        lastReturnReason: command.reason,
      },
      increment: { returnCount: 1, dispatchErrorCount: 1 },
      suggestsDepartment: true,
      followUps: [suggestDepartment, notify('dispatcher', 'case.returned')],
    }),
  },
  requestExtension: {
    term: '延期申请',
    from: ['handling'],
    issuers: { roles: ['department_handler'], guard: 'caseDepartmentHandler' },
    requires: noPendingRequest,
    outcome: (_snapshot, command) => ({
      to: 'handling',
      set: { pendingRequest: 'extension', requestedExtensionMinutes: command.workMinutes },
      followUps: [notify('dispatcher', 'extension.requested')],
    }),
  },
  decideExtension: {
    term: '延期审批',
    from: ['handling'],
    issuers: { roles: ['dispatcher'] },
    requires: pending('extension'),
    outcome: (snapshot, command) => {
      const cleared = { pendingRequest: null, requestedExtensionMinutes: null } as const;
      if (!command.approve) {
        return { to: 'handling', set: cleared, followUps: [notify('department', 'extension.denied')] };
      }
      // More time: the deadline moves, so the light starts over and the timers are re-armed.
      return {
        to: 'handling',
        set: { ...cleared, light: 'green' },
        increment: { extensionCount: 1, extensionMinutes: snapshot.requestedExtensionMinutes ?? 0 },
        followUps: [armDeadline('handle'), notify('department', 'extension.approved')],
      };
    },
  },
  requestSuspension: {
    term: '挂账申请',
    from: ['handling'],
    issuers: { roles: ['department_handler'], guard: 'caseDepartmentHandler' },
    requires: noPendingRequest,
    outcome: () => ({
      to: 'handling',
      set: { pendingRequest: 'suspension' },
      followUps: [notify('dispatcher', 'suspension.requested')],
    }),
  },
  decideSuspension: {
    term: '挂账审批',
    from: ['handling'],
    issuers: { roles: ['dispatcher'] },
    requires: pending('suspension'),
    outcome: (_snapshot, command) =>
      command.approve
        ? {
            to: 'suspended',
            set: { pendingRequest: null },
            increment: { suspensionCount: 1 },
            followUps: [stopClock, notify('department', 'suspension.approved')],
          }
        : {
            to: 'handling',
            set: { pendingRequest: null },
            followUps: [notify('department', 'suspension.denied')],
          },
  },
  resume: {
    term: '恢复处置',
    from: ['suspended'],
    issuers: { roles: ['department_handler'], guard: 'caseDepartmentHandler' },
    outcome: () => ({ to: 'handling', followUps: [resumeClock, notify('dispatcher', 'case.resumed')] }),
  },
  check: {
    term: '核查',
    from: ['reviewing'],
    issuers: { roles: ['grid_officer'], guard: 'assignedOfficer' },
    outcome: (_snapshot, command) =>
      command.fixed
        ? {
            to: 'reviewed',
            set: { assignee: null, checkPassed: true },
            stamps: ['reviewed'],
            closesTasks: { status: 'done', kind: 'check' },
            followUps: [notify('shift_lead', 'case.checked')],
          }
        : {
            // 返工: back to the same department, handling clock starts over.
            to: 'handling',
            set: { assignee: null, checkPassed: false },
            closesTasks: { status: 'done', kind: 'check' },
            increment: { reworkCount: 1 },
            followUps: [notify('department', 'case.rework')],
          },
  },
  close: {
    term: '结案',
    from: ['reviewed'],
    issuers: { roles: ['shift_lead'] },
    requires: (snapshot) =>
      snapshot.checkPassed ? null : 'a case is closed only after a passed check (核查)',
    outcome: (snapshot) => ({
      to: 'closed',
      set: { closureType: closureTypeOf(snapshot) },
      stamps: ['closed'],
      followUps: [notify('reporter', 'case.closed')],
    }),
  },
  superviseOrder: {
    term: '督办',
    from: openStates,
    issuers: { roles: ['supervisor'] },
    requires: (snapshot) =>
      snapshot.light === 'red' ? null : 'only an overdue (red) case can be supervised',
    // An escalated case is marked and handled as urgent from now on.
    outcome: (snapshot) => ({
      to: snapshot.state,
      set: { supervised: true, urgency: 'urgent' },
      increment: { supervisionCount: 1 },
      followUps: [notify(ownerOf(snapshot), 'case.supervised')],
    }),
  },
  reassign: {
    term: '改派',
    // The personal tasks (核实, 核查): not handed to anyone yet, or to someone who cannot go.
    from: ['reported', 'verifying', 'handled', 'reviewing'],
    issuers: { roles: ['shift_lead'] },
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
  },
  assignVerification: {
    term: '派发核实任务',
    from: ['reported'],
    issuers: { roles: [], system: true },
    outcome: (_snapshot, command) => ({
      to: 'verifying',
      set: { assignee: command.assignee },
      opensTask: 'verification',
      followUps: [notify('assignee', 'task.verification')],
    }),
  },
  startReview: {
    term: '派发核查任务',
    from: ['handled'],
    issuers: { roles: [], system: true },
    outcome: (_snapshot, command) => ({
      to: 'reviewing',
      set: { assignee: command.assignee, checkPassed: false },
      opensTask: 'check',
      followUps: [notify('assignee', 'task.check')],
    }),
  },
  markOverdue: {
    term: '超时预警',
    // A suspended case's clock is stopped, so no timer may raise its light.
    from: openStates.filter((state) => state !== 'suspended'),
    issuers: { roles: [], system: true },
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
  },
};

/** The personal task waiting or under way is the check (核查), not the verification. */
function isCheck(snapshot: CaseSnapshot): boolean {
  return snapshot.state === 'handled' || snapshot.state === 'reviewing';
}

function noPendingRequest(snapshot: CaseSnapshot): string | null {
  return snapshot.pendingRequest === null ? null : `a ${snapshot.pendingRequest} request is already pending`;
}

function pending(kind: 'extension' | 'suspension'): (snapshot: CaseSnapshot) => string | null {
  return (snapshot) => (snapshot.pendingRequest === kind ? null : `no ${kind} request is pending`);
}

function ownerOf(snapshot: CaseSnapshot): Audience {
  return isOpen(snapshot.state) ? stateOwner[snapshot.state] : 'supervisor';
}
