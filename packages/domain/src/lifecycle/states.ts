/**
 * Case states (案件状态) and the stage clock each one runs on.
 *
 * The names are fixed by the HTTP contract (api.md); the console, integrations and acceptance tests
 * depend on them, so never rename one.
 */

/** Every state a case can be in, in the order of the closed loop (七步闭环). */
export const caseStates = [
  'reported', // 上报 / 受理: registered, waiting for a verification task
  'verifying', // 核实中: an officer is verifying on site
  'verified', // 已核实: waiting for the shift lead to file (立案)
  'filed', // 已立案: waiting for dispatch (派遣)
  'dispatched', // 已派遣: waiting for the department to sign (签收)
  'handling', // 处置中
  'suspended', // 挂账 / 缓办: parked with approval, clock stopped
  'handled', // 已处置 (处理反馈): waiting for a check task
  'reviewing', // 核查中: an officer is checking the fix on site
  'reviewed', // 已核查: waiting for the shift lead to close (结案)
  'closed', // 已结案
  'rejected', // 不予立案
  'cancelled', // 作废
] as const;

export type CaseState = (typeof caseStates)[number];

/** States that accept no command at all (closed, rejected, cancelled). */
export const terminalStates = ['closed', 'rejected', 'cancelled'] as const satisfies readonly CaseState[];

export type TerminalState = (typeof terminalStates)[number];
export type OpenState = Exclude<CaseState, TerminalState>;

export function isTerminal(state: CaseState): state is TerminalState {
  return (terminalStates as readonly CaseState[]).includes(state);
}

export function isOpen(state: CaseState): state is OpenState {
  return !isTerminal(state);
}

/** Every non-terminal state; Open311 reports all of them as `open`. */
export const openStates: readonly OpenState[] = caseStates.filter(isOpen);

/** The stages that carry a time limit (时限), one deadline each. */
export const stages = ['verify', 'file', 'dispatch', 'handle', 'check', 'close'] as const;

export type Stage = (typeof stages)[number];

/**
 * Which stage's clock runs while a case sits in an open state. The verification clock starts at
 * the report, the handling clock at dispatch (domain.md §3), the check clock when the department
 * reports back.
 */
export const stageOfState: Readonly<Record<OpenState, Stage>> = {
  reported: 'verify',
  verifying: 'verify',
  verified: 'file',
  filed: 'dispatch',
  dispatched: 'handle',
  handling: 'handle',
  suspended: 'handle',
  handled: 'check',
  reviewing: 'check',
  reviewed: 'close',
};

/** The stage of a state, or null for a terminal one (no clock runs). */
export function stageOf(state: CaseState): Stage | null {
  return isOpen(state) ? stageOfState[state] : null;
}

/** Whether the stage clock is running: open and not suspended (挂账 stops the clock). */
export function clockRunning(state: CaseState): boolean {
  return isOpen(state) && state !== 'suspended';
}

/** The two calendars of the demo deployment (api.md). */
export const calendarNames = ['patrol', 'office'] as const;
export type CalendarName = (typeof calendarNames)[number];

/**
 * Which working-time calendar counts each stage's limit: field work (verification 核实 and check 核查)
 * runs on the patrol calendar, desk work on the office calendar.
 */
export const calendarOfStage: Readonly<Record<Stage, CalendarName>> = {
  verify: 'patrol',
  file: 'office',
  dispatch: 'office',
  handle: 'office',
  check: 'patrol',
  close: 'office',
};
