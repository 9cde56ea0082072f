/**
 * Table exports (导出) — report tables and the case ledger (台账): a table as CSV (UTF-8 with a BOM, so spreadsheet programs read the
 * Chinese headers) or XLSX (exceljs), with the title and period on the first row and Chinese column
 * headers on the second.
 */
import ExcelJS from 'exceljs';
import type { FastifyReply } from 'fastify';

export type Cell = string | number | null;

export interface ExportTable {
  /** e.g. 案件时效报表（按部门） 2026-01-01 至 2026-12-31 */
  title: string;
  columns: ReadonlyArray<{ key: string; header: string; kind?: 'rate' }>;
  rows: ReadonlyArray<Record<string, Cell>>;
}

export const exportFormats = ['json', 'csv', 'xlsx'] as const;
export type ExportFormat = (typeof exportFormats)[number];

export const contentTypes = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

/** A rate (a fraction) as people read it: 95.5%. */
const percent = (value: Cell) => (typeof value === 'number' ? `${(value * 100).toFixed(2)}%` : (value ?? ''));

/**
 * One CSV field as csv-stringify writes it (RFC 4180: quoted when it holds a comma, a quote or a line
 * break, its quotes doubled). Written here rather than through csv-stringify for the ledger's sake:
 * a district's day, 854 cases of 20 columns, took csv-stringify 15 ms and this 3 — half the
 * export's time (bench/README.md). `table-export.test.ts` holds it to csv-stringify's output.
 */
function csvField(value: Cell): string {
  const text = value === null ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const csvLine = (cells: readonly Cell[]) => `${cells.map(csvField).join(',')}\n`;

export function toCsv(table: ExportTable): string {
  const header = table.columns.map((column) => column.header);
  const body = table.rows.map((row) =>
    csvLine(
      table.columns.map((column) =>
        column.kind === 'rate' ? percent(row[column.key] ?? null) : (row[column.key] ?? ''),
      ),
    ),
  );
  return `\uFEFF${csvLine([table.title])}${csvLine(header)}${body.join('')}`;
}

function addTableSheet(workbook: ExcelJS.Workbook, name: string, table: ExportTable): void {
  const sheet = workbook.addWorksheet(name);
  sheet.addRow([table.title]);
  sheet.mergeCells(1, 1, 1, Math.max(1, table.columns.length));
  sheet.getRow(1).font = { bold: true, size: 14 };
  const header = sheet.addRow(table.columns.map((column) => column.header));
  header.font = { bold: true };
  for (const row of table.rows) sheet.addRow(table.columns.map((column) => row[column.key] ?? null));
  table.columns.forEach((column, index) => {
    const sheetColumn = sheet.getColumn(index + 1);
    sheetColumn.width = Math.max(10, column.header.length * 2 + 2);
    if (column.kind === 'rate') sheetColumn.numFmt = '0.00%';
  });
}

/** A workbook of one sheet per table (e.g. the monthly report's sections), each laid out as `toXlsx`'s. */
export async function toXlsxBook(
  sheets: ReadonlyArray<{ name: string; table: ExportTable }>,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'urbangrid';
  for (const { name, table } of sheets) addTableSheet(workbook, name, table);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export function toXlsx(table: ExportTable): Promise<Buffer> {
  return toXlsxBook([{ name: '报表', table }]);
}

/** A file name without characters that break a Content-Disposition header. */
export function attachmentHeader(name: string): string {
  return `attachment; filename="report.${name.split('.').pop()}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/**
 * Sends the table as a file in the asked format; null for JSON (the route answers its own body).
 * `name` is the file's name without the extension.
 */
export async function sendTable(
  reply: FastifyReply,
  as: ExportFormat,
  name: string,
  table: () => ExportTable | Promise<ExportTable>,
): Promise<FastifyReply | null> {
  if (as === 'json') return null;
  const body = as === 'csv' ? toCsv(await table()) : await toXlsx(await table());
  return sendFile(reply, `${name}.${as}`, contentTypes[as], body);
}

/** Sends a made file as a download named `fileName` (the name with its extension). */
export function sendFile(
  reply: FastifyReply,
  fileName: string,
  contentType: string,
  body: string | Buffer,
): FastifyReply {
  return reply.header('content-disposition', attachmentHeader(fileName)).type(contentType).send(body);
}
