/**
 * The indicators of a report as the OpenAPI document names them: the values of a row
 * (`IndicatorValues`: every indicator a subject can have, each present for the subjects that have
 * it) and the report's columns (`IndicatorColumn`: key, label in both languages, format, direction
 * and the weight used), all read from packages/domain's indicator definitions. Named keys, not a
 * free record, so the console's generated types know them and show the definitions' labels.
 */
import {
  type AnyIndicatorKey,
  type EvaluationConfig,
  indicatorsOfSubject,
  type SubjectKind,
  subjectKinds,
} from '@urbangrid/domain';
import { z } from 'zod';

const indicatorKeys = [
  ...new Set(
    subjectKinds.flatMap((subject) => indicatorsOfSubject(subject).map((indicator) => indicator.key)),
  ),
] as [AnyIndicatorKey, ...AnyIndicatorKey[]];

/** A rate in [0, 1], a score or a density; null when it has no denominator in the period. */
const indicatorValue = z.number().nullable().optional();

export const indicatorValuesSchema = z
  .object(
    Object.fromEntries(indicatorKeys.map((key) => [key, indicatorValue])) as Record<
      AnyIndicatorKey,
      typeof indicatorValue
    >,
  )
  .meta({ id: 'IndicatorValues' });

export const indicatorColumnSchema = z
  .object({
    key: z.enum(indicatorKeys),
    label: z.object({ 'zh-CN': z.string(), en: z.string() }),
    /** `share`: a value in [0, 1] shown as a percentage; `number`: shown as it is. */
    format: z.enum(['share', 'number']),
    /** Whether higher is better; null for an indicator shown for comparison and not scored. */
    direction: z.enum(['higher', 'lower']).nullable(),
    /** Its weight in the composite score under the city's configuration; null when not scored. */
    weight: z.number().nullable(),
  })
  .meta({ id: 'IndicatorColumn' });

export type IndicatorColumn = z.infer<typeof indicatorColumnSchema>;

/** The indicator columns of a subject's report, in the definitions' order. */
export function indicatorColumns(subject: SubjectKind, config: EvaluationConfig): IndicatorColumn[] {
  const weights: Readonly<Record<string, number>> = config.weights[subject];
  return indicatorsOfSubject(subject).map((indicator) => ({
    key: indicator.key,
    label: { ...indicator.label },
    format: indicator.format,
    direction: indicator.direction,
    weight: indicator.direction === null ? null : (weights[indicator.key] ?? null),
  }));
}
