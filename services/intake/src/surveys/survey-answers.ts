/**
 * Answers to a survey (答卷), however they arrive — a citizen on the public page by their link, or
 * an operator recording what a sampled case's reporter said on the phone: only while the campaign
 * is open, once per invitation, every question answered as it asks; placed by the case it is about
 * (district, department, category) or by the district a citizen named. Problems are said in
 * zh-CN and English.
 */
import {
  findCaseById,
  insertSurveyResponse,
  listDistricts,
  type SurveyInvitationWithCampaign,
  type SurveyResponseRow,
} from '@urbangrid/db';
import {
  localDay,
  type SatisfactionLevel,
  type SurveyAnswerValue,
  surveyAnswerProblems,
} from '@urbangrid/domain';
import { newId } from '@urbangrid/engine';
import { bilingualError } from '@urbangrid/platform';
import type { IntakeContext } from '../intake-context.js';

export interface SurveyAnswer {
  satisfaction: SatisfactionLevel;
  answers: Record<string, SurveyAnswerValue>;
  /** A citizen's link: the district they live in (optional); ignored for a sampled case. */
  districtCode?: string;
}

/** Whether the campaign takes answers today (its city's local date). */
export async function campaignOpen(
  ctx: IntakeContext,
  found: SurveyInvitationWithCampaign,
): Promise<boolean> {
  const { campaign } = found;
  const day = localDay(ctx.engine.now(), await ctx.reference.cityTimeZone(campaign.city));
  return campaign.opensOn <= day && day <= campaign.closesOn;
}

async function placeOf(ctx: IntakeContext, found: SurveyInvitationWithCampaign, answer: SurveyAnswer) {
  const { invitation, campaign } = found;
  if (invitation.caseId !== null) {
    const row = await findCaseById(ctx.db, invitation.caseId);
    return {
      caseId: invitation.caseId,
      districtCode: row?.districtCode ?? null,
      departmentId: row?.departmentId ?? null,
      categoryCode: row?.categoryCode ?? null,
    };
  }
  const district = answer.districtCode;
  if (
    district !== undefined &&
    !(await listDistricts(ctx.db, campaign.city)).some((d) => d.code === district)
  )
    throw bilingualError(
      'VALIDATION_FAILED',
      `districtCode: ${district} is not a district of city ${campaign.city}`,
      `所选区县（${district}）不属于本次调查的城市`,
      { errors: [{ in: 'body', path: 'districtCode', message: `not a district of city ${campaign.city}` }] },
    );
  return { caseId: null, districtCode: district ?? null, departmentId: null, categoryCode: null };
}

export async function answerSurvey(
  ctx: IntakeContext,
  found: SurveyInvitationWithCampaign,
  answer: SurveyAnswer,
  by: { channel: SurveyResponseRow['channel']; recordedBy: string | null },
): Promise<SurveyResponseRow> {
  const { invitation, campaign } = found;
  const alreadyAnswered = () =>
    bilingualError(
      'CONFLICT',
      'this survey link has been answered already',
      '该问卷链接已经提交过答卷，感谢参与',
    );
  if (found.answered) throw alreadyAnswered();
  if (!(await campaignOpen(ctx, found)))
    throw bilingualError(
      'CONFLICT',
      `the survey "${campaign.name}" takes answers from ${campaign.opensOn} to ${campaign.closesOn}`,
      `问卷“${campaign.name}”的答题时间为 ${campaign.opensOn} 至 ${campaign.closesOn}`,
    );
  const problems = surveyAnswerProblems(campaign.questions, answer.answers);
  const first = problems[0];
  if (first !== undefined)
    throw bilingualError('VALIDATION_FAILED', `${first.path}: ${first.message}`, first.messageZh, {
      errors: problems.map((problem) => ({ in: 'body', ...problem })),
    });
  const now = ctx.engine.now();
  const recorded = await insertSurveyResponse(ctx.db, {
    id: newId(now),
    campaignId: campaign.id,
    invitationId: invitation.id,
    city: campaign.city,
    ...(await placeOf(ctx, found, answer)),
    channel: by.channel,
    satisfaction: answer.satisfaction,
    answers: answer.answers,
    recordedBy: by.recordedBy,
    answeredAt: now,
  });
  // Two answers to one link at once: the second learns the first was taken.
  if (recorded === null) throw alreadyAnswered();
  return recorded;
}
