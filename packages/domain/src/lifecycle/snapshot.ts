/**
 * What the lifecycle rules need to know about a case: a small, flat value the engine loads from
 * the case row and writes back after applying a plan.
 */
import type { Light } from '../calendar/lights.js';
import type { Urgency } from '../codes/urgency.js';
import type { ReportSource } from './rows/report.js';
import type { CaseState } from './states.js';

/** A side request waiting for the dispatcher: 延期 (extension) or 挂账 (suspension). */
export type PendingRequest = 'extension' | 'suspension';

/**
 * 结案类型: `special` when the case was ever suspended (挂账, closed under an approved exception),
 * `overdue` when any stage went red, else `on_time`; `handed_to_110` (移交110) when the shift lead
 * handed a public-security matter over to the police: ended, but fixed by nobody here, so it counts
 * in no closing rate.
 */
export const closureTypes = ['on_time', 'overdue', 'special', 'handed_to_110'] as const;
export type ClosureType = (typeof closureTypes)[number];

/** Counters only ever go up; reports and evaluation read them. */
export const caseCounters = [
  'dispatchCount', // 派遣次数
  'dispatchErrorCount', // 派遣错误: a dispatch that came back as a return
  'returnCount', // 回退次数
  'reworkCount', // 返工次数
  'extensionCount', // 延期次数 (approved)
  'extensionMinutes', // working minutes granted by approved extensions
  'suspensionCount', // 挂账次数 (approved)
  'supervisionCount', // 督办次数
  'overdueCount', // stages that went red
] as const;

export type CaseCounter = (typeof caseCounters)[number];

export type CaseCounters = Readonly<Record<CaseCounter, number>>;

export interface CaseFields {
  readonly state: CaseState;
  readonly source: ReportSource;
  /** Username of the officer who reported it, or null when a citizen did (hotline, app, public, video). */
  readonly reporter: string | null;
  /** 自行处置: the officer fixed it on the spot. */
  readonly selfHandled: boolean;
  /** Username who must act next on a verification or check task, else null. */
  readonly assignee: string | null;
  /** The department the case is dispatched to, null before dispatch and after a return. */
  readonly departmentId: string | null;
  readonly pendingRequest: PendingRequest | null;
  /** Working minutes asked for by the pending extension request. */
  readonly requestedExtensionMinutes: number | null;
  /** Whether the latest check (核查) found the problem fixed. */
  readonly checkPassed: boolean;
  /** Light of the current stage's deadline; reset to green when the stage changes. */
  readonly light: Light;
  /** Urgency (紧急程度): picks the time limits; a supervision order (督办) makes a case urgent. */
  readonly urgency: Urgency;
  /** 督办: a supervisor escalated the case. */
  readonly supervised: boolean;
  /** The department of the first dispatch: a later return counts a dispatch error against it. */
  readonly firstDepartmentId: string | null;
  /** The departments that returned the case (回退), in order: none of them is suggested again. */
  readonly returnedByDepartmentIds: readonly string[];
  /** Why the case was last returned (回退原因), shown on every board; null if never returned. */
  readonly lastReturnReason: string | null;
  /** Set when the case is closed (结案). */
  readonly closureType: ClosureType | null;
}

export type CaseSnapshot = CaseFields & CaseCounters;

/** Fields a plan may set (the state is set by `to`). */
export type FieldChanges = Partial<Omit<CaseFields, 'state'>>;

export const zeroCounters: CaseCounters = {
  dispatchCount: 0,
  dispatchErrorCount: 0,
  returnCount: 0,
  reworkCount: 0,
  extensionCount: 0,
  extensionMinutes: 0,
  suspensionCount: 0,
  supervisionCount: 0,
  overdueCount: 0,
};

/** The closure type (结案类型) of a case closed as it is now. */
export function closureTypeOf(snapshot: Pick<CaseSnapshot, 'suspensionCount' | 'overdueCount'>): ClosureType {
  if (snapshot.suspensionCount > 0) return 'special';
  if (snapshot.overdueCount > 0) return 'overdue';
  return 'on_time';
}

/** Whether a case closed so counts as closed by urban management (not handed over to 110). */
export function countsAsClosing(closureType: ClosureType | null): boolean {
  return closureType !== 'handed_to_110';
}

/** Whether the current stage is past its limit (红灯 / 超期). */
export function isOverdue(snapshot: Pick<CaseSnapshot, 'light'>): boolean {
  return snapshot.light === 'red';
}
