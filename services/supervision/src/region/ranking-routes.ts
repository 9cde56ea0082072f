/**
 * The region's ranking and bulletins (排名通报) under /api/region: the ranking of a month or quarter
 * (published, else counted now), the attainment matrix (cities × targets), publication, the
 * bulletin as page data and XLSX, and the supervision orders (督办) the region issues to cities.
 */
import { findRankingPublication, listSupervisionOrders, type SupervisionOrderRow } from '@urbangrid/db';
import { cityCodeString, type Period, parsePeriod, rankingPeriodKey } from '@urbangrid/domain';
import {
  contentTypes,
  ForbiddenError,
  type RouteAccess,
  type ServicePlugin,
  sendFile,
  toXlsx,
  toXlsxBook,
  type UserActor,
  userOf,
} from '@urbangrid/platform';
import { z } from 'zod';
import type { SupervisionServiceDeps } from '../deps.js';
import { attainmentTable, attainmentTitle } from './attainment-sheet.js';
import { bulletinOf, bulletinSchema, bulletinSheets } from './bulletin.js';
import { isRegionStaff } from './indicator-reports.js';
import { countRanking, type RankingCount, rankingCountSchema } from './ranking.js';
import { publishRanking } from './ranking-publication.js';
import { issueSupervisionOrder } from './supervision-orders.js';

const tags = ['region'];
const regionStaff: RouteAccess = { roles: ['region_supervisor', 'admin'] };
const orderReaders: RouteAccess = { roles: ['region_supervisor', 'admin', 'supervisor'] };

function requireRegionStaff(actor: UserActor, what: string): void {
  if (!isRegionStaff(actor)) throw new ForbiddenError(`only the region's staff ${what}`);
}

const periodQuery = z.object({
  period: rankingPeriodKey.describe('A month (2026-11) or a quarter (2026-Q4)'),
});
const periodParams = z.object({ period: rankingPeriodKey });
const periodOfKey = (key: string) => parsePeriod(key) as Period;

const rankingView = z
  .object({
    period: z.string(),
    published: z.boolean(),
    publishedAt: z.string().nullable(),
    noData: rankingCountSchema.shape.noData,
    rows: z.array(rankingCountSchema.shape.rows.element.omit({ cells: true })),
  })
  .meta({ id: 'RegionRanking' });

const toRankingView = (ranking: RankingCount, publishedAt: string | null): z.infer<typeof rankingView> => ({
  period: ranking.period,
  published: publishedAt !== null,
  publishedAt,
  noData: ranking.noData,
  rows: ranking.rows.map(({ cells: _, ...row }) => row),
});

/** The period's ranking as published, else as counted now. */
async function rankingOf(db: Parameters<typeof countRanking>[0], period: Period) {
  const publication = await findRankingPublication(db, period.key);
  const ranking: RankingCount =
    publication === null ? await countRanking(db, period) : rankingCountSchema.parse(publication.bulletin);
  return { ranking, publishedAt: publication?.publishedAt.toISOString() ?? null };
}

const orderView = z
  .object({
    id: z.string(),
    city: z.string(),
    subject: z.enum(['case', 'target']),
    caseId: z.string().nullable(),
    caseNo: z.string().nullable(),
    indicatorCode: z.string().nullable(),
    period: z.string().nullable(),
    reason: z.string(),
    facts: z.record(z.string(), z.unknown()).nullable(),
    issuedBy: z.string(),
    issuedAt: z.string(),
  })
  .meta({ id: 'RegionSupervisionOrder' });

const toOrderView = (row: SupervisionOrderRow): z.infer<typeof orderView> => ({
  id: row.id,
  city: row.city,
  subject: orderView.shape.subject.parse(row.subject),
  caseId: row.caseId,
  caseNo: row.caseNo,
  indicatorCode: row.indicatorCode,
  period: row.period,
  reason: row.reason,
  facts: (row.facts as Record<string, unknown> | null) ?? null,
  issuedBy: row.issuedBy,
  issuedAt: row.issuedAt.toISOString(),
});

export function rankingRoutes(deps: Pick<SupervisionServiceDeps, 'engine'>): ServicePlugin {
  return async (app) => {
    app.get(
      '/ranking',
      {
        config: { access: regionStaff },
        schema: {
          tags,
          summary: "The cities' ranking of a month or quarter (published and frozen, else counted now)",
          description:
            "score: the weighted mean of the components with data (target attainment, case indicators, inspections, surveys; `noData` names those without); rankChange: the previous period's rank minus this one (up is positive), against its publication, else its recount.",
          querystring: periodQuery,
          response: { 200: rankingView },
        },
      },
      async (request) => {
        requireRegionStaff(userOf(request), 'read the ranking');
        const { ranking, publishedAt } = await rankingOf(app.reportsDb, periodOfKey(request.query.period));
        return toRankingView(ranking, publishedAt);
      },
    );

    app.get(
      '/attainment',
      {
        config: { access: regionStaff },
        schema: {
          tags,
          summary:
            'The attainment matrix: every city × every target that applies to it, short ones marked (met: false); `format=xlsx` as a workbook',
          description:
            'The XLSX has one row per city and target with Chinese headers (城市, 代码, 指标, 方向, 单位, 目标值, 实际值, 差距, 是否达标, 来源).',
          querystring: periodQuery.extend({ format: z.enum(['json', 'xlsx']).default('json') }),
          response: {
            200: z.object({
              period: z.string(),
              published: z.boolean(),
              rows: z.array(
                z.object({
                  city: z.string(),
                  name: z.string(),
                  cells: rankingCountSchema.shape.rows.element.shape.cells,
                }),
              ),
            }),
          },
        },
      },
      async (request, reply) => {
        requireRegionStaff(userOf(request), 'read the attainment matrix');
        const { ranking, publishedAt } = await rankingOf(app.reportsDb, periodOfKey(request.query.period));
        const matrix = {
          period: ranking.period,
          published: publishedAt !== null,
          rows: ranking.rows.map((row) => ({ city: row.city, name: row.name, cells: row.cells })),
        };
        if (request.query.format === 'json') return matrix;
        return sendFile(
          reply,
          `${attainmentTitle(matrix.period, matrix.published)}.xlsx`,
          contentTypes.xlsx,
          await toXlsx(attainmentTable(matrix)),
        );
      },
    );

    app.post(
      '/ranking/:period/publish',
      {
        config: { access: regionStaff },
        schema: {
          tags,
          summary: "Publishes (freezes) a finished month's or quarter's ranking and bulletin",
          description:
            "Once published the ranking and bulletin never change; later data shows as the bulletin's recount. 409 CONFLICT before the period has ended or when it is published already. The hourly publication job publishes every period whose reporting window (30 days after its end) has closed.",
          params: periodParams,
          response: { 201: rankingView },
        },
      },
      async (request, reply) => {
        const actor = userOf(request);
        requireRegionStaff(actor, 'publish the ranking');
        const row = await publishRanking(
          app.db,
          periodOfKey(request.params.period),
          actor.username,
          new Date(),
        );
        return reply
          .code(201)
          .send(toRankingView(rankingCountSchema.parse(row.bulletin), row.publishedAt.toISOString()));
      },
    );

    app.get(
      '/bulletins/:period',
      {
        config: { access: regionStaff },
        schema: {
          tags,
          summary:
            'The bulletin (通报): ranking, gaps to target, praised and criticised cities; `format=xlsx` as a workbook',
          description:
            'A published bulletin is as it was published, with `recount` (the same period counted today, and whether anything moved) beside it; before publication it is the draft counted now (`published: false`).',
          params: periodParams,
          querystring: z.object({ format: z.enum(['json', 'xlsx']).default('json') }),
          response: { 200: bulletinSchema },
        },
      },
      async (request, reply) => {
        requireRegionStaff(userOf(request), 'read the bulletins');
        const bulletin = await bulletinOf(app.reportsDb, periodOfKey(request.params.period), new Date());
        if (request.query.format === 'json') return bulletin;
        return sendFile(
          reply,
          `${bulletin.title}.xlsx`,
          contentTypes.xlsx,
          await toXlsxBook(bulletinSheets(bulletin)),
        );
      },
    );

    app.post(
      '/supervision-orders',
      {
        config: { access: regionStaff },
        schema: {
          tags,
          summary: '督办: the region orders a city to act on an open case, or on a target it lags behind',
          description:
            "A case: `{city, caseId, reason}` (409 once the case has ended). A target: `{city, indicatorCode, period, reason}` — only one the city is short of in that month or quarter (409 when met). Notified to the city's supervision centre as urgent.",
          body: z.union([
            z.object({
              city: cityCodeString,
              caseId: z.string().min(1).max(64),
              reason: z.string().trim().min(1).max(2_000),
            }),
            z.object({
              city: cityCodeString,
              indicatorCode: z.string().regex(/^[A-Z][A-Z0-9_]{1,39}$/),
              period: rankingPeriodKey,
              reason: z.string().trim().min(1).max(2_000),
            }),
          ]),
          response: { 201: orderView },
        },
      },
      async (request, reply) => {
        const body = request.body;
        const input =
          'caseId' in body
            ? body
            : {
                city: body.city,
                indicatorCode: body.indicatorCode,
                period: periodOfKey(body.period),
                reason: body.reason,
              };
        const order = await issueSupervisionOrder(deps.engine, userOf(request), input, new Date());
        return reply.code(201).send(toOrderView(order));
      },
    );

    app.get(
      '/supervision-orders',
      {
        config: { access: orderReaders },
        schema: {
          tags,
          summary:
            "The region's supervision orders, newest first: all cities' for the region, a city's own for its staff",
          querystring: z.object({ city: cityCodeString.optional() }),
          response: { 200: z.array(orderView) },
        },
      },
      async (request) => {
        const actor = userOf(request);
        const asked = request.query.city;
        if (actor.city !== null && asked !== undefined && asked !== actor.city)
          throw new ForbiddenError(`you read the orders of city ${actor.city}, not ${asked}`);
        const cities = actor.city !== null ? [actor.city] : asked !== undefined ? [asked] : 'all';
        return (await listSupervisionOrders(app.db, cities)).map(toOrderView);
      },
    );
  };
}
