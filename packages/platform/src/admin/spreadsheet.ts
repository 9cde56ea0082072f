/**
 * The XLSX files administrators exchange (权责清单, 排班表): one sheet, a header row of Chinese
 * column names, one record a row. Written and read with exceljs; reading names each row by its
 * number in the sheet (the header is row 1), so an import can say which rows are wrong.
 */
import ExcelJS from 'exceljs';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { UnsupportedMediaTypeError, ValidationFailedError, withProblemExtensions } from '../errors.js';

export const xlsxMediaType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** An admin's workbook fits (a city's matrix of some thousand rows is a few hundred KB). */
const workbookBodyLimit = 16 * 1024 * 1024;

/** Lets `app`'s routes take a workbook as the request body (a Buffer). */
export function acceptWorkbooks(app: FastifyInstance): void {
  app.addContentTypeParser(
    xlsxMediaType,
    { parseAs: 'buffer', bodyLimit: workbookBodyLimit },
    (_r, body, done) => done(null, body),
  );
}

/** The workbook a request carries, or 415 when it sent something else. */
export function uploadedFile(body: unknown): Buffer {
  if (Buffer.isBuffer(body) && body.length > 0) return body;
  throw new UnsupportedMediaTypeError(`send the workbook itself as ${xlsxMediaType}`);
}

/** Answers `file` as a download named `filename`. */
export function sendSheet(reply: FastifyReply, filename: string, file: Buffer) {
  return reply
    .type(xlsxMediaType)
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(filename)}`)
    .send(file);
}

export interface SheetColumn<Key extends string> {
  key: Key;
  /** The Chinese header, e.g. 分类代码. */
  header: string;
  /** An import needs it; a column only for reading (names next to codes) is not. */
  required?: boolean;
}

export async function writeSheet<Key extends string>(
  sheetName: string,
  columns: readonly SheetColumn<Key>[],
  rows: readonly Record<Key, string | number | null>[],
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'urbangrid';
  const sheet = workbook.addWorksheet(sheetName);
  sheet.addRow(columns.map((column) => column.header)).font = { bold: true };
  for (const row of rows) sheet.addRow(columns.map((column) => row[column.key]));
  columns.forEach((column, index) => {
    sheet.getColumn(index + 1).width = Math.max(12, column.header.length * 3);
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** One row of an imported sheet: its number in the sheet and its cells as text, by column key. */
export interface SheetRow<Key extends string> {
  row: number;
  values: Record<Key, string>;
}

/** A bad row of an import, by its number in the sheet. */
export interface RowError {
  row: number;
  column?: string;
  message: string;
}

/** 400 VALIDATION_FAILED listing every bad row (`rowErrors`); nothing of the file was imported. */
export function rowsRefused(what: string, errors: readonly RowError[]): Error {
  const sorted = [...errors].sort((a, b) => a.row - b.row);
  return withProblemExtensions(
    new ValidationFailedError(`${what}: ${sorted.length} bad row(s), nothing was imported`),
    {
      rowErrors: sorted,
      errors: sorted.map((e) => ({
        in: 'body',
        path: `row ${e.row}${e.column ? ` ${e.column}` : ''}`,
        message: e.message,
      })),
    },
  );
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') {
    if ('text' in value && typeof value.text === 'string') return value.text.trim();
    if ('richText' in value)
      return value.richText
        .map((part) => part.text)
        .join('')
        .trim();
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    return '';
  }
  return String(value).trim();
}

/**
 * The rows of the first sheet, located by header text (any column order; extra columns ignored).
 * Not a workbook, or a required header missing, is 400; empty rows are skipped.
 */
export async function readSheet<Key extends string>(
  file: Buffer,
  columns: readonly SheetColumn<Key>[],
): Promise<SheetRow<Key>[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(file as unknown as ArrayBuffer);
  } catch {
    throw new ValidationFailedError('the file is not an XLSX workbook');
  }
  const sheet = workbook.worksheets[0];
  if (sheet === undefined) throw new ValidationFailedError('the workbook has no sheet');
  const positions = new Map<string, number>();
  sheet.getRow(1).eachCell((cell, column) => {
    positions.set(cellText(cell.value), column);
  });
  const missing = columns.filter((column) => column.required && !positions.has(column.header));
  if (missing.length > 0) {
    throw new ValidationFailedError(
      `the first row must name the columns ${columns.map((c) => c.header).join(', ')}; missing ${missing.map((c) => c.header).join(', ')}`,
    );
  }
  const rows: SheetRow<Key>[] = [];
  sheet.eachRow({ includeEmpty: false }, (sheetRow, number) => {
    if (number === 1) return;
    const values = {} as Record<Key, string>;
    for (const column of columns) {
      const at = positions.get(column.header);
      values[column.key] = at === undefined ? '' : cellText(sheetRow.getCell(at).value);
    }
    if (Object.values<string>(values).some((text) => text !== '')) rows.push({ row: number, values });
  });
  return rows;
}
