/**
 * A city's evaluation configuration (考评办法): weights of each subject's indicators, grade bands
 * and volume bands. Defaults are those of domain.md §6; cities override them.
 */
import { z } from 'zod';

/** Whether a higher value of an indicator is better, or it counts as (1 − value). */
export type Direction = 'higher' | 'lower';

/** The scored indicators of each subject and their direction; keys match the weights below. */
export const scoredIndicators = {
  officer: {
    validReportRate: 'higher',
    missedReportRate: 'lower',
    onTimeVerificationRate: 'higher',
    onTimeCheckRate: 'higher',
  },
  intakeOperator: {
    volumeScore: 'higher',
    onTimeVerificationDispatchRate: 'higher',
    onTimeCheckDispatchRate: 'higher',
  },
  shiftLead: { onTimeFilingRate: 'higher', accurateFilingRate: 'higher', onTimeClosingRate: 'higher' },
  dispatcher: { volumeScore: 'higher', onTimeDispatchRate: 'higher', accurateDispatchRate: 'higher' },
  department: {
    handlingRate: 'higher',
    onTimeHandlingRate: 'higher',
    reworkRate: 'lower',
    overduePendingRate: 'lower',
    extensionRate: 'lower',
  },
  area: { closingRate: 'higher', onTimeClosingRate: 'higher', publicReportRate: 'lower' },
} as const satisfies Record<string, Record<string, Direction>>;

export type SubjectKind = keyof typeof scoredIndicators;
export const subjectKinds = Object.keys(scoredIndicators) as SubjectKind[];

const weight = z.number().min(0);
const someWeight = (weights: Readonly<Record<string, number>>): boolean =>
  Object.values(weights).some((value) => value > 0);
const positive = { message: 'at least one weight must be positive' };

const gradeBandsSchema = z
  .object({
    /** Highest first: a score ≥ min gets the grade. */
    bands: z.array(z.object({ grade: z.string().trim().min(1), min: z.number().min(0).max(100) })).min(1),
    /** Below every band. */
    below: z.string().trim().min(1),
  })
  .refine(
    ({ bands }) => bands.every((band, index) => index === 0 || band.min < (bands[index - 1]?.min ?? 0)),
    {
      message: 'grade bands must be listed from the highest minimum down, without repeats',
    },
  );

const volumeBandsSchema = z
  .array(z.object({ atLeast: z.number().int().min(0), score: z.number().min(0).max(100) }))
  .refine(
    (bands) => bands.every((band, index) => index === 0 || band.atLeast > (bands[index - 1]?.atLeast ?? 0)),
    {
      message: 'volume bands must be listed from the smallest volume up, without repeats',
    },
  );

export const evaluationConfigSchema = z.object({
  weights: z.object({
    officer: z
      .object({
        validReportRate: weight,
        missedReportRate: weight,
        onTimeVerificationRate: weight,
        onTimeCheckRate: weight,
      })
      .refine(someWeight, positive),
    intakeOperator: z
      .object({
        volumeScore: weight,
        onTimeVerificationDispatchRate: weight,
        onTimeCheckDispatchRate: weight,
      })
      .refine(someWeight, positive),
    shiftLead: z
      .object({ onTimeFilingRate: weight, accurateFilingRate: weight, onTimeClosingRate: weight })
      .refine(someWeight, positive),
    dispatcher: z
      .object({ volumeScore: weight, onTimeDispatchRate: weight, accurateDispatchRate: weight })
      .refine(someWeight, positive),
    department: z
      .object({
        handlingRate: weight,
        onTimeHandlingRate: weight,
        reworkRate: weight,
        overduePendingRate: weight,
        extensionRate: weight,
      })
      .refine(someWeight, positive),
    area: z
      .object({ closingRate: weight, onTimeClosingRate: weight, publicReportRate: weight })
      .refine(someWeight, positive),
  }),
  grades: gradeBandsSchema,
  /** Work volume over the evaluated period → a score out of 100 (the highest band reached). */
  volumeBands: z.object({ intakeOperator: volumeBandsSchema, dispatcher: volumeBandsSchema }),
});

export type EvaluationConfig = z.infer<typeof evaluationConfigSchema>;
export type GradeBands = EvaluationConfig['grades'];
export type VolumeBands = EvaluationConfig['volumeBands']['dispatcher'];

/**
 * domain.md §6. Area weights are not given there; closing and on-time closing count most, and a high
 * public-report share (officers missing what citizens see) counts against. Volume bands assume a
 * monthly period and are placeholders each city sets from its own workload.
 */
export const defaultEvaluationConfig: EvaluationConfig = {
  weights: {
    officer: { validReportRate: 40, missedReportRate: 20, onTimeVerificationRate: 20, onTimeCheckRate: 20 },
    intakeOperator: { volumeScore: 25, onTimeVerificationDispatchRate: 40, onTimeCheckDispatchRate: 35 },
    shiftLead: { onTimeFilingRate: 25, accurateFilingRate: 40, onTimeClosingRate: 35 },
    dispatcher: { volumeScore: 20, onTimeDispatchRate: 40, accurateDispatchRate: 40 },
    department: {
      handlingRate: 30,
      onTimeHandlingRate: 20,
      reworkRate: 20,
      overduePendingRate: 20,
      extensionRate: 10,
    },
    area: { closingRate: 40, onTimeClosingRate: 40, publicReportRate: 20 },
  },
  grades: {
    bands: [
      { grade: 'A', min: 90 },
      { grade: 'B', min: 75 },
      { grade: 'C', min: 60 },
      { grade: 'D', min: 40 },
    ],
    below: 'E',
  },
  volumeBands: {
    intakeOperator: [
      { atLeast: 1, score: 60 },
      { atLeast: 300, score: 80 },
      { atLeast: 600, score: 90 },
      { atLeast: 900, score: 100 },
    ],
    dispatcher: [
      { atLeast: 1, score: 60 },
      { atLeast: 500, score: 80 },
      { atLeast: 1000, score: 90 },
      { atLeast: 1500, score: 100 },
    ],
  },
};
