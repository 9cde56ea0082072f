/**
 * The indicators of a report row, as the OpenAPI document names them: every indicator a subject
 * can have (domain's `IndicatorsBySubject`), each present for the subjects that have it. Named
 * keys, not a free record, so the console's generated types know them and a renamed indicator
 * breaks the console's build instead of showing a raw key.
 */
import type { IndicatorsBySubject, SubjectKind } from '@urbangrid/domain';
import { z } from 'zod';

type IndicatorKey = { [S in SubjectKind]: keyof IndicatorsBySubject[S] }[SubjectKind];

// A record over the domain's keys: a key missing here, or one the domain does not have, fails to compile.
const indicatorKeys: Record<IndicatorKey, true> = {
  validReportRate: true,
  onTimeVerificationRate: true,
  onTimeCheckRate: true,
  missedReportRate: true,
  volumeScore: true,
  onTimeVerificationDispatchRate: true,
  onTimeCheckDispatchRate: true,
  onTimeFilingRate: true,
  accurateFilingRate: true,
  onTimeClosingRate: true,
  onTimeDispatchRate: true,
  accurateDispatchRate: true,
  handlingRate: true,
  onTimeHandlingRate: true,
  reworkRate: true,
  overduePendingRate: true,
  extensionRate: true,
  closingRate: true,
  publicReportRate: true,
  casesPerKm2: true,
  casesPer10kPeople: true,
};

/** A rate in [0, 1], a score or a density; null when it has no denominator in the period. */
const indicatorValue = z.number().nullable().optional();

export const indicatorValuesSchema = z
  .object(
    Object.fromEntries(Object.keys(indicatorKeys).map((key) => [key, indicatorValue])) as Record<
      IndicatorKey,
      typeof indicatorValue
    >,
  )
  .meta({ id: 'IndicatorValues' });
