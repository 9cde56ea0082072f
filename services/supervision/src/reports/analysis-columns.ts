/**
 * The columns of the analysis reports (trend, hotspots, satisfaction and the monthly operation
 * report's sections), owned here and nowhere else: each report's answer names its columns with
 * their labels in both console languages, the console's tables draw exactly those, and the CSV and
 * XLSX exports take the same columns with the Chinese label as header — so a screen and its export
 * always show the same columns. Rates are fractions, shown as percentages.
 */
import type { ExportTable } from '@urbangrid/platform';
import { z } from 'zod';

const analysisColumnLabels = {
  key: { 'zh-CN': '编码', en: 'Code' },
  name: { 'zh-CN': '名称', en: 'Name' },
  period: { 'zh-CN': '日期', en: 'Period' },
  received: { 'zh-CN': '受理数', en: 'Received' },
  dispatched: { 'zh-CN': '派遣数', en: 'Dispatched' },
  handled: { 'zh-CN': '处置数', en: 'Handled' },
  closed: { 'zh-CN': '结案数', en: 'Closed' },
  overdue: { 'zh-CN': '超期数', en: 'Overdue' },
  onTimeHandlingRate: { 'zh-CN': '按时处置率', en: 'On-time handling' },
  onTimeClosingRate: { 'zh-CN': '按时结案率', en: 'On-time closing' },
  answered: { 'zh-CN': '回访数', en: 'Callbacks answered' },
  satisfied: { 'zh-CN': '满意数', en: 'Satisfied' },
  satisfactionRate: { 'zh-CN': '满意率', en: 'Satisfaction rate' },
} as const;
export type AnalysisColumnKey = keyof typeof analysisColumnLabels;
const columnKeys = Object.keys(analysisColumnLabels) as [AnalysisColumnKey, ...AnalysisColumnKey[]];
const rateColumns: ReadonlySet<AnalysisColumnKey> = new Set([
  'onTimeHandlingRate',
  'onTimeClosingRate',
  'satisfactionRate',
]);

export const analysisColumnSchema = z
  .object({
    key: z.enum(columnKeys),
    label: z.object({ 'zh-CN': z.string(), en: z.string() }),
    /** `rate`: a fraction in [0, 1] (or null), shown as a percentage; else shown as it is. */
    kind: z.literal('rate').optional(),
  })
  .meta({ id: 'AnalysisColumn' });
export type AnalysisColumn = z.infer<typeof analysisColumnSchema>;

/** The named columns, in order, with their labels. */
export function analysisColumns(keys: readonly AnalysisColumnKey[]): AnalysisColumn[] {
  return keys.map((key) => ({
    key,
    label: { ...analysisColumnLabels[key] },
    ...(rateColumns.has(key) ? { kind: 'rate' as const } : {}),
  }));
}

/** Each report's columns: the screen's table and the export's. */
export const reportColumnKeys = {
  trend: ['period', 'received', 'closed', 'onTimeHandlingRate', 'onTimeClosingRate'],
  hotspots: ['key', 'name', 'received', 'closed'],
  satisfaction: ['key', 'name', 'answered', 'satisfied', 'satisfactionRate'],
  timeliness: ['key', 'name', 'received', 'closed', 'overdue', 'onTimeHandlingRate', 'onTimeClosingRate'],
  overview: [
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
} as const satisfies Record<string, readonly AnalysisColumnKey[]>;

/** The export's columns: the same ones, headed by their Chinese labels. */
export const exportColumnsOf = (columns: readonly AnalysisColumn[]): ExportTable['columns'] =>
  columns.map((column) => ({
    key: column.key,
    header: column.label['zh-CN'],
    ...(column.kind ? { kind: column.kind } : {}),
  }));
