/**
 * The monthly operation report (月度运行分析报告): one month of the city (or a district
 * supervisor's district) in sections — overview, the daily trend, the timeliness by category,
 * district and department, callback satisfaction by department and district, and the hotspots.
 * Each section is a table of named columns: the printable page and the workbook draw the same ones.
 */
import { type Db, departmentCodesOf } from '@urbangrid/db';
import type { Cell, ExportTable } from '@urbangrid/platform';
import { z } from 'zod';
import { hotspotReport, satisfactionReport, trendReport } from './analysis-report.js';
import type { ReportScope } from './report-scope.js';
import { timelinessReport } from './timeliness-report.js';

/** Every column a section may have, with its Chinese header (the console has its own i18n of each key). */
export const monthlyColumnHeaders = {
  key: '编码',
  name: '名称',
  period: '日期',
  received: '受理数',
  dispatched: '派遣数',
  handled: '处置数',
  closed: '结案数',
  overdue: '超期数',
  onTimeHandlingRate: '按时处置率',
  onTimeClosingRate: '按时结案率',
  answered: '回访数',
  satisfied: '满意数',
  satisfactionRate: '满意率',
} as const;
type ColumnKey = keyof typeof monthlyColumnHeaders;
const rateColumns: readonly ColumnKey[] = ['onTimeHandlingRate', 'onTimeClosingRate', 'satisfactionRate'];

export const monthlySectionTitles = {
  overview: '概况',
  trend: '逐日趋势',
  category: '按案件类别',
  district: '按区',
  department: '按部门',
  satisfactionDepartment: '部门回访满意率',
  satisfactionDistrict: '区回访满意率',
  hotspots: '热点网格',
} as const;
type SectionId = keyof typeof monthlySectionTitles;

const columnKeys = Object.keys(monthlyColumnHeaders) as [ColumnKey, ...ColumnKey[]];
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
      columns: z.array(z.object({ key: z.enum(columnKeys), kind: z.literal('rate').optional() })),
      /** Counts are integers, rates fractions (shown as percentages), codes and names strings. */
      rows: z.array(z.record(z.string(), z.union([z.string(), z.number(), z.null()]))),
    }),
  ),
});
export type MonthlyReport = z.infer<typeof monthlyReportSchema>;
type Section = MonthlyReport['sections'][number];

const section = (
  id: SectionId,
  keys: readonly ColumnKey[],
  rows: ReadonlyArray<Partial<Record<ColumnKey, Cell>>>,
): Section => ({
  id,
  columns: keys.map((key) => (rateColumns.includes(key) ? { key, kind: 'rate' as const } : { key })),
  rows: rows.map((row) => Object.fromEntries(keys.map((key) => [key, row[key] ?? null]))),
});

const timelinessKeys: ColumnKey[] = [
  'key',
  'name',
  'received',
  'closed',
  'overdue',
  'onTimeHandlingRate',
  'onTimeClosingRate',
];
const satisfactionKeys: ColumnKey[] = ['key', 'name', 'answered', 'satisfied', 'satisfactionRate'];

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
    section(
      'overview',
      [
        'received',
        'dispatched',
        'handled',
        'closed',
        'overdue',
        'onTimeHandlingRate',
        'onTimeClosingRate',
        'answered',
        'satisfactionRate',
      ],
      [overview],
    ),
    section('trend', ['period', 'received', 'closed', 'onTimeHandlingRate', 'onTimeClosingRate'], trend.rows),
    ...(byCategory ? [section('category', timelinessKeys, byCategory.rows)] : []),
    section('district', timelinessKeys, byDistrict.rows),
    ...(byDepartment ? [section('department', timelinessKeys, coded(byDepartment.rows))] : []),
    section('satisfactionDepartment', satisfactionKeys, coded(satisfactionDepartment.rows)),
    section('satisfactionDistrict', satisfactionKeys, satisfactionDistrict.rows),
    section('hotspots', ['key', 'name', 'received', 'closed'], hotspots.rows),
  ];
  return { city: scope.city, month, from, to, sections };
}

/** The workbook's sheets: one per section, its title naming the month. */
export function monthlySheets(report: MonthlyReport): Array<{ name: string; table: ExportTable }> {
  return report.sections.map((s) => ({
    name: monthlySectionTitles[s.id],
    table: {
      title: `月度运行分析报告 ${report.month} — ${monthlySectionTitles[s.id]}`,
      columns: s.columns.map((column) => ({ ...column, header: monthlyColumnHeaders[column.key] })),
      rows: s.rows,
    },
  }));
}
