/**
 * `/api/region/reports` (指标报送): cities report their indicators per period with evidence, the
 * region accepts or returns them (indicator-reports.ts); each report's history is kept.
 */
import {
  findIndicatorReport,
  type IndicatorReportRow,
  type IndicatorReportVersionRow,
  listIndicatorReports,
  listIndicatorReportVersions,
} from '@urbangrid/db';
import { cityCodeString, periodSchema } from '@urbangrid/domain';
import {
  etagOf,
  ForbiddenError,
  ifMatchHeaders,
  ifMatchVersion,
  NotFoundError,
  type RouteAccess,
  type ServicePlugin,
  userOf,
  validationFailed,
} from '@urbangrid/platform';
import { z } from 'zod';
import { decideIndicatorReport, reportStates, submitIndicatorReport } from './indicator-reports.js';

const tags = ['region'];
const reporters: RouteAccess = { roles: ['supervisor', 'admin'] };
const reviewers: RouteAccess = { roles: ['region_supervisor', 'admin'] };
const readers: RouteAccess = { roles: ['supervisor', 'admin', 'region_supervisor'] };

const params = z.object({
  city: cityCodeString,
  indicator: z.string().regex(/^[A-Z][A-Z0-9_]{1,39}$/),
  period: z.string().max(7),
});

const reportView = z
  .object({
    city: z.string(),
    indicatorCode: z.string(),
    period: z.string(),
    state: z.enum(reportStates),
    version: z.number().int(),
    value: z.number(),
    note: z.string().nullable(),
    evidence: z.array(z.string()).describe('Media ids (GET /api/intake/media/:id)'),
    returnReason: z.string().nullable(),
    submittedBy: z.string(),
    submittedAt: z.string(),
    decidedBy: z.string().nullable(),
    decidedAt: z.string().nullable(),
  })
  .meta({ id: 'IndicatorReport' });

const historyView = z.object({
  version: z.number().int(),
  action: z.enum(['submit', 'resubmit', 'accept', 'return']),
  state: z.enum(reportStates),
  value: z.number(),
  note: z.string().nullable(),
  evidence: z.array(z.string()),
  reason: z.string().nullable(),
  actor: z.string(),
  at: z.string(),
});

const toView = (row: IndicatorReportRow): z.infer<typeof reportView> => ({
  city: row.city,
  indicatorCode: row.indicatorCode,
  period: row.period,
  state: z.enum(reportStates).parse(row.state),
  version: row.version,
  value: row.value,
  note: row.note,
  evidence: row.evidence,
  returnReason: row.returnReason,
  submittedBy: row.submittedBy,
  submittedAt: row.submittedAt.toISOString(),
  decidedBy: row.decidedBy,
  decidedAt: row.decidedAt?.toISOString() ?? null,
});

const toHistory = (row: IndicatorReportVersionRow): z.infer<typeof historyView> => ({
  version: row.version,
  action: historyView.shape.action.parse(row.action),
  state: z.enum(reportStates).parse(row.state),
  value: row.value,
  note: row.note,
  evidence: row.evidence,
  reason: row.reason,
  actor: row.actor,
  at: row.at.toISOString(),
});

/** The period a path names, or 400 VALIDATION_FAILED. */
function parsePeriodParam(period: string) {
  const parsed = periodSchema.safeParse(period);
  if (parsed.success) return parsed.data;
  throw validationFailed(`period ${period} is not a period`, [
    { in: 'params', path: 'period', message: parsed.error.issues[0]?.message ?? 'invalid' },
  ]);
}

export const indicatorReportRoutes: ServicePlugin = async (app) => {
  app.get(
    '/reports',
    {
      config: { access: readers },
      schema: {
        tags,
        summary: "Cities' indicator reports (指标报送): the region's all, a city's own",
        querystring: z.object({
          city: cityCodeString.optional(),
          period: z.string().max(7).optional(),
          state: z.enum(reportStates).optional(),
        }),
        response: { 200: z.array(reportView) },
      },
    },
    async (request) => {
      const actor = userOf(request);
      const { city, period, state } = request.query;
      if (actor.city !== null && city !== undefined && city !== actor.city)
        throw new ForbiddenError(`you read the reports of city ${actor.city}, not ${city}`);
      const cities = actor.city !== null ? [actor.city] : city !== undefined ? [city] : undefined;
      const rows = await listIndicatorReports(app.db, {
        ...(cities === undefined ? {} : { cities }),
        ...(period === undefined ? {} : { period }),
        ...(state === undefined ? {} : { state }),
      });
      return rows.map(toView);
    },
  );

  app.get(
    '/reports/:city/:indicator/:period',
    {
      config: { access: readers },
      schema: {
        tags,
        summary: 'One report with its whole history (every submission and decision, oldest first)',
        params,
        response: { 200: reportView.extend({ history: z.array(historyView) }) },
      },
    },
    async (request, reply) => {
      const actor = userOf(request);
      const { city, indicator, period } = request.params;
      if (actor.city !== null && actor.city !== city)
        throw new ForbiddenError(`you read the reports of city ${actor.city}, not ${city}`);
      const key = { city, indicatorCode: indicator, period };
      const row = await findIndicatorReport(app.db, key);
      if (row === null)
        throw new NotFoundError(`${indicator} has not been reported for ${period} by ${city}`);
      reply.header('etag', etagOf(row.version));
      return { ...toView(row), history: (await listIndicatorReportVersions(app.db, key)).map(toHistory) };
    },
  );

  app.put(
    '/reports/:city/:indicator/:period',
    {
      config: { access: reporters },
      schema: {
        tags,
        summary: "Reports an indicator's value for a period with evidence, or resubmits a returned report",
        description:
          "By the city's supervision centre (a supervisor without a district) or its admin. 201 for a first report, 200 for a resubmission of a returned one; 409 CONFLICT while it waits for review or once accepted, 409 PERIOD_CLOSED outside the period's reporting window (its first day to 30 days after its end) or once its ranking is published, 400 VALUE_OUT_OF_RANGE for a value outside its unit (0–100 %, yes/no 0 or 1). The period's kind is the indicator's (`periodKind`, a quarter by default). Evidence: media ids uploaded by the city (POST /api/intake/media). Problems carry `detailZh`.",
        params,
        headers: ifMatchHeaders,
        body: z.object({
          value: z.number().finite(),
          note: z.string().trim().max(2_000).optional(),
          evidence: z.array(z.string().min(1).max(64)).max(20).default([]),
        }),
        response: { 200: reportView, 201: reportView },
      },
    },
    async (request, reply) => {
      const { city, indicator, period } = request.params;
      const { report, created } = await submitIndicatorReport(
        app.db,
        userOf(request),
        { city, indicatorCode: indicator, period },
        parsePeriodParam(period),
        { ...request.body, expectedVersion: ifMatchVersion(request.headers['if-match']) },
        new Date(),
      );
      reply.header('etag', etagOf(report.version));
      return reply.code(created ? 201 : 200).send(toView(report));
    },
  );

  app.post(
    '/reports/:city/:indicator/:period/review',
    {
      config: { access: reviewers },
      schema: {
        tags,
        summary: 'The region accepts a submitted report, or returns it to the city with a reason (退回)',
        description:
          "Region staff only (a region supervisor or region admin). 409 TRANSITION_NOT_ALLOWED unless the report waits for review. A returned report notifies the city's supervision centre.",
        params,
        headers: ifMatchHeaders,
        body: z.discriminatedUnion('decision', [
          z.object({ decision: z.literal('accept') }),
          z.object({ decision: z.literal('return'), reason: z.string().trim().min(1).max(2_000) }),
        ]),
        response: { 200: reportView },
      },
    },
    async (request, reply) => {
      const { city, indicator, period } = request.params;
      const body = request.body;
      const report = await decideIndicatorReport(
        app.db,
        userOf(request),
        { city, indicatorCode: indicator, period },
        body.decision === 'accept' ? { accept: true } : { accept: false, reason: body.reason },
        { expectedVersion: ifMatchVersion(request.headers['if-match']), now: new Date() },
      );
      reply.header('etag', etagOf(report.version));
      return toView(report);
    },
  );
};
