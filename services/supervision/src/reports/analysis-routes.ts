/**
 * Analysis routes (数据分析): trends, hotspots, callback satisfaction and the monthly operation
 * report (月度运行分析报告), for the same readers and scopes as the other reports. Each answers JSON,
 * or with `format=csv|xlsx` the same columns as a file (the monthly report: one sheet per section).
 */
import { departmentCodesOf } from '@urbangrid/db';
import { cityCodeString } from '@urbangrid/domain';
import {
  contentTypes,
  exportFormats,
  type ServicePlugin,
  sendFile,
  sendTable,
  toXlsxBook,
  userOf,
} from '@urbangrid/platform';
import { z } from 'zod';
import {
  hotspotReport,
  hotspotReportSchema,
  satisfactionDimensions,
  satisfactionReport,
  satisfactionReportSchema,
  trendDimensions,
  trendIntervals,
  trendReport,
  trendReportSchema,
} from './analysis-report.js';
import { analysisTables } from './analysis-tables.js';
import { monthlyReport, monthlyReportSchema, monthlySheets } from './monthly-report.js';
import { periodQuery, reportRoles, reportScopeOf } from './report-scope.js';

const tags = ['supervision'];
const format = z.enum(exportFormats).default('json');

export const analysisRoutes: ServicePlugin = async (app) => {
  app.get(
    '/reports/trend',
    {
      config: { access: { roles: reportRoles } },
      schema: {
        tags,
        summary:
          '趋势 — received, closed and on-time rates per day, week or month, of the city or one category, district or department',
        querystring: periodQuery.and(
          z.object({
            interval: z.enum(trendIntervals).default('day'),
            groupBy: z.enum(trendDimensions).default('district'),
            key: z.string().min(1).max(100).optional(),
            format,
          }),
        ),
        response: { 200: trendReportSchema },
      },
    },
    async (request, reply) => {
      const { from, to, city, interval, groupBy, key, format: as } = request.query;
      const report = await trendReport(app.reportsDb, reportScopeOf(userOf(request), city), {
        from,
        to,
        interval,
        groupBy,
        key,
      });
      return (
        (await sendTable(reply, as, `趋势-${interval}-${from}-${to}`, () => analysisTables.trend(report))) ??
        report
      );
    },
  );

  app.get(
    '/reports/hotspots',
    {
      config: { access: { roles: reportRoles } },
      schema: {
        tags,
        summary: '热点 — the grids with the most cases received in the period, with where they are',
        querystring: periodQuery.and(
          z.object({ limit: z.coerce.number().int().min(1).max(400).default(20), format }),
        ),
        response: { 200: hotspotReportSchema },
      },
    },
    async (request, reply) => {
      const { from, to, city, limit, format: as } = request.query;
      const report = await hotspotReport(app.reportsDb, reportScopeOf(userOf(request), city), {
        from,
        to,
        limit,
      });
      return (
        (await sendTable(reply, as, `热点网格-${from}-${to}`, () => analysisTables.hotspots(report))) ??
        report
      );
    },
  );

  app.get(
    '/reports/satisfaction',
    {
      config: { access: { roles: reportRoles } },
      schema: {
        tags,
        summary: '满意率 — callbacks answered and satisfied, by department or district',
        querystring: periodQuery.and(z.object({ groupBy: z.enum(satisfactionDimensions), format })),
        response: { 200: satisfactionReportSchema },
      },
    },
    async (request, reply) => {
      const { from, to, city, groupBy, format: as } = request.query;
      const scope = reportScopeOf(userOf(request), city);
      const report = await satisfactionReport(app.reportsDb, scope, {
        from,
        to,
        groupBy,
      });
      return (
        (await sendTable(reply, as, `回访满意率-${groupBy}-${from}-${to}`, async () =>
          analysisTables.satisfaction(report, await departmentCodesOf(app.reportsDb, scope.city)),
        )) ?? report
      );
    },
  );

  app.get(
    '/reports/monthly',
    {
      config: { access: { roles: reportRoles } },
      schema: {
        tags,
        summary: '月度运行分析报告 — one month in sections; `format=xlsx` gives one sheet per section',
        querystring: z.object({
          month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month is YYYY-MM'),
          city: cityCodeString.optional(),
          format: z.enum(['json', 'xlsx']).default('json'),
        }),
        response: { 200: monthlyReportSchema },
      },
    },
    async (request, reply) => {
      const { month, city, format: as } = request.query;
      const report = await monthlyReport(app.reportsDb, reportScopeOf(userOf(request), city), month);
      if (as === 'json') return report;
      return sendFile(
        reply,
        `月度运行分析报告-${month}.xlsx`,
        contentTypes.xlsx,
        await toXlsxBook(monthlySheets(report)),
      );
    },
  );
};
