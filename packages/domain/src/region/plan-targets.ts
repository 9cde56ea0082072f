/**
 * The region's plan targets (行动方案目标): each quantitative target of a region's action plan is an
 * indicator with its unit, its direction (at least, at most, about, or a task done or not), the
 * cities it applies to and its target value by year. One place for what a target value may be.
 */
import { z } from 'zod';
import { cityCodeString } from '../codes/city-code.js';
import { periodKinds } from './periods.js';
import { isSystemMeasure, systemMeasures } from './ranking-score.js';

/** Units of the plan's indicators; each with the range its values lie in. */
export const targetUnits = ['%', 'm²/人', 'km/km²', 'yes-no'] as const;
export type TargetUnit = (typeof targetUnits)[number];

/** `atLeast` ≥, `atMost` ≤, `about` ≈, `yesNo` a task done (1) or not (0). */
export const targetDirections = ['atLeast', 'atMost', 'about', 'yesNo'] as const;
export type TargetDirection = (typeof targetDirections)[number];

/**
 * City classes of the plan: prefecture-level cities (地级市, 盟市所在地) and county-level cities
 * (县级市, and banners the plan lists with them, such as 阿拉善左旗).
 */
export const cityClasses = ['prefecture', 'county-level'] as const;
export type CityClass = (typeof cityClasses)[number];

const unitRanges: Record<TargetUnit, { min: number; max: number }> = {
  '%': { min: 0, max: 100 },
  'm²/人': { min: 0, max: 1_000 },
  'km/km²': { min: 0, max: 100 },
  'yes-no': { min: 0, max: 1 },
};

/** Why `value` cannot be a value in `unit`; null when it can. */
export function targetValueProblem(unit: TargetUnit, value: number): string | null {
  const { min, max } = unitRanges[unit];
  if (unit === 'yes-no' && value !== 0 && value !== 1)
    return `a yes/no target is 1 (done) or 0 (not done), not ${value}`;
  if (value < min || value > max) return `${value} lies outside ${min}–${max} ${unit}`;
  return null;
}

/**
 * The cities a target applies to: every condition given must hold (none given: every city).
 * Population bands are the city's urban population (城区人口), bounds inclusive.
 */
export const appliesToSchema = z
  .object({
    classes: z.array(z.enum(cityClasses)).min(1).optional(),
    cities: z.array(cityCodeString).min(1).optional(),
    exceptCities: z.array(cityCodeString).min(1).optional(),
    minPopulation: z.number().int().nonnegative().optional(),
    maxPopulation: z.number().int().positive().optional(),
  })
  .strict()
  .meta({ id: 'TargetAppliesTo' });
export type AppliesTo = z.infer<typeof appliesToSchema>;

/** What the plan knows of a city to tell which targets apply to it. */
export interface PlanCity {
  code: string;
  cityClass: CityClass;
  population: number;
}

export function appliesToCity(appliesTo: AppliesTo, city: PlanCity): boolean {
  return (
    (appliesTo.classes === undefined || appliesTo.classes.includes(city.cityClass)) &&
    (appliesTo.cities === undefined || appliesTo.cities.includes(city.code)) &&
    !(appliesTo.exceptCities ?? []).includes(city.code) &&
    (appliesTo.minPopulation === undefined || city.population >= appliesTo.minPopulation) &&
    (appliesTo.maxPopulation === undefined || city.population <= appliesTo.maxPopulation)
  );
}

export const targetYearSchema = z.number().int().min(2000).max(2100);

/** An indicator of the plan with its targets by year, as the API shows it and an admin adds it. */
export const regionIndicatorSchema = z
  .object({
    code: z
      .string()
      .regex(/^[A-Z][A-Z0-9_]{1,39}$/, 'an indicator code is upper-case letters, digits and _ (2–40)'),
    name: z.string().trim().min(1).max(100).describe('Chinese name (中文名称)'),
    nameEn: z.string().trim().min(1).max(200),
    unit: z.enum(targetUnits),
    direction: z.enum(targetDirections),
    appliesTo: appliesToSchema,
    /** The plan (document) the targets come from, e.g. 内政办发〔2018〕60号. */
    plan: z.string().trim().min(1).max(200),
    /** How often cities report it (报送周期); a quarter when not given. */
    periodKind: z.enum(periodKinds).optional(),
    targets: z
      .array(z.object({ year: targetYearSchema, value: z.number().finite() }))
      .min(1)
      .max(50),
  })
  .meta({ id: 'RegionIndicator' });
export type RegionIndicator = z.infer<typeof regionIndicatorSchema>;

/** The indicator's own consistency: its unit and direction agree, each value fits the unit, years once. */
export function regionIndicatorProblems(
  indicator: Pick<RegionIndicator, 'unit' | 'direction' | 'appliesTo' | 'targets'> & { code?: string },
): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  const measure =
    indicator.code !== undefined && isSystemMeasure(indicator.code) ? systemMeasures[indicator.code] : null;
  if (measure !== null && (measure.unit !== indicator.unit || measure.direction !== indicator.direction))
    problems.push({
      path: 'unit',
      message: `${indicator.code} is measured by the system in ${measure.unit} (${measure.direction})`,
    });
  if ((indicator.unit === 'yes-no') !== (indicator.direction === 'yesNo'))
    problems.push({ path: 'direction', message: 'a yes/no task has unit yes-no and direction yesNo' });
  const seen = new Set<number>();
  indicator.targets.forEach((target, i) => {
    if (seen.has(target.year))
      problems.push({ path: `targets.${i}.year`, message: `year ${target.year} is given twice` });
    seen.add(target.year);
    const problem = targetValueProblem(indicator.unit, target.value);
    if (problem !== null) problems.push({ path: `targets.${i}.value`, message: problem });
  });
  const { minPopulation, maxPopulation } = indicator.appliesTo;
  if (minPopulation !== undefined && maxPopulation !== undefined && minPopulation > maxPopulation)
    problems.push({ path: 'appliesTo.maxPopulation', message: 'maxPopulation is below minPopulation' });
  return problems;
}
