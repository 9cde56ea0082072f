/**
 * What a lifecycle row says a command does when it is allowed: the state it leads to, the fields
 * and counters it changes, and the effects the engine carries out in the same write — the moments
 * it records, the officer tasks it finishes or hands out, the department it looks up — and the
 * follow-up work after it. The engine decides none of these itself.
 */
import type { FollowUp } from './follow-ups.js';
import type { CaseCounter, FieldChanges } from './snapshot.js';
import type { CaseState } from './states.js';

/**
 * The moments (时间节点) a case records, each the latest time it happened: what timeliness
 * evaluation measures. The engine stores each as the `<stamp>At` column at the command's time.
 */
export const stageStamps = [
  'verified', // 核实 (or an officer's own report, which needs none)
  'filed', // 立案
  'dispatched', // 派遣
  'accepted', // 签收
  'handled', // 处理反馈
  'reviewed', // 核查 passed
  'closed', // 结案
  'rejected', // 不予立案
  'cancelled', // 作废
] as const;

export type StageStamp = (typeof stageStamps)[number];

/** The personal tasks of grid officers: 核实 (verification) and 核查 (check). */
export const officerTaskKinds = ['verification', 'check'] as const;
export type OfficerTaskKind = (typeof officerTaskKinds)[number];

/** Which open officer tasks of the case a step finishes, and as what. */
export interface TaskClosure {
  readonly status: 'done' | 'cancelled';
  /** Only tasks of this kind; all open tasks when absent. */
  readonly kind?: OfficerTaskKind;
}

export interface Outcome {
  readonly to: CaseState;
  readonly set?: FieldChanges;
  readonly increment?: Partial<Record<CaseCounter, number>>;
  readonly followUps?: readonly FollowUp[];
  /** The moments this step records. */
  readonly stamps?: readonly StageStamp[];
  /** The officer tasks this step finishes (a final state cancels every open one by itself). */
  readonly closesTasks?: TaskClosure;
  /** The task this step hands to the officer it makes the assignee (the caller chose them). */
  readonly opensTask?: OfficerTaskKind;
  /** Look up the responsibility matrix (权责清单) and record its department as the suggestion. */
  readonly suggestsDepartment?: boolean;
}
