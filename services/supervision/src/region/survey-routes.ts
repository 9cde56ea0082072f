/**
 * Public opinion surveys (民意调查) as the region and the cities read them: the campaigns, and the
 * satisfaction rates (满意率 = satisfied + basically satisfied over answers) by city, district,
 * department or category. City staff read their own city's.
 */
import { listCities, listSurveyCampaigns, namesOfKeys, surveyGroupings, surveyRates } from '@urbangrid/db';
import { cityCodeString } from '@urbangrid/domain';
import {
  httpError,
  type ServicePlugin,
  surveyCampaignView,
  toSurveyCampaignView,
  userOf,
} from '@urbangrid/platform';
import { z } from 'zod';

const tags = ['region'];
const readers = { roles: ['region_supervisor', 'supervisor', 'admin'] } as const;

/** The city a reader asks for, within their reach (403 beyond it); undefined: every city (region staff). */
function readableCity(user: { city: string | null }, asked: string | undefined): string | undefined {
  if (user.city === null) return asked;
  if (asked !== undefined && asked !== user.city)
    throw httpError('FORBIDDEN', `you read the surveys of city ${user.city}, not ${asked}`);
  return user.city;
}

const rateRow = z.object({
  key: z.string(),
  name: z.string(),
  answers: z.number().int(),
  satisfied: z.number().int(),
  basicallySatisfied: z.number().int(),
  unsatisfied: z.number().int(),
  /** (satisfied + basicallySatisfied) / answers; null without answers. */
  satisfactionRate: z.number().nullable(),
});

export const surveyRoutes: ServicePlugin = async (app) => {
  app.get(
    '/surveys',
    {
      config: { access: readers },
      schema: {
        tags,
        summary: 'Survey campaigns (民意调查), newest first',
        querystring: z.object({ city: cityCodeString.optional() }),
        response: { 200: z.object({ items: z.array(surveyCampaignView) }) },
      },
    },
    async (request) => {
      const city = readableCity(userOf(request), request.query.city);
      return {
        items: (await listSurveyCampaigns(app.reportsDb, { city, limit: 100 })).map(toSurveyCampaignView),
      };
    },
  );

  app.get(
    '/surveys/rates',
    {
      config: { access: readers },
      schema: {
        tags,
        summary: 'Satisfaction rates (满意率) of survey answers by city, district, department or category',
        description:
          'Answers given in [from, to). An answer through a citizen’s link counts for its city and the district the citizen named; one about a sampled case for the case’s district, department and category too.',
        querystring: z
          .object({
            from: z.iso.datetime({ offset: true }).optional(),
            to: z.iso.datetime({ offset: true }).optional(),
            city: cityCodeString.optional(),
            campaignId: z.uuid().optional(),
            groupBy: z.enum(surveyGroupings).default('city'),
          })
          .refine((q) => q.from === undefined || q.to === undefined || q.from < q.to, {
            path: ['to'],
            message: 'to comes after from',
          }),
        response: {
          200: z.object({ groupBy: z.enum(surveyGroupings), rows: z.array(rateRow), totals: rateRow }),
        },
      },
    },
    async (request) => {
      const { from, to, campaignId, groupBy } = request.query;
      const city = readableCity(userOf(request), request.query.city);
      const period = {
        ...(from === undefined ? {} : { from: new Date(from) }),
        ...(to === undefined ? {} : { to: new Date(to) }),
      };
      const rows = await surveyRates(app.reportsDb, { ...period, city, campaignId, groupBy });
      const names =
        groupBy === 'city'
          ? new Map((await listCities(app.reportsDb)).map((row) => [row.code, row.name]))
          : await namesOfKeys(
              app.reportsDb,
              city ?? '',
              groupBy,
              rows.map((row) => row.key),
            );
      // Every answer counts in the totals, also those the grouping does not know (a link's department).
      const byCity =
        groupBy === 'city'
          ? rows
          : await surveyRates(app.reportsDb, { ...period, city, campaignId, groupBy: 'city' });
      const totals = byCity.reduce(
        (sum, row) => ({
          answers: sum.answers + row.answers,
          satisfied: sum.satisfied + row.satisfied,
          basicallySatisfied: sum.basicallySatisfied + row.basicallySatisfied,
          unsatisfied: sum.unsatisfied + row.unsatisfied,
        }),
        { answers: 0, satisfied: 0, basicallySatisfied: 0, unsatisfied: 0 },
      );
      return {
        groupBy,
        rows: rows.map((row) => ({ ...row, name: names.get(row.key) ?? row.key })),
        totals: {
          key: 'total',
          name: '合计',
          ...totals,
          satisfactionRate:
            totals.answers === 0 ? null : (totals.satisfied + totals.basicallySatisfied) / totals.answers,
        },
      };
    },
  );
};
