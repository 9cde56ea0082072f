/**
 * The attainment matrix (目标达成情况) as a workbook: one row per city and target, with the
 * direction and unit, the target, the value, the gap and whether it is met — the screen's red cells
 * are the rows marked 未达标.
 */
import type { ExportTable } from '@urbangrid/platform';
import type { AttainmentCell } from './ranking.js';

const directionSigns: Record<string, string> = { atLeast: '≥', atMost: '≤', about: '≈', yesNo: '是否' };

export function attainmentTitle(period: string, published: boolean): string {
  return `${period} 全区城市目标达成情况${published ? '（已发布）' : '（当前核算）'}`;
}

export function attainmentTable(matrix: {
  period: string;
  published: boolean;
  rows: ReadonlyArray<{ city: string; name: string; cells: readonly AttainmentCell[] }>;
}): ExportTable {
  return {
    title: attainmentTitle(matrix.period, matrix.published),
    columns: [
      { key: 'name', header: '城市' },
      { key: 'city', header: '代码' },
      { key: 'indicator', header: '指标' },
      { key: 'direction', header: '方向' },
      { key: 'unit', header: '单位' },
      { key: 'target', header: '目标值' },
      { key: 'value', header: '实际值' },
      { key: 'gap', header: '差距' },
      { key: 'met', header: '是否达标' },
      { key: 'source', header: '来源' },
    ],
    rows: matrix.rows.flatMap((row) =>
      row.cells.map((cell) => ({
        name: row.name,
        city: row.city,
        indicator: cell.name,
        direction: directionSigns[cell.direction] ?? cell.direction,
        unit: cell.unit,
        target: cell.target,
        value: cell.value,
        gap: cell.gap,
        met: cell.met ? '达标' : cell.attainment === null ? '无数据' : '未达标',
        source:
          cell.measuredBy === 'system'
            ? '系统计算'
            : cell.value === null
              ? '未报送'
              : `报送 ${cell.reportedFor}`,
      })),
    ),
  };
}
