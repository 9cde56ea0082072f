/**
 * A city's evaluation configuration (考评办法): weights of each subject's indicators, grade bands
 * and volume bands. The weights' schema and defaults are read from the indicator definitions
 * (`indicator-definitions.ts`); grade and volume bands are those of domain.md §6. Cities override them.
 */
import { z } from 'zod';
import { gradeBandsSchema, volumeBandsConfigSchema } from './bands.js';
import {
  type Direction,
  indicatorsOfSubject,
  type ScoredKey,
  type SubjectKind,
  scoredIndicatorsOf,
  subjectKinds,
} from './indicator-definitions.js';

/** The scored indicators of each subject and their direction; keys match the weights below. */
export const scoredIndicators = Object.fromEntries(
  subjectKinds.map((subject) => [subject, scoredIndicatorsOf(subject)]),
) as { readonly [S in SubjectKind]: Readonly<Record<ScoredKey<S>, Direction>> };

const weight = z.number().min(0);
const someWeight = (weights: object): boolean =>
  Object.values(weights).some((value) => typeof value === 'number' && value > 0);
const positive = { message: 'at least one weight must be positive' };

function weightsSchemaOf<S extends SubjectKind>(subject: S) {
  const shape = Object.fromEntries(Object.keys(scoredIndicatorsOf(subject)).map((key) => [key, weight]));
  return z.object(shape as Record<ScoredKey<S>, typeof weight>).refine(someWeight, positive);
}

const weightsSchema = z.object(
  Object.fromEntries(subjectKinds.map((subject) => [subject, weightsSchemaOf(subject)])) as {
    [S in SubjectKind]: ReturnType<typeof weightsSchemaOf<S>>;
  },
);

export const evaluationConfigSchema = z.object({
  weights: weightsSchema,
  grades: gradeBandsSchema,
  /** Work volume over the evaluated period → a score out of 100 (the highest band reached). */
  volumeBands: volumeBandsConfigSchema,
});

export type EvaluationConfig = z.infer<typeof evaluationConfigSchema>;

function defaultWeightsOf<S extends SubjectKind>(subject: S): Record<ScoredKey<S>, number> {
  const weights: Record<string, number> = {};
  for (const indicator of indicatorsOfSubject(subject)) {
    if (indicator.defaultWeight !== null) weights[indicator.key] = indicator.defaultWeight;
  }
  return weights as Record<ScoredKey<S>, number>;
}

/**
 * domain.md §6: the weights are the definitions' defaults. Volume bands assume a monthly period and
 * are placeholders each city sets from its own workload.
 */
export const defaultEvaluationConfig: EvaluationConfig = {
  weights: Object.fromEntries(
    subjectKinds.map((subject) => [subject, defaultWeightsOf(subject)]),
  ) as EvaluationConfig['weights'],
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
