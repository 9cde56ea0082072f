/**
 * What the lifecycle rules need to know about a case: a small, flat value the engine loads from
 * the case row and writes back after applying a plan.
 */
import type { Light } from '../calendar/lights.js';
import type { ReportSource } from './commands.js';
import type { CaseState } from './states.js';

/** A side request waiting for the dispatcher: 延期 (extension) or 挂账 (suspension). */
export type PendingRequest = 'extension' | 'suspension';

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

/** Whether the current stage is past its limit (红灯 / 超期). */
export function isOverdue(snapshot: Pick<CaseSnapshot, 'light'>): boolean {
  return snapshot.light === 'red';
}
