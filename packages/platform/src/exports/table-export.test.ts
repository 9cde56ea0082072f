import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { type ExportTable, toCsv } from './table-export.js';

const awkward: ExportTable = {
  title: '案件台账（3 件）',
  columns: [
    { key: 'caseNo', header: '案件编号' },
    { key: 'description', header: '问题描述' },
    { key: 'count', header: '次数' },
    { key: 'rate', header: '按时率', kind: 'rate' },
    { key: 'none', header: '空' },
  ],
  rows: [
    { caseNo: '2026120300001', description: '井盖"松动", 有人绊倒', count: 2, rate: 0.955, none: null },
    { caseNo: '2026120300002', description: '第一行\n第二行\r\n第三行', count: 0, rate: null, none: '' },
    { caseNo: '2026120300003', description: '  前后有空格  ', count: -1.5, rate: 1, none: 'a,b' },
  ],
};

describe('toCsv', () => {
  it('writes what csv-stringify writes (quotes, commas, line breaks, numbers, nothing), behind a BOM', () => {
    const cells = (row: Record<string, string | number | null>) =>
      awkward.columns.map((column) =>
        column.kind === 'rate'
          ? typeof row[column.key] === 'number'
            ? `${((row[column.key] as number) * 100).toFixed(2)}%`
            : ''
          : (row[column.key] ?? ''),
      );
    const expected = stringify([
      [awkward.title],
      awkward.columns.map((column) => column.header),
      ...awkward.rows.map(cells),
    ]);
    const csv = toCsv(awkward);
    expect(csv).toBe(`\uFEFF${expected}`);
    expect(csv).toContain(',95.50%,');
  });
});
