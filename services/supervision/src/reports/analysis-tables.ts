/** The analysis reports as export tables: the columns the report names (the console's), Chinese headers. */
import type { ExportTable } from '@urbangrid/platform';
import { exportColumnsOf } from './analysis-columns.js';
import type { HotspotReport, SatisfactionReport, TrendReport } from './analysis-report.js';
import type { ExportCodes } from './report-tables.js';

const period = (from: string, to: string) => `${from} 至 ${to}`;
const intervalNames = { day: '日', week: '周', month: '月' } as const;
const groupNames = { category: '案件类别', district: '区', department: '部门' } as const;

export const analysisTables = {
  trend(report: TrendReport): ExportTable {
    const of = report.key === null ? '' : ` ${groupNames[report.groupBy]} ${report.key}`;
    return {
      title: `案件趋势（按${intervalNames[report.interval]}）${of} ${period(report.from, report.to)}`,
      columns: exportColumnsOf(report.columns),
      rows: report.rows,
    };
  },
  hotspots(report: HotspotReport): ExportTable {
    return {
      title: `热点网格 ${period(report.from, report.to)}`,
      columns: exportColumnsOf(report.columns),
      rows: report.rows,
    };
  },
  satisfaction(report: SatisfactionReport, codes: ExportCodes): ExportTable {
    return {
      title: `回访满意率（按${groupNames[report.groupBy]}） ${period(report.from, report.to)}`,
      columns: exportColumnsOf(report.columns),
      rows: [
        ...report.rows.map((row) => ({ ...row, key: codes.get(row.key) ?? row.key })),
        { key: '合计', name: '', ...report.totals },
      ],
    };
  },
};
