/**
 * Cities report, the region reviews (指标报送与审核): a city's supervisor or admin reports an
 * indicator's value for a period with its evidence (photos and scans in the media store); the
 * region accepts it or returns it with a reason; a returned report is resubmitted. Every step is a
 * new version kept as written, so each value keeps its history. Indicators the system measures
 * from the cases are never reported.
 */
import {
  type Db,
  findIndicatorReport,
  findMediaOfCity,
  findRankingPublication,
  findRegionIndicator,
  type IndicatorReportKey,
  type IndicatorReportRow,
  insertIndicatorReport,
  insertIndicatorReportVersion,
  listCities,
  listRegionCityProfiles,
  type Tx,
  updateIndicatorReport,
} from '@urbangrid/db';
import {
  appliesToCity,
  type CityClass,
  isSystemMeasure,
  type Period,
  reportingClosedReason,
  reportingDeadline,
  type TargetUnit,
  targetValueProblem,
} from '@urbangrid/domain';
import { localDay } from '@urbangrid/engine';
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  PeriodClosedError,
  TransitionNotAllowedError,
  type UserActor,
  ValueOutOfRangeError,
  VersionConflictError,
  validationFailed,
  withProblemExtensions,
} from '@urbangrid/platform';
import { notifyCity } from './city-notices.js';

export const reportStates = ['submitted', 'accepted', 'returned'] as const;
export type ReportState = (typeof reportStates)[number];

/** Who reports for a city: its supervision centre (a supervisor without a district) or its admin. */
export function mayReportFor(actor: UserActor, city: string): boolean {
  return (
    actor.city === city &&
    ((actor.roles.includes('supervisor') && actor.areaCode === null) || actor.roles.includes('admin'))
  );
}

/** Who reviews: the region's staff (a region supervisor or a region admin, without a city). */
export function isRegionStaff(actor: UserActor): boolean {
  return actor.city === null && (actor.roles.includes('region_supervisor') || actor.roles.includes('admin'));
}

export interface ReportSubmission {
  value: number;
  note?: string | undefined;
  evidence: string[];
  /** The version the reporter saw (If-Match); a stale one answers 409. */
  expectedVersion?: number | undefined;
}

async function cityOf(db: Db, city: string) {
  const row = (await listCities(db)).find((c) => c.code === city);
  if (row === undefined) throw new NotFoundError(`city ${city} does not exist`);
  return row;
}

/** The indicator, when the city reports it for periods of this kind; else the refusal. */
async function reportableIndicator(db: Db, city: string, code: string, period: Period) {
  const indicator = await findRegionIndicator(db, code);
  if (indicator === null) throw new NotFoundError(`the region has no indicator ${code}`);
  if (isSystemMeasure(code))
    throw new ConflictError(`${code} is measured by the system from the cases; cities do not report it`);
  if (indicator.periodKind !== period.kind)
    throw validationFailed(`${code} is reported per ${indicator.periodKind}, not per ${period.kind}`, [
      { in: 'params', path: 'period', message: `a ${indicator.periodKind}, e.g. 2026-Q4 or 2026-11` },
    ]);
  const profile = (await listRegionCityProfiles(db)).find((p) => p.city === city);
  if (
    profile !== undefined &&
    !appliesToCity(indicator.appliesTo as Parameters<typeof appliesToCity>[0], {
      code: city,
      cityClass: profile.cityClass as CityClass,
      population: profile.population,
    })
  )
    throw validationFailed(`${code} does not apply to city ${city}`, [
      { in: 'params', path: 'indicator', message: 'the indicator does not apply to this city' },
    ]);
  return indicator;
}

/** 409 PERIOD_CLOSED unless the period takes reports today (its window, and not yet published). */
async function requireOpenPeriod(db: Db, period: Period, timeZone: string, now: Date): Promise<void> {
  const today = localDay(now, timeZone);
  const reason = reportingClosedReason(period, today);
  const published = await findRankingPublication(db, period.key);
  if (reason === null && published === null) return;
  const [detail, detailZh] =
    reason === 'notBegun'
      ? [
          `period ${period.key} has not begun: its reports are taken from ${period.from}`,
          `${period.key} 尚未开始，自 ${period.from} 起报送`,
        ]
      : published !== null
        ? [
            `period ${period.key} was published on ${published.publishedAt.toISOString()}: its reports are closed`,
            `${period.key} 的排名通报已发布，报送已关闭`,
          ]
        : [
            `period ${period.key} is closed: its reports were due by ${reportingDeadline(period)}`,
            `${period.key} 已关闭，报送截止日为 ${reportingDeadline(period)}`,
          ];
  throw withProblemExtensions(new PeriodClosedError(detail), {
    detailZh,
    deadline: reportingDeadline(period),
  });
}

function requireValueInRange(unit: TargetUnit, value: number): void {
  const problem = targetValueProblem(unit, value);
  if (problem === null) return;
  throw withProblemExtensions(new ValueOutOfRangeError(`value: ${problem}`), {
    detailZh:
      unit === 'yes-no'
        ? `数值 ${value} 无效：是否类任务只能为 1（已完成）或 0（未完成）`
        : `数值 ${value} 超出单位 ${unit} 的范围`,
    errors: [{ in: 'body', path: 'value', message: problem }],
  });
}

/**
 * Reports a value (first time: 201) or resubmits a returned report (200), with the evidence. A
 * report waiting for review or accepted is not replaced (409).
 */
export async function submitIndicatorReport(
  db: Db,
  actor: UserActor,
  key: IndicatorReportKey & { period: string },
  period: Period,
  submission: ReportSubmission,
  now: Date,
): Promise<{ report: IndicatorReportRow; created: boolean }> {
  if (!mayReportFor(actor, key.city))
    throw new ForbiddenError(`only city ${key.city}'s supervision centre or admin reports its indicators`);
  const city = await cityOf(db, key.city);
  const indicator = await reportableIndicator(db, key.city, key.indicatorCode, period);
  requireValueInRange(indicator.unit as TargetUnit, submission.value);
  await requireOpenPeriod(db, period, city.timeZone, now);
  const evidence = [...new Set(submission.evidence)];
  const found = await findMediaOfCity(db, key.city, evidence);
  if (found.length !== evidence.length) {
    const known = new Set(found.map((media) => media.id));
    throw validationFailed(
      'evidence: every file must be uploaded by the city first (POST /api/intake/media)',
      [
        {
          in: 'body',
          path: 'evidence',
          message: `unknown: ${evidence.filter((id) => !known.has(id)).join(', ')}`,
        },
      ],
    );
  }
  const fields = {
    value: submission.value,
    note: submission.note ?? null,
    evidence,
    submittedBy: actor.username,
    submittedAt: now,
  };
  return db.transaction(async (tx) => {
    const before = await findIndicatorReport(tx, key, { forUpdate: true });
    checkExpected(before?.version ?? 0, submission.expectedVersion, key);
    if (before === null) {
      const created = await insertIndicatorReport(tx, { ...key, ...fields, state: 'submitted', version: 1 });
      if (created === null) throw new VersionConflictError(`${describe(key)} was reported meanwhile`);
      await recordStep(tx, created, 'submit', actor.username, now);
      return { report: created, created: true };
    }
    if (before.state !== 'returned')
      throw new ConflictError(
        before.state === 'submitted'
          ? `${describe(key)} is waiting for the region's review; it can be changed once returned`
          : `${describe(key)} was accepted; the region returns it first if it needs a change`,
      );
    const after = await updateIndicatorReport(tx, key, before.version, {
      ...fields,
      state: 'submitted',
      version: before.version + 1,
      returnReason: null,
      decidedBy: null,
      decidedAt: null,
    });
    if (after === null) throw new VersionConflictError(`${describe(key)} changed meanwhile`);
    await recordStep(tx, after, 'resubmit', actor.username, now);
    return { report: after, created: false };
  });
}

/** The region accepts a submitted report, or returns it with the reason (the city is notified). */
export async function decideIndicatorReport(
  db: Db,
  actor: UserActor,
  key: IndicatorReportKey,
  decision: { accept: true } | { accept: false; reason: string },
  options: { expectedVersion?: number | undefined; now: Date },
): Promise<IndicatorReportRow> {
  if (!isRegionStaff(actor)) throw new ForbiddenError("only the region's staff review the cities' reports");
  const report = await db.transaction(async (tx) => {
    const before = await findIndicatorReport(tx, key, { forUpdate: true });
    if (before === null) throw new NotFoundError(`${describe(key)} has not been reported`);
    checkExpected(before.version, options.expectedVersion, key);
    if (before.state !== 'submitted')
      throw new TransitionNotAllowedError(`${describe(key)} is ${before.state}, not waiting for review`);
    const after = await updateIndicatorReport(tx, key, before.version, {
      state: decision.accept ? 'accepted' : 'returned',
      version: before.version + 1,
      returnReason: decision.accept ? null : decision.reason,
      decidedBy: actor.username,
      decidedAt: options.now,
    });
    if (after === null) throw new VersionConflictError(`${describe(key)} changed meanwhile`);
    await recordStep(tx, after, decision.accept ? 'accept' : 'return', actor.username, options.now, {
      reason: decision.accept ? null : decision.reason,
    });
    if (!decision.accept)
      await notifyCity(tx, {
        id: `region-report-returned:${key.city}:${key.indicatorCode}:${key.period}:v${after.version}`,
        city: key.city,
        event: 'region.reportReturned',
        data: { indicatorCode: key.indicatorCode, period: key.period, reason: decision.reason },
        at: options.now,
      });
    return after;
  });
  return report;
}

const describe = (key: IndicatorReportKey) =>
  `the report of ${key.indicatorCode} for ${key.period} by city ${key.city}`;

function checkExpected(current: number, expected: number | undefined, key: IndicatorReportKey): void {
  if (expected === undefined || expected === current) return;
  throw withProblemExtensions(
    new VersionConflictError(`${describe(key)} is at version ${current}, you saw ${expected}`),
    { currentVersion: current },
  );
}

async function recordStep(
  tx: Tx,
  report: IndicatorReportRow,
  action: 'submit' | 'resubmit' | 'accept' | 'return',
  actor: string,
  at: Date,
  extra: { reason?: string | null } = {},
): Promise<void> {
  await insertIndicatorReportVersion(tx, {
    city: report.city,
    indicatorCode: report.indicatorCode,
    period: report.period,
    version: report.version,
    action,
    state: report.state,
    value: report.value,
    note: report.note,
    evidence: report.evidence,
    reason: extra.reason ?? null,
    actor,
    at,
  });
}
