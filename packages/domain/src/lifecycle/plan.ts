/**
 * Deciding a command against a case (planTransition) and applying the decision (applyPlan). Pure:
 * the engine loads the snapshot, asks for a plan, writes it in one transaction; the property tests
 * run the very same two functions.
 */
import type { Actor, Role } from './actors.js';
import { describeActor } from './actors.js';
import {
  type CaseCommand,
  type CaseCommandType,
  caseCommandSchema,
  type HumanCommandType,
  humanCommands,
} from './commands.js';
import { armDeadline, type FollowUp, stopClock } from './follow-ups.js';
import { type LifecycleTable, lifecycle, reportRule } from './lifecycle.js';
import type { OfficerTaskKind, Outcome, StageStamp, TaskClosure } from './outcome.js';
import type { CaseGuard, Issuers, TransitionRule } from './rule.js';
import {
  type CaseCounter,
  type CaseSnapshot,
  caseCounters,
  type FieldChanges,
  zeroCounters,
} from './snapshot.js';
import { type CaseState, isTerminal, stageOf } from './states.js';

export type RefusalCode = 'TRANSITION_NOT_ALLOWED' | 'FORBIDDEN' | 'VALIDATION_FAILED';

export interface TransitionChanges {
  readonly set: FieldChanges;
  /** Amounts added to counters; never negative. */
  readonly increment: Partial<Record<CaseCounter, number>>;
}

/**
 * An allowed command: where the case goes, what changes, what the write records beside the case
 * (the row's outcome, see outcome.ts), and the work that must follow.
 */
export interface TransitionPlan {
  readonly ok: true;
  readonly command: CaseCommandType;
  /** null when the command creates the case. */
  readonly from: CaseState | null;
  readonly to: CaseState;
  readonly changes: TransitionChanges;
  readonly stamps: readonly StageStamp[];
  readonly closesTasks: TaskClosure | null;
  readonly opensTask: OfficerTaskKind | null;
  readonly suggestsDepartment: boolean;
  readonly followUps: readonly FollowUp[];
}

/**
 * A refused command. FORBIDDEN: this actor may not issue it (role or guard); TRANSITION_NOT_ALLOWED:
 * the case's state does not allow it; VALIDATION_FAILED: the command itself is malformed.
 */
export interface TransitionRefusal {
  readonly ok: false;
  readonly code: RefusalCode;
  readonly reason: string;
}

export type TransitionDecision = TransitionPlan | TransitionRefusal;

const refuse = (code: RefusalCode, reason: string): TransitionRefusal => ({ ok: false, code, reason });

/**
 * Decides whether `actor` may apply `command` to the case, and if so what happens. Pass `null` as
 * the snapshot for `report`, which creates the case.
 *
 * Checks run in this order: the command is well-formed; the actor's kind and roles may issue it
 * (FORBIDDEN); the state allows it (TRANSITION_NOT_ALLOWED); the per-case guard — assigned officer,
 * handler of the case's department — holds (FORBIDDEN); further conditions on the case and the
 * payload hold.
 */
export function planTransition(
  snapshot: CaseSnapshot | null,
  command: CaseCommand,
  actor: Actor,
): TransitionDecision {
  const parsed = caseCommandSchema.safeParse(command);
  if (!parsed.success) {
    const detail = parsed.error.issues.map(
      (issue) => `${issue.path.join('.') || 'command'}: ${issue.message}`,
    );
    return refuse('VALIDATION_FAILED', detail.join('; '));
  }
  const valid = parsed.data;
  if (valid.type === 'report') {
    if (snapshot !== null)
      return refuse('TRANSITION_NOT_ALLOWED', 'the case exists already; report creates one');
    const denied = issuerRefusal('report', reportRule.issuers, actor) ?? reportRule.accepts(valid, actor);
    if (denied) return refuse(denied.code, denied.reason);
    return finish('report', null, reportRule.outcome(valid, actor));
  }
  if (snapshot === null) return refuse('TRANSITION_NOT_ALLOWED', `${valid.type} needs an existing case`);
  return planWithRule(valid.type, snapshot, valid, actor);
}

function planWithRule(
  type: keyof LifecycleTable,
  snapshot: CaseSnapshot,
  command: CaseCommand,
  actor: Actor,
): TransitionDecision {
  // The table is keyed by command type, so the row for `type` takes exactly this command.
  const rule = lifecycle[type] as TransitionRule;
  const denied =
    issuerRefusal(type, rule.issuers, actor) ??
    stateRefusal(type, rule, snapshot) ??
    guardRefusal(type, rule.issuers.guard, snapshot, actor) ??
    conditionRefusal(rule, snapshot) ??
    rule.accepts?.(snapshot, command) ??
    null;
  if (denied) return refuse(denied.code, denied.reason);
  return finish(type, snapshot, rule.outcome(snapshot, command, actor));
}

interface Denial {
  readonly code: RefusalCode;
  readonly reason: string;
}

/**
 * Why `actor` may not issue `type` at all, whatever the case (its role or kind), or null when it
 * may: the first check of `planTransition`, which a route can make before reading anything.
 */
export function issuerRefusalOf(type: CaseCommandType, actor: Actor): TransitionRefusal | null {
  const issuers = type === 'report' ? reportRule.issuers : lifecycle[type].issuers;
  const denied = issuerRefusal(type, issuers, actor);
  return denied === null ? null : refuse(denied.code, denied.reason);
}

/** The roles the lifecycle table lets issue `type` (admin is in none, see README). */
export function issuerRoles(type: CaseCommandType): readonly Role[] {
  return type === 'report' ? reportRule.issuers.roles : lifecycle[type].issuers.roles;
}

function issuerRefusal(type: CaseCommandType, issuers: Issuers, actor: Actor): Denial | null {
  const allowed =
    (actor.kind === 'system' && issuers.system === true) ||
    (actor.kind === 'integration' && issuers.integrations === true) ||
    (actor.kind === 'user' && actor.roles.some((role) => issuers.roles.includes(role)));
  if (allowed) return null;
  const who = [
    ...issuers.roles,
    ...(issuers.integrations ? ['an integration'] : []),
    ...(issuers.system ? ['a system worker'] : []),
  ];
  return {
    code: 'FORBIDDEN',
    reason: `${type} may be issued only by ${who.join(', ')}; not by ${describeActor(actor)}`,
  };
}

function stateRefusal<T extends CaseCommandType>(
  type: T,
  rule: { readonly from: readonly CaseState[] },
  snapshot: CaseSnapshot,
): Denial | null {
  if (isTerminal(snapshot.state)) {
    return { code: 'TRANSITION_NOT_ALLOWED', reason: `the case is ${snapshot.state}, a final state` };
  }
  if (rule.from.includes(snapshot.state)) return null;
  return {
    code: 'TRANSITION_NOT_ALLOWED',
    reason: `${type} is not allowed in state ${snapshot.state} (only from ${rule.from.join(', ')})`,
  };
}

function guardRefusal(
  type: CaseCommandType,
  guard: CaseGuard | undefined,
  snapshot: CaseSnapshot,
  actor: Actor,
): Denial | null {
  if (guard === undefined) return null;
  if (guard === 'assignedOfficer') {
    if (actor.kind === 'user' && snapshot.assignee !== null && snapshot.assignee === actor.username)
      return null;
    return {
      code: 'FORBIDDEN',
      reason: `${type} may be done only by the assigned officer (${snapshot.assignee ?? 'none assigned'})`,
    };
  }
  const departmentId = snapshot.departmentId;
  if (
    actor.kind === 'user' &&
    actor.roles.includes('department_handler') &&
    departmentId !== null &&
    actor.departmentIds.includes(departmentId)
  ) {
    return null;
  }
  return {
    code: 'FORBIDDEN',
    reason: `${type} may be done only by a handler of the case's department (${departmentId ?? 'none'})`,
  };
}

function conditionRefusal(
  rule: { readonly requires?: (snapshot: CaseSnapshot) => string | null },
  snapshot: CaseSnapshot,
): Denial | null {
  const why = rule.requires?.(snapshot) ?? null;
  return why === null ? null : { code: 'TRANSITION_NOT_ALLOWED', reason: why };
}

/**
 * Adds what every transition into a new stage or a final state needs, so no row can forget it:
 * a new stage arms its deadline with the light green again; a final state clears the task and the
 * pending request, stops the clock and cancels every open officer task.
 */
function finish(type: CaseCommandType, snapshot: CaseSnapshot | null, outcome: Outcome): TransitionPlan {
  const from = snapshot?.state ?? null;
  let set: FieldChanges = outcome.set ?? {};
  let closesTasks = outcome.closesTasks ?? null;
  const followUps = [...(outcome.followUps ?? [])];
  const toStage = stageOf(outcome.to);
  if (isTerminal(outcome.to)) {
    set = { ...set, assignee: null, pendingRequest: null, requestedExtensionMinutes: null };
    closesTasks = { status: 'cancelled' };
    followUps.push(stopClock);
  } else if (toStage !== null && (from === null || stageOf(from) !== toStage)) {
    set = { ...set, light: 'green' };
    followUps.unshift(armDeadline(toStage));
  }
  return {
    ok: true,
    command: type,
    from,
    to: outcome.to,
    changes: { set, increment: outcome.increment ?? {} },
    stamps: outcome.stamps ?? [],
    closesTasks,
    opensTask: outcome.opensTask ?? null,
    suggestsDepartment: outcome.suggestsDepartment ?? false,
    followUps,
  };
}

/**
 * Applies an allowed plan to the snapshot it was made for (null for a report) and returns the new
 * snapshot. Throws when the plan was made for a case in another state: that is a bug in the caller.
 */
export function applyPlan(snapshot: CaseSnapshot | null, plan: TransitionPlan): CaseSnapshot {
  if ((snapshot?.state ?? null) !== plan.from) {
    throw new Error(
      `plan for ${plan.command} leaves from ${plan.from ?? 'no case'}, case is ${snapshot?.state ?? 'absent'}`,
    );
  }
  const base = snapshot ?? newCaseSnapshot(plan);
  const counters = { ...zeroCounters };
  for (const counter of caseCounters)
    counters[counter] = base[counter] + (plan.changes.increment[counter] ?? 0);
  return { ...base, ...plan.changes.set, ...counters, state: plan.to };
}

function newCaseSnapshot(plan: TransitionPlan): CaseSnapshot {
  const source = plan.changes.set.source;
  if (source === undefined) throw new Error(`plan for ${plan.command} cannot create a case`);
  return {
    ...zeroCounters,
    state: plan.to,
    source,
    reporter: null,
    selfHandled: false,
    assignee: null,
    departmentId: null,
    pendingRequest: null,
    requestedExtensionMinutes: null,
    checkPassed: false,
    light: 'green',
    urgency: 'normal',
    supervised: false,
    firstDepartmentId: null,
    returnedByDepartmentIds: [],
    lastReturnReason: null,
    closureType: null,
  };
}

/**
 * The human commands this actor could issue on this case right now, payload aside — what the
 * console shows as buttons. `report` is never listed (it creates a case).
 */
export function availableCommands(snapshot: CaseSnapshot, actor: Actor): HumanCommandType[] {
  return humanCommands.filter((type): type is Exclude<HumanCommandType, 'report'> => {
    if (type === 'report') return false;
    const rule = lifecycle[type];
    return (
      issuerRefusal(type, rule.issuers, actor) === null &&
      stateRefusal(type, rule, snapshot) === null &&
      guardRefusal(type, rule.issuers.guard, snapshot, actor) === null &&
      conditionRefusal(rule, snapshot) === null
    );
  });
}
