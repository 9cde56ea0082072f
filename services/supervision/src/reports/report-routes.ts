/**
 * Report routes (报表, api.md "Reports"): timeliness and evaluation for a city (or a district
 * supervisor's district), and the region view that ranks the cities. `format=csv|xlsx` answers the
 * same table as a file.
 */
import { departmentCodesOf, rollupDimensions } from '@urbangrid/db';
import { exportFormats, type ServicePlugin, sendTable, userOf } from '@urbangrid/platform';
import { z } from 'zod';
import { evaluationReport, evaluationReportSchema, evaluationSubjects } from './evaluation-report.js';
import { regionReport, regionReportSchema } from './region-report.js';
import { periodQuery, reportRoles, reportScopeOf } from './report-scope.js';
import { evaluationTable, regionTable, timelinessTable } from './report-tables.js';
import { timelinessReport, timelinessReportSchema } from './timeliness-report.js';

const tags = ['supervision'];
const format = z.enum(exportFormats).default('json');
const subjects = Object.keys(evaluationSubjects) as [
  keyof typeof evaluationSubjects,
  ...(keyof typeof evaluationSubjects)[],
];

const fileNote =
  '`format=csv` or `format=xlsx` answers the same table as a file (Chinese headers, the period in the title).';

export const reportRoutes: ServicePlugin = async (app) => {
  app.get(
    '/reports/timeliness',
    {
      config: { access: { roles: reportRoles } },
      schema: {
        tags,
        summary: '案件时效 — counts and rates per department, district, street, grid, category or officer',
        description: `Reads the day rollups. ${fileNote}`,
        querystring: periodQuery.and(z.object({ groupBy: z.enum(rollupDimensions), format })),
        response: { 200: timelinessReportSchema },
      },
    },
    async (request, reply) => {
      const { from, to, city, groupBy, format: as } = request.query;
      const scope = reportScopeOf(userOf(request), city);
      const report = await timelinessReport(app.reportsDb, scope, {
        from,
        to,
        groupBy,
      });
      return (
        (await sendTable(reply, as, `时效报表-${groupBy}-${from}-${to}`, async () =>
          timelinessTable(report, await departmentCodesOf(app.reportsDb, scope.city)),
        )) ?? report
      );
    },
  );

  app.get(
    '/reports/evaluation',
    {
      config: { access: { roles: reportRoles } },
      schema: {
        tags,
        summary: '绩效评价 — indicators, score, grade and rank of each subject (domain.md §6)',
        description: `Published days are read from their frozen copy; a row whose recount differs carries it in \`recount\`. ${fileNote}`,
        querystring: periodQuery.and(z.object({ subject: z.enum(subjects), format })),
        response: { 200: evaluationReportSchema },
      },
    },
    async (request, reply) => {
      const { from, to, city, subject, format: as } = request.query;
      const scope = reportScopeOf(userOf(request), city);
      const report = await evaluationReport(app.reportsDb, scope, {
        from,
        to,
        subject,
      });
      return (
        (await sendTable(reply, as, `绩效评价-${subject}-${from}-${to}`, async () =>
          evaluationTable(report, await departmentCodesOf(app.reportsDb, scope.city)),
        )) ?? report
      );
    },
  );

  app.get(
    '/reports/region',
    {
      config: { access: { roles: ['region_supervisor'] } },
      schema: {
        tags,
        summary: '城市排名 — the region supervisor compares and ranks the cities on the same indicators',
        description: fileNote,
        querystring: periodQuery.and(z.object({ format })),
        response: { 200: regionReportSchema },
      },
    },
    async (request, reply) => {
      const { from, to, format: as } = request.query;
      const report = await regionReport(app.reportsDb, { from, to });
      return (await sendTable(reply, as, `城市排名-${from}-${to}`, () => regionTable(report))) ?? report;
    },
  );
};
