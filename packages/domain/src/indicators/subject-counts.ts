/**
 * The counts of each evaluated subject (考评对象) over a period, domain.md §6, from the rollup
 * tables; what each indicator makes of them is in `indicator-definitions.ts`.
 */

/** 监督员 grid officer. */
export interface OfficerCounts {
  /** 上报数: reports the officer made. */
  readonly reports: number;
  /** 有效上报数: of those, reports that were filed (立案). */
  readonly validReports: number;
  /** 应核实数 / 按时核实数 */
  readonly verificationsDue: number;
  readonly verificationsOnTime: number;
  /** 应核查数 / 按时核查数 */
  readonly checksDue: number;
  readonly checksOnTime: number;
  /** 漏报数: problems the public reported in the officer's grids that the officer did not. */
  readonly missedReports: number;
  /** 立案数: cases filed in the officer's grids. */
  readonly casesFiled: number;
}

/** 受理员 intake operator. */
export interface IntakeOperatorCounts {
  /** 受理数: reports registered (the volume). */
  readonly registered: number;
  /** Verification tasks (核实任务) due to be sent, and sent on time. */
  readonly verificationDispatchesDue: number;
  readonly verificationDispatchesOnTime: number;
  /** Check tasks (核查任务) due to be sent, and sent on time. */
  readonly checkDispatchesDue: number;
  readonly checkDispatchesOnTime: number;
}

/** 值班长 shift lead. */
export interface ShiftLeadCounts {
  readonly filingsDue: number;
  readonly filedOnTime: number;
  /** 立案数 */
  readonly filed: number;
  /** Of the filed cases, those later cancelled (作废): a filing that should not have been. */
  readonly filedThenCancelled: number;
  readonly closingsDue: number;
  readonly closedOnTime: number;
}

/** 派遣员 dispatcher. */
export interface DispatcherCounts {
  /** 派遣数 (the volume). */
  readonly dispatched: number;
  readonly dispatchesDue: number;
  readonly dispatchedOnTime: number;
  /** Dispatches that came back as a return (回退) and went to another department. */
  readonly dispatchErrors: number;
}

/** 专业部门 department. */
export interface DepartmentCounts {
  /** 应处置数 */
  readonly dueToHandle: number;
  readonly handled: number;
  readonly handledOnTime: number;
  /** 应结案数 */
  readonly dueToClose: number;
  /** 返工数 */
  readonly reworks: number;
  /** 超期未处置数: due, not handled, past the limit. */
  readonly overduePending: number;
  /** 延期数 (approved). */
  readonly extensions: number;
}

/** An area (district, street, city) for ranking (排名通报). */
export interface AreaCounts {
  readonly dueToClose: number;
  readonly closed: number;
  readonly closedOnTime: number;
  /** All cases reported in the area, and those reported by the public (公众举报). */
  readonly reports: number;
  readonly publicReports: number;
  readonly cases: number;
  readonly areaKm2: number;
  /** Resident population, when known. */
  readonly population?: number;
}
