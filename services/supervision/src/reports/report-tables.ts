/** The reports as export tables: Chinese column headers, the period in the title. */
import type { RollupDimension } from '@urbangrid/db';
import type { Cell, ExportTable } from '@urbangrid/platform';
import type { EvaluationReport, EvaluationSubject } from './evaluation-report.js';
import type { IndicatorColumn } from './indicator-values.js';
import type { RegionReport } from './region-report.js';
import type { TimelinessReport } from './timeliness-report.js';

const groupNames: Record<RollupDimension, string> = {
  department: '部门',
  district: '区',
  street: '街道',
  grid: '单元网格',
  category: '案件类别',
  officer: '监督员',
};

const timelinessColumns = [
  { key: 'key', header: '编码' },
  { key: 'name', header: '名称' },
  { key: 'received', header: '受理数' },
  { key: 'dispatched', header: '派遣数' },
  { key: 'handled', header: '处置数' },
  { key: 'handledOnTime', header: '按时处置数' },
  { key: 'overdue', header: '超期数' },
  { key: 'reworks', header: '返工数' },
  { key: 'extensions', header: '延期数' },
  { key: 'returns', header: '回退数' },
  { key: 'closed', header: '结案数' },
  { key: 'closedOnTime', header: '按时结案数' },
  { key: 'onTimeHandlingRate', header: '按时处置率', kind: 'rate' },
  { key: 'onTimeClosingRate', header: '按时结案率', kind: 'rate' },
  { key: 'reworkRate', header: '返工率', kind: 'rate' },
  { key: 'returnRate', header: '回退率', kind: 'rate' },
  { key: 'extensionRate', header: '延期率', kind: 'rate' },
] as const;

const period = (from: string, to: string) => `${from} 至 ${to}`;

/**
 * What an export shows for a row's key: a department's code in place of its internal id (the name
 * is beside it); every other key (an area's, a grid's, a category's code, a username) as it is.
 */
export type ExportCodes = ReadonlyMap<string, string>;
const codeOf = (codes: ExportCodes, key: string) => codes.get(key) ?? key;

export function timelinessTable(report: TimelinessReport, codes: ExportCodes = new Map()): ExportTable {
  const rows: Array<Record<string, Cell>> = report.rows.map((row) => ({
    ...row,
    key: codeOf(codes, row.key),
  }));
  rows.push({ key: '合计', name: '', ...report.totals });
  return {
    title: `案件时效报表（按${groupNames[report.groupBy]}） ${period(report.from, report.to)}`,
    columns: timelinessColumns,
    rows,
  };
}

const subjectNames: Record<EvaluationSubject, string> = {
  officer: '监督员',
  intake_operator: '受理员',
  shift_lead: '值班长',
  dispatcher: '派遣员',
  department: '专业部门',
  district: '区',
};

/** A scored report's table: its indicator columns headed by their definitions' Chinese labels. */
function scoredTable(
  codes: ExportCodes,
  title: string,
  indicatorColumns: readonly IndicatorColumn[],
  rows: ReadonlyArray<{
    key: string;
    name: string;
    indicators: Record<string, number | null>;
    score: number | null;
    grade: string | null;
    rank: number | null;
  }>,
): ExportTable {
  return {
    title,
    columns: [
      { key: 'rank', header: '排名' },
      { key: 'key', header: '编码' },
      { key: 'name', header: '名称' },
      ...indicatorColumns.map((column) => ({
        key: column.key,
        header: column.label['zh-CN'],
        kind: column.format === 'share' ? ('rate' as const) : undefined,
      })),
      { key: 'score', header: '综合得分' },
      { key: 'grade', header: '等级' },
    ],
    rows: rows.map((row) => ({
      rank: row.rank,
      key: codeOf(codes, row.key),
      name: row.name,
      ...Object.fromEntries(
        indicatorColumns.map((column) => [column.key, row.indicators[column.key] ?? null]),
      ),
      score: row.score,
      grade: row.grade,
    })),
  };
}

export function evaluationTable(report: EvaluationReport, codes: ExportCodes = new Map()): ExportTable {
  return scoredTable(
    codes,
    `绩效评价（${subjectNames[report.subject]}） ${period(report.from, report.to)}`,
    report.indicatorColumns,
    report.rows,
  );
}

export function regionTable(report: RegionReport): ExportTable {
  return scoredTable(
    new Map(),
    `城市排名通报 ${period(report.from, report.to)}`,
    report.indicatorColumns,
    report.rows,
  );
}
