/**
 * Survey answers in: the public page's (`/api/public/surveys/:token`, no login, one answer per
 * link, rate-limited) and the hotline's survey calls (`/api/intake/survey-calls`: the reporters of
 * a city's sampled closed cases, whose answers the operator records during the call).
 */
import {
  findSurveyInvitation,
  findSurveyInvitationByTokenHash,
  listDistricts,
  listSurveyCallsDue,
} from '@urbangrid/db';
import { localDay, satisfactionLevels, surveyAnswerValue, surveyQuestionSchema } from '@urbangrid/domain';
import {
  bilingualError,
  caseViewSchema,
  routeRateLimit,
  type ServicePlugin,
  surveyTokenHash,
  toCaseView,
  userOf,
} from '@urbangrid/platform';
import { z } from 'zod';
import { reportingCity } from '../intake-access.js';
import type { IntakeContext } from '../intake-context.js';
import { answerSurvey, campaignOpen } from './survey-answers.js';

const answerBody = z.object({
  /** 总体满意度: satisfied (满意), basically satisfied (基本满意), unsatisfied (不满意). */
  satisfaction: z.enum(satisfactionLevels),
  /** By question code: a rating 1–5, true/false, or a text. */
  answers: z.record(z.string().max(32), surveyAnswerValue).default({}),
});

const answered = z.object({ id: z.string(), answeredAt: z.string() });

const tokenParams = z.object({
  token: z.string().regex(/^[A-Za-z0-9_-]{20,64}$/, 'a survey link’s token'),
});

async function invitationOfToken(ctx: IntakeContext, token: string) {
  const found = await findSurveyInvitationByTokenHash(ctx.db, surveyTokenHash(token));
  if (found === null)
    throw bilingualError(
      'NOT_FOUND',
      'no survey answers to this link',
      '未找到该问卷链接，请核对链接是否完整',
    );
  return found;
}

export function publicSurveyRoutes(ctx: IntakeContext): ServicePlugin {
  return async (app) => {
    const rateLimit = routeRateLimit(app, 'public');
    app.get(
      '/surveys/:token',
      {
        config: { access: 'public', rateLimit },
        schema: {
          tags: ['public'],
          summary: 'A survey (民意调查) as its link opens it: the questions, whether it is open and answered',
          params: tokenParams,
          response: {
            200: z.object({
              name: z.string(),
              city: z.string(),
              cityName: z.string(),
              opensOn: z.string(),
              closesOn: z.string(),
              open: z.boolean(),
              answered: z.boolean(),
              /** A citizen's link may name their district; a sampled case's is its own. */
              districts: z.array(z.object({ code: z.string(), name: z.string() })),
              questions: z.array(surveyQuestionSchema),
            }),
          },
        },
      },
      async (request) => {
        const found = await invitationOfToken(ctx, request.params.token);
        const { campaign } = found;
        return {
          name: campaign.name,
          city: campaign.city,
          cityName: (await ctx.reference.city(campaign.city)).name,
          opensOn: campaign.opensOn,
          closesOn: campaign.closesOn,
          open: await campaignOpen(ctx, found),
          answered: found.answered,
          districts:
            found.invitation.kind === 'link'
              ? (await listDistricts(ctx.db, campaign.city)).map(({ code, name }) => ({ code, name }))
              : [],
          questions: campaign.questions,
        };
      },
    );

    app.post(
      '/surveys/:token/answers',
      {
        config: { access: 'public', rateLimit },
        schema: {
          tags: ['public'],
          summary: 'Answers a survey by its link (no login): once per link, while the survey is open',
          description:
            'A second answer to the same link, or one outside the survey’s days, answers 409; an answer missing or mistyped answers 400 naming each question in `errors`. Problems carry `detailZh`, the same in zh-CN.',
          params: tokenParams,
          body: answerBody.extend({
            districtCode: z
              .string()
              .regex(/^\d{6}$/, 'a district code')
              .optional(),
          }),
          response: { 201: answered },
        },
      },
      async (request, reply) => {
        const found = await invitationOfToken(ctx, request.params.token);
        const response = await answerSurvey(ctx, found, request.body, {
          channel: 'public',
          recordedBy: null,
        });
        return reply.code(201).send({ id: response.id, answeredAt: response.answeredAt.toISOString() });
      },
    );
  };
}

export function surveyCallRoutes(ctx: IntakeContext): ServicePlugin {
  return async (app) => {
    const operators = { roles: ['intake_operator'] } as const;
    app.get(
      '/survey-calls',
      {
        config: { access: operators },
        schema: {
          tags: ['intake', 'surveys'],
          summary: 'Survey calls due: reporters of sampled closed cases of open campaigns not answered yet',
          querystring: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) }),
          response: {
            200: z.object({
              items: z.array(
                z.object({
                  invitationId: z.string(),
                  campaign: z.object({
                    id: z.string(),
                    name: z.string(),
                    questions: z.array(surveyQuestionSchema),
                  }),
                  case: caseViewSchema,
                }),
              ),
            }),
          },
        },
      },
      async (request) => {
        const user = userOf(request);
        const city = reportingCity(user);
        const day = localDay(ctx.engine.now(), await ctx.reference.cityTimeZone(city));
        const due = await listSurveyCallsDue(ctx.db, { city, day, limit: request.query.limit });
        return {
          items: due.map((item) => ({
            invitationId: item.invitation.id,
            campaign: { id: item.campaign.id, name: item.campaign.name, questions: item.campaign.questions },
            case: toCaseView(item.case, user, ctx.phoneKey),
          })),
        };
      },
    );

    app.post(
      '/survey-calls/:invitationId',
      {
        config: { access: operators },
        schema: {
          tags: ['intake', 'surveys'],
          summary:
            'Records the answers a sampled case’s reporter gave on the phone (one answer per invitation)',
          params: z.object({ invitationId: z.uuid() }),
          body: answerBody,
          response: { 201: answered },
        },
      },
      async (request, reply) => {
        const user = userOf(request);
        const found = await findSurveyInvitation(ctx.db, request.params.invitationId);
        if (found === null || found.invitation.kind !== 'case' || found.campaign.city !== reportingCity(user))
          throw bilingualError(
            'NOT_FOUND',
            `survey call ${request.params.invitationId} not found`,
            '未找到该调查回访',
          );
        const response = await answerSurvey(ctx, found, request.body, {
          channel: 'callback',
          recordedBy: user.username,
        });
        return reply.code(201).send({ id: response.id, answeredAt: response.answeredAt.toISOString() });
      },
    );
  };
}
