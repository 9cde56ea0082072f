/**
 * The monthly operation report (月度运行分析报告): one month of the city (or a district
 * supervisor's district) in sections — overview, the daily trend, the timeliness by category,
 * district and department, callback satisfaction by department and district, and the hotspots.
 * Each section is a table of named columns: the printable page and the workbook draw the same ones.
 */
import { type Db, departmentCodesOf } from '@urbangrid/db';
import type { Cell, ExportTable } from '@urbangrid/platform';
import { z } from 'zod';
import {
  type AnalysisColumnKey,
  analysisColumnSchema,
  analysisColumns,
  exportColumnsOf,
  reportColumnKeys,
} from './analysis-columns.js';
import { hotspotReport, satisfactionReport, trendReport } from './analysis-report.js';
import type { ReportScope } from './report-scope.js';
import { timelinessReport } from './timeliness-report.js';

/** Each section's title in both console languages; the workbook's sheets take the Chinese one. */
export const monthlySectionTitles = {
  overview: { 'zh-CN': '概况', en: 'Overview' },
  trend: { 'zh-CN': '逐日趋势', en: 'Daily trend' },
  category: { 'zh-CN': '按案件类别', en: 'By category' },
  district: { 'zh-CN': '按区', en: 'By district' },
  department: { 'zh-CN': '按部门', en: 'By department' },
  satisfactionDepartment: { 'zh-CN': '部门回访满意率', en: 'Satisfaction by department' },
  satisfactionDistrict: { 'zh-CN': '区回访满意率', en: 'Satisfaction by district' },
  hotspots: { 'zh-CN': '热点网格', en: 'Hotspot grids' },
} as const;
type SectionId = keyof typeof monthlySectionTitles;

const sectionIds = Object.keys(monthlySectionTitles) as [SectionId, ...SectionId[]];

export const monthlyReportSchema = z.object({
  city: z.string(),
  /** YYYY-MM */
  month: z.string(),
  from: z.string(),
  to: z.string(),
  sections: z.array(
    z.object({
      id: z.enum(sectionIds),
      title: z.object({ 'zh-CN': z.string(), en: z.string() }),
      /** The section's columns with their labels (analysis-columns.ts): the page's and the sheet's. */
      columns: z.array(analysisColumnSchema),
      /** Counts are integers, rates fractions (shown as percentages), codes and names strings. */
      rows: z.array(z.record(z.string(), z.union([z.string(), z.number(), z.null()]))),
    }),
  ),
});
export type MonthlyReport = z.infer<typeof monthlyReportSchema>;
type Section = MonthlyReport['sections'][number];

const section = (
  id: SectionId,
  keys: readonly AnalysisColumnKey[],
  rows: ReadonlyArray<Partial<Record<AnalysisColumnKey, Cell>>>,
): Section => ({
  id,
  title: { ...monthlySectionTitles[id] },
  columns: analysisColumns(keys),
  rows: rows.map((row) => Object.fromEntries(keys.map((key) => [key, row[key] ?? null]))),
});

/** The first and last day of a month, YYYY-MM. */
export function monthDays(month: string): { from: string; to: string } {
  const [year, m] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}

export async function monthlyReport(db: Db, scope: ReportScope, month: string): Promise<MonthlyReport> {
  const { from, to } = monthDays(month);
  const period = { from, to };
  // Rollups by category and department are city-wide: a district supervisor's report has its areas only.
  const cityWide = scope.districtCode === null;
  const [
    trend,
    byDistrict,
    byCategory,
    byDepartment,
    satisfactionDepartment,
    satisfactionDistrict,
    hotspots,
  ] = await Promise.all([
    trendReport(db, scope, { ...period, interval: 'day', groupBy: 'district' }),
    timelinessReport(db, scope, { ...period, groupBy: 'district' }),
    cityWide ? timelinessReport(db, scope, { ...period, groupBy: 'category' }) : null,
    cityWide ? timelinessReport(db, scope, { ...period, groupBy: 'department' }) : null,
    satisfactionReport(db, scope, { ...period, groupBy: 'department' }),
    satisfactionReport(db, scope, { ...period, groupBy: 'district' }),
    hotspotReport(db, scope, { ...period, limit: 10 }),
  ]);
  const overview = { ...byDistrict.totals, ...satisfactionDistrict.totals };
  // A department by its code beside its name, never its internal id.
  const codes = await departmentCodesOf(db, scope.city);
  const coded = <T extends { key: string }>(rows: readonly T[]) =>
    rows.map((row) => ({ ...row, key: codes.get(row.key) ?? row.key }));
  const sections: Section[] = [
    section('overview', reportColumnKeys.overview, [overview]),
    section('trend', reportColumnKeys.trend, trend.rows),
    ...(byCategory ? [section('category', reportColumnKeys.timeliness, byCategory.rows)] : []),
    section('district', reportColumnKeys.timeliness, byDistrict.rows),
    ...(byDepartment ? [section('department', reportColumnKeys.timeliness, coded(byDepartment.rows))] : []),
    section('satisfactionDepartment', reportColumnKeys.satisfaction, coded(satisfactionDepartment.rows)),
    section('satisfactionDistrict', reportColumnKeys.satisfaction, satisfactionDistrict.rows),
    section('hotspots', reportColumnKeys.hotspots, hotspots.rows),
  ];
  return { city: scope.city, month, from, to, sections };
}

/** The workbook's sheets: one per section, its title naming the month. */
export function monthlySheets(report: MonthlyReport): Array<{ name: string; table: ExportTable }> {
  return report.sections.map((s) => ({
    name: s.title['zh-CN'],
    table: {
      title: `月度运行分析报告 ${report.month} — ${s.title['zh-CN']}`,
      columns: exportColumnsOf(s.columns),
      rows: s.rows,
    },
  }));
}
