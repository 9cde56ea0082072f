/**
 * Indicators of each evaluated subject (考评对象), domain.md §6, computed from counts over a period.
 * The counts come from the rollup tables; this file only defines what each indicator means.
 */
import { type Rate, rate } from './rate.js';

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

export interface OfficerIndicators {
  readonly validReportRate: Rate;
  readonly onTimeVerificationRate: Rate;
  readonly onTimeCheckRate: Rate;
  readonly missedReportRate: Rate;
}

export function officerIndicators(counts: OfficerCounts): OfficerIndicators {
  return {
    validReportRate: rate(counts.validReports, counts.reports),
    onTimeVerificationRate: rate(counts.verificationsOnTime, counts.verificationsDue),
    onTimeCheckRate: rate(counts.checksOnTime, counts.checksDue),
    missedReportRate: rate(counts.missedReports, counts.casesFiled),
  };
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

export interface IntakeOperatorIndicators {
  /** Banded volume score in [0, 1]. */
  readonly volumeScore: number;
  readonly onTimeVerificationDispatchRate: Rate;
  readonly onTimeCheckDispatchRate: Rate;
}

export function intakeOperatorIndicators(
  counts: IntakeOperatorCounts,
  volumeScore: number,
): IntakeOperatorIndicators {
  return {
    volumeScore,
    onTimeVerificationDispatchRate: rate(
      counts.verificationDispatchesOnTime,
      counts.verificationDispatchesDue,
    ),
    onTimeCheckDispatchRate: rate(counts.checkDispatchesOnTime, counts.checkDispatchesDue),
  };
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

export interface ShiftLeadIndicators {
  readonly onTimeFilingRate: Rate;
  /** (filed − cancelled) / filed */
  readonly accurateFilingRate: Rate;
  readonly onTimeClosingRate: Rate;
}

export function shiftLeadIndicators(counts: ShiftLeadCounts): ShiftLeadIndicators {
  return {
    onTimeFilingRate: rate(counts.filedOnTime, counts.filingsDue),
    accurateFilingRate: rate(Math.max(0, counts.filed - counts.filedThenCancelled), counts.filed),
    onTimeClosingRate: rate(counts.closedOnTime, counts.closingsDue),
  };
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

export interface DispatcherIndicators {
  readonly volumeScore: number;
  readonly onTimeDispatchRate: Rate;
  /** (dispatched − errors) / dispatched */
  readonly accurateDispatchRate: Rate;
}

export function dispatcherIndicators(counts: DispatcherCounts, volumeScore: number): DispatcherIndicators {
  return {
    volumeScore,
    onTimeDispatchRate: rate(counts.dispatchedOnTime, counts.dispatchesDue),
    accurateDispatchRate: rate(Math.max(0, counts.dispatched - counts.dispatchErrors), counts.dispatched),
  };
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

export interface DepartmentIndicators {
  readonly handlingRate: Rate;
  readonly onTimeHandlingRate: Rate;
  readonly reworkRate: Rate;
  readonly overduePendingRate: Rate;
  readonly extensionRate: Rate;
}

export function departmentIndicators(counts: DepartmentCounts): DepartmentIndicators {
  return {
    handlingRate: rate(counts.handled, counts.dueToHandle),
    onTimeHandlingRate: rate(counts.handledOnTime, counts.dueToHandle),
    reworkRate: rate(counts.reworks, counts.dueToClose),
    overduePendingRate: rate(counts.overduePending, counts.dueToHandle),
    extensionRate: rate(counts.extensions, counts.dueToHandle),
  };
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

export interface AreaIndicators {
  readonly closingRate: Rate;
  readonly onTimeClosingRate: Rate;
  readonly publicReportRate: Rate;
  /** Not a rate and not scored: shown for comparison only. */
  readonly casesPerKm2: number | null;
  readonly casesPer10kPeople: number | null;
}

export function areaIndicators(counts: AreaCounts): AreaIndicators {
  return {
    closingRate: rate(counts.closed, counts.dueToClose),
    onTimeClosingRate: rate(counts.closedOnTime, counts.dueToClose),
    publicReportRate: rate(counts.publicReports, counts.reports),
    casesPerKm2: counts.areaKm2 > 0 ? counts.cases / counts.areaKm2 : null,
    casesPer10kPeople:
      counts.population !== undefined && counts.population > 0
        ? (counts.cases / counts.population) * 10_000
        : null,
  };
}
