/**
 * The evaluation indicators (考评指标, domain.md §6), each defined once: its key, whether higher is
 * better, its default weight, its label in both console languages, how it is shown and how it is
 * computed from the subject's counts. The weights schema and defaults, the composite score, the
 * report columns, the export headers and the console's labels are all read from here.
 */
import type { VolumeBandsConfig } from './bands.js';
import { type Rate, rate } from './rate.js';
import { volumeScore } from './scoring.js';
import type {
  AreaCounts,
  DepartmentCounts,
  DispatcherCounts,
  IntakeOperatorCounts,
  OfficerCounts,
  ShiftLeadCounts,
} from './subject-counts.js';

/** Whether a higher value of an indicator is better, or it counts as (1 − value). */
export type Direction = 'higher' | 'lower';

/** An indicator's name in each language of the console. */
export interface IndicatorLabel {
  readonly 'zh-CN': string;
  readonly en: string;
}

/** `share`: a value in [0, 1], shown as a percentage; `number`: shown as it is (a density). */
export type IndicatorFormat = 'share' | 'number';

export interface IndicatorDefinition<C> {
  /** Scored indicators: whether a higher value is better. null: shown for comparison, not scored. */
  readonly direction: Direction | null;
  /** Its weight in the composite score where a city sets none; null when not scored. */
  readonly defaultWeight: number | null;
  readonly label: IndicatorLabel;
  readonly format: IndicatorFormat;
  /** The value from the counts of a period; null when nothing was there to measure. */
  readonly compute: (counts: C, volumeBands: VolumeBandsConfig) => Rate;
}

const defineIndicators =
  <C>() =>
  <const D extends Record<string, IndicatorDefinition<C>>>(definitions: D): D =>
    definitions;

/**
 * A scored rate (率): `numerator / denominator` of the subject's counts, shown as a percentage (an
 * empty denominator is no value, see rate.ts).
 */
function ratio<C>(
  direction: Direction,
  defaultWeight: number,
  label: IndicatorLabel,
  counts: (counts: C) => readonly [numerator: number, denominator: number],
): IndicatorDefinition<C> & { readonly direction: Direction; readonly defaultWeight: number } {
  return { direction, defaultWeight, label, format: 'share', compute: (c) => rate(...counts(c)) };
}

/** Every subject's indicators, in the order reports show them. */
export const indicatorDefinitions = {
  /** 监督员 grid officer */
  officer: defineIndicators<OfficerCounts>()({
    validReportRate: ratio('higher', 40, { 'zh-CN': '有效上报率', en: 'Valid reports' }, (c) => [
      c.validReports,
      c.reports,
    ]),
    onTimeVerificationRate: ratio(
      'higher',
      20,
      { 'zh-CN': '按时核实率', en: 'On-time verification' },
      (c) => [c.verificationsOnTime, c.verificationsDue],
    ),
    onTimeCheckRate: ratio('higher', 20, { 'zh-CN': '按时核查率', en: 'On-time check' }, (c) => [
      c.checksOnTime,
      c.checksDue,
    ]),
    missedReportRate: ratio('lower', 20, { 'zh-CN': '漏报率', en: 'Missed reports' }, (c) => [
      c.missedReports,
      c.casesFiled,
    ]),
  }),
  /** 受理员 intake operator */
  intakeOperator: defineIndicators<IntakeOperatorCounts>()({
    volumeScore: {
      direction: 'higher',
      defaultWeight: 25,
      label: { 'zh-CN': '工作量得分', en: 'Volume score' },
      format: 'share',
      compute: (c, bands) => volumeScore(c.registered, bands.intakeOperator),
    },
    onTimeVerificationDispatchRate: ratio(
      'higher',
      40,
      { 'zh-CN': '核实派发按时率', en: 'Verification sent on time' },
      (c) => [c.verificationDispatchesOnTime, c.verificationDispatchesDue],
    ),
    onTimeCheckDispatchRate: ratio(
      'higher',
      35,
      { 'zh-CN': '核查派发按时率', en: 'Check sent on time' },
      (c) => [c.checkDispatchesOnTime, c.checkDispatchesDue],
    ),
  }),
  /** 值班长 shift lead */
  shiftLead: defineIndicators<ShiftLeadCounts>()({
    onTimeFilingRate: ratio('higher', 25, { 'zh-CN': '按时立案率', en: 'Filed on time' }, (c) => [
      c.filedOnTime,
      c.filingsDue,
    ]),
    /** (filed − cancelled) / filed */
    accurateFilingRate: ratio('higher', 40, { 'zh-CN': '立案准确率', en: 'Accurate filing' }, (c) => [
      Math.max(0, c.filed - c.filedThenCancelled),
      c.filed,
    ]),
    onTimeClosingRate: ratio('higher', 35, { 'zh-CN': '按时结案率', en: 'Closed on time' }, (c) => [
      c.closedOnTime,
      c.closingsDue,
    ]),
  }),
  /** 派遣员 dispatcher */
  dispatcher: defineIndicators<DispatcherCounts>()({
    volumeScore: {
      direction: 'higher',
      defaultWeight: 20,
      label: { 'zh-CN': '工作量得分', en: 'Volume score' },
      format: 'share',
      compute: (c, bands) => volumeScore(c.dispatched, bands.dispatcher),
    },
    onTimeDispatchRate: ratio('higher', 40, { 'zh-CN': '按时派遣率', en: 'Dispatched on time' }, (c) => [
      c.dispatchedOnTime,
      c.dispatchesDue,
    ]),
    /** (dispatched − errors) / dispatched */
    accurateDispatchRate: ratio('higher', 40, { 'zh-CN': '派遣准确率', en: 'Accurate dispatch' }, (c) => [
      Math.max(0, c.dispatched - c.dispatchErrors),
      c.dispatched,
    ]),
  }),
  /** 专业部门 department */
  department: defineIndicators<DepartmentCounts>()({
    handlingRate: ratio('higher', 30, { 'zh-CN': '处置率', en: 'Handled' }, (c) => [
      c.handled,
      c.dueToHandle,
    ]),
    onTimeHandlingRate: ratio('higher', 20, { 'zh-CN': '按时处置率', en: 'Handled on time' }, (c) => [
      c.handledOnTime,
      c.dueToHandle,
    ]),
    reworkRate: ratio('lower', 20, { 'zh-CN': '返工率', en: 'Rework' }, (c) => [c.reworks, c.dueToClose]),
    overduePendingRate: ratio('lower', 20, { 'zh-CN': '超期未处置率', en: 'Overdue pending' }, (c) => [
      c.overduePending,
      c.dueToHandle,
    ]),
    extensionRate: ratio('lower', 10, { 'zh-CN': '延期率', en: 'Extensions' }, (c) => [
      c.extensions,
      c.dueToHandle,
    ]),
  }),
  /**
   * An area (district, street, city) for ranking (排名通报). Area weights are not given in
   * domain.md; closing and on-time closing count most, and a high public-report share (officers
   * missing what citizens see) counts against.
   */
  area: defineIndicators<AreaCounts>()({
    closingRate: ratio('higher', 40, { 'zh-CN': '结案率', en: 'Closed' }, (c) => [c.closed, c.dueToClose]),
    onTimeClosingRate: ratio('higher', 40, { 'zh-CN': '按时结案率', en: 'Closed on time' }, (c) => [
      c.closedOnTime,
      c.dueToClose,
    ]),
    publicReportRate: ratio('lower', 20, { 'zh-CN': '公众举报率', en: 'Public reports' }, (c) => [
      c.publicReports,
      c.reports,
    ]),
    casesPerKm2: {
      direction: null,
      defaultWeight: null,
      label: { 'zh-CN': '每平方公里案件数', en: 'Cases per km²' },
      format: 'number',
      compute: (c) => (c.areaKm2 > 0 ? c.cases / c.areaKm2 : null),
    },
    casesPer10kPeople: {
      direction: null,
      defaultWeight: null,
      label: { 'zh-CN': '每万人案件数', en: 'Cases per 10,000 people' },
      format: 'number',
      compute: (c) =>
        c.population !== undefined && c.population > 0 ? (c.cases / c.population) * 10_000 : null,
    },
  }),
} as const;

type Definitions = typeof indicatorDefinitions;
export type SubjectKind = keyof Definitions;
export const subjectKinds = Object.keys(indicatorDefinitions) as SubjectKind[];

/** The indicator keys of a subject. */
export type IndicatorKey<S extends SubjectKind> = S extends SubjectKind
  ? keyof Definitions[S] & string
  : never;
/** Every indicator key of any subject. */
export type AnyIndicatorKey = { [S in SubjectKind]: IndicatorKey<S> }[SubjectKind];
/** The keys of a subject's scored indicators (those with a weight). */
export type ScoredKey<S extends SubjectKind> = {
  [K in IndicatorKey<S>]: Definitions[S][K] extends { defaultWeight: number } ? K : never;
}[IndicatorKey<S>];

/** One subject's indicator values. */
export type IndicatorValuesOf<S extends SubjectKind> = { readonly [K in IndicatorKey<S>]: Rate };

/** A subject's indicators as a list, each with its key, in report order. */
export function indicatorsOfSubject<S extends SubjectKind>(
  subject: S,
): Array<IndicatorDefinition<never> & { key: IndicatorKey<S> }> {
  const definitions: Record<string, IndicatorDefinition<never>> = indicatorDefinitions[subject];
  return Object.entries(definitions).map(([key, definition]) => ({
    ...definition,
    key: key as IndicatorKey<S>,
  }));
}

/** The scored keys of a subject with their direction. */
export function scoredIndicatorsOf<S extends SubjectKind>(subject: S): Record<ScoredKey<S>, Direction> {
  const scored: Record<string, Direction> = {};
  for (const indicator of indicatorsOfSubject(subject)) {
    if (indicator.direction !== null && indicator.defaultWeight !== null)
      scored[indicator.key] = indicator.direction;
  }
  return scored as Record<ScoredKey<S>, Direction>;
}
