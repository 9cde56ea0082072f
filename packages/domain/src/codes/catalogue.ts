/**
 * A category of the catalogue as a city configures it (分类目录): what it is, when it may be filed
 * and closed, which department handles it by default, and its handling time limits by urgency.
 */
import { z } from 'zod';
import type { Stage } from '../lifecycle/states.js';
import { categoryCodeString } from './code-schemas.js';
import type { Urgency } from './urgency.js';

const workingMinutes = z.number().int().positive();

export const handlingLimitsSchema = z
  .object({ normal: workingMinutes, urgent: workingMinutes })
  .refine((limits) => limits.urgent <= limits.normal, {
    message: 'the urgent handling limit cannot be longer than the normal one',
  });

export const categoryDefinitionSchema = z.object({
  code: categoryCodeString,
  name: z.string().trim().min(1),
  /** 立案条件 */
  filingCondition: z.string().default(''),
  /** 结案条件 */
  closingCondition: z.string().default(''),
  /** Used when the responsibility matrix (权责清单) names no department. */
  defaultDepartmentCode: z.string().min(1).nullable().default(null),
  /** 处置时限 in working minutes of the office calendar. */
  handlingLimitMinutes: handlingLimitsSchema,
});

export type CategoryDefinition = z.infer<typeof categoryDefinitionSchema>;

/** Limits of the stages that do not depend on the category, in working minutes. */
export const stageLimitsSchema = z.object({
  verify: workingMinutes,
  file: workingMinutes,
  dispatch: workingMinutes,
  check: workingMinutes,
  close: workingMinutes,
});

export type StageLimits = z.infer<typeof stageLimitsSchema>;

/**
 * Verification and check: 30 patrol minutes (domain.md §5). Filing, dispatch and closing are our
 * assumption of common practice (30 / 30 / 60 office minutes); cities override them.
 */
export const defaultStageLimits: StageLimits = { verify: 30, file: 30, dispatch: 30, check: 30, close: 60 };

/** The working-minute limit of a stage for a case of this category and urgency. */
export function stageLimitMinutes(
  stage: Stage,
  category: Pick<CategoryDefinition, 'handlingLimitMinutes'>,
  urgency: Urgency,
  limits: StageLimits = defaultStageLimits,
): number {
  return stage === 'handle' ? category.handlingLimitMinutes[urgency] : limits[stage];
}
