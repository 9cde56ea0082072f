/**
 * Responsibility matrix administration (权责清单管理): one cell (category × area → department) set
 * or removed in place, version-checked; the whole matrix of a city replaced from rows (an XLSX
 * import, and the demo seed through the same function), every bad row named and nothing written when
 * any is bad; and the gaps — every category and district with no department of its own. Each change
 * runs under the city's matrix lock with its audit entry; the caller publishes it (`matrix`).
 */
import {
  type DbOrTx,
  deleteMatrixCells,
  findMatrixCell,
  independentReads,
  listCityAreas,
  listCityCategories,
  listCityDepartmentsInService,
  listMatrixCells,
  lockCityMatrix,
  type MatrixCell,
  upsertMatrixCells,
} from '@urbangrid/db';
import { NotFoundError, validationFailed } from '../errors.js';
import { checkVersion } from './admin-changes.js';
import type { RecordChange } from './calendar-admin.js';
import { type RowError, rowsRefused, type SheetColumn } from './spreadsheet.js';

/** The columns of the matrix file (权责清单.xlsx); the names are for reading, the codes are imported. */
export const matrixColumns = [
  { key: 'categoryCode', header: '分类代码', required: true },
  { key: 'categoryName', header: '分类名称' },
  { key: 'areaCode', header: '区域代码', required: true },
  { key: 'areaName', header: '区域名称' },
  { key: 'departmentCode', header: '部门代码', required: true },
  { key: 'departmentName', header: '部门名称' },
] as const satisfies readonly SheetColumn<string>[];

export type MatrixColumn = (typeof matrixColumns)[number]['key'];

/** What the matrix of a city may name: its categories, areas and departments in service. */
async function matrixVocabulary(db: DbOrTx, city: string) {
  const [categories, areas, departments] = await independentReads(db, [
    () => listCityCategories(db, city),
    () => listCityAreas(db, city).then((all) => all.filter((area) => area.retiredOn === null)),
    () => listCityDepartmentsInService(db, city),
  ]);
  return {
    categories: new Map(categories.map((c) => [c.code, c])),
    areas: new Map(areas.map((a) => [a.code, a])),
    departments: new Map(departments.map((d) => [d.id, d])),
    departmentsByCode: new Map(departments.map((d) => [d.code, d])),
  };
}

type Vocabulary = Awaited<ReturnType<typeof matrixVocabulary>>;

const cellKey = (categoryCode: string, areaCode: string) => `${categoryCode}:${areaCode}`;

/** The matrix of a city with the names of what its cells name, for the editor and the export. */
export async function cityMatrix(db: DbOrTx, city: string) {
  const [cells, vocabulary] = await independentReads(db, [
    () => listMatrixCells(db, city),
    () => matrixVocabulary(db, city),
  ]);
  return { cells, ...vocabulary };
}

export interface CellEdit {
  city: string;
  categoryCode: string;
  areaCode: string;
  /** The version the editor saw (If-Match); stale answers 409. */
  expectedVersion?: number;
}

function checkCell(vocabulary: Vocabulary, edit: CellEdit, departmentId?: string): void {
  const errors = [];
  if (!vocabulary.categories.has(edit.categoryCode))
    errors.push({
      in: 'params',
      path: 'category',
      message: `no category ${edit.categoryCode} in city ${edit.city}`,
    });
  if (!vocabulary.areas.has(edit.areaCode))
    errors.push({ in: 'params', path: 'area', message: `no area ${edit.areaCode} in city ${edit.city}` });
  if (departmentId !== undefined && !vocabulary.departments.has(departmentId))
    errors.push({
      in: 'body',
      path: 'departmentId',
      message: `no department ${departmentId} in service in city ${edit.city}`,
    });
  if (errors.length > 0) throw validationFailed(errors.map((e) => e.message).join('; '), errors);
}

const what = (edit: CellEdit) => `the matrix cell ${edit.categoryCode} × ${edit.areaCode}`;

/** Names the department of one cell; the stored cell with its version. */
export async function setMatrixCell(
  db: DbOrTx,
  record: RecordChange,
  edit: CellEdit & { departmentId: string },
): Promise<MatrixCell> {
  checkCell(await matrixVocabulary(db, edit.city), edit, edit.departmentId);
  return db.transaction(async (tx) => {
    await lockCityMatrix(tx, edit.city);
    const before = await findMatrixCell(tx, edit.city, edit.categoryCode, edit.areaCode);
    checkVersion(before?.version ?? null, edit.expectedVersion, what(edit));
    const [after] = await upsertMatrixCells(tx, edit.city, [
      { categoryCode: edit.categoryCode, areaCode: edit.areaCode, departmentId: edit.departmentId },
    ]);
    if (after === undefined) throw new Error('the cell was not written');
    if (before?.departmentId !== after.departmentId) {
      await record(tx, {
        city: edit.city,
        entity: 'matrix_cell',
        entityKey: `${edit.city}:${cellKey(edit.categoryCode, edit.areaCode)}`,
        action: before === null ? 'create' : 'update',
        before,
        after,
      });
    }
    return after;
  });
}

/** Removes one cell (the next wider area, or the category's default department, answers then). */
export async function removeMatrixCell(
  db: DbOrTx,
  record: RecordChange,
  edit: CellEdit,
): Promise<MatrixCell> {
  return db.transaction(async (tx) => {
    await lockCityMatrix(tx, edit.city);
    const before = await findMatrixCell(tx, edit.city, edit.categoryCode, edit.areaCode);
    checkVersion(before?.version ?? null, edit.expectedVersion, what(edit));
    if (before === null) throw new NotFoundError(`${what(edit)} of city ${edit.city} is empty`);
    await deleteMatrixCells(tx, edit.city, [before]);
    await record(tx, {
      city: edit.city,
      entity: 'matrix_cell',
      entityKey: `${edit.city}:${cellKey(edit.categoryCode, edit.areaCode)}`,
      action: 'delete',
      before,
      after: null,
    });
    return before;
  });
}

/** One row of a matrix import: codes, and its number in the file (for the errors). */
export interface MatrixRow {
  row: number;
  categoryCode: string;
  areaCode: string;
  departmentCode: string;
}

function resolveRows(vocabulary: Vocabulary, city: string, rows: readonly MatrixRow[]) {
  const errors: RowError[] = [];
  const seen = new Map<string, number>();
  const cells: Omit<MatrixCell, 'version'>[] = [];
  for (const row of rows) {
    const bad = (column: string, message: string) => errors.push({ row: row.row, column, message });
    const category = vocabulary.categories.get(row.categoryCode);
    const area = vocabulary.areas.get(row.areaCode);
    const department = vocabulary.departmentsByCode.get(row.departmentCode);
    if (category === undefined) bad('分类代码', `no category '${row.categoryCode}' in city ${city}`);
    if (area === undefined) bad('区域代码', `no area '${row.areaCode}' in city ${city}`);
    if (department === undefined)
      bad('部门代码', `no department '${row.departmentCode}' in service in city ${city}`);
    const key = cellKey(row.categoryCode, row.areaCode);
    const earlier = seen.get(key);
    if (earlier !== undefined) bad('区域代码', `the same category and area as row ${earlier}`);
    else seen.set(key, row.row);
    if (category && area && department && earlier === undefined)
      cells.push({ categoryCode: category.code, areaCode: area.code, departmentId: department.id });
  }
  return { errors, cells };
}

export interface MatrixImportResult {
  added: number;
  changed: number;
  removed: number;
  unchanged: number;
}

/**
 * Makes `rows` the city's whole matrix: cells the rows lack are removed. Any bad row refuses the
 * whole file (400 with every bad row by number). Importing what is there changes and audits nothing.
 */
export async function importMatrixRows(
  db: DbOrTx,
  record: RecordChange,
  city: string,
  rows: readonly MatrixRow[],
): Promise<MatrixImportResult> {
  const { errors, cells } = resolveRows(await matrixVocabulary(db, city), city, rows);
  if (errors.length > 0) throw rowsRefused('the responsibility matrix', errors);
  return db.transaction(async (tx) => {
    await lockCityMatrix(tx, city);
    const current = new Map(
      (await listMatrixCells(tx, city)).map((cell) => [cellKey(cell.categoryCode, cell.areaCode), cell]),
    );
    const added: Omit<MatrixCell, 'version'>[] = [];
    const changed: Array<{ cell: Omit<MatrixCell, 'version'>; from: string }> = [];
    for (const cell of cells) {
      const key = cellKey(cell.categoryCode, cell.areaCode);
      const before = current.get(key);
      current.delete(key);
      if (before === undefined) added.push(cell);
      else if (before.departmentId !== cell.departmentId) changed.push({ cell, from: before.departmentId });
    }
    const removed = [...current.values()];
    await upsertMatrixCells(tx, city, [...added, ...changed.map((c) => c.cell)]);
    if (removed.length > 0) await deleteMatrixCells(tx, city, removed);
    const result = {
      added: added.length,
      changed: changed.length,
      removed: removed.length,
      unchanged: cells.length - added.length - changed.length,
    };
    if (added.length + changed.length + removed.length > 0) {
      await record(tx, {
        city,
        entity: 'matrix',
        entityKey: city,
        action: 'import',
        before: {
          changed: changed.map(({ cell, from }) => ({ ...cell, departmentId: from })),
          removed: removed.map(({ version: _v, ...cell }) => cell),
        },
        after: { counts: result, added, changed: changed.map(({ cell }) => cell) },
      });
    }
    return result;
  });
}

/** A category and district with no department named for the district itself. */
export interface MatrixGap {
  categoryCode: string;
  categoryName: string;
  districtCode: string;
  districtName: string;
  /** The category's default department in this city, which a case would fall back to, if any. */
  fallbackDepartmentId: string | null;
}

/** Every active category of the city and district of it that the matrix names no department for. */
export async function matrixGaps(db: DbOrTx, city: string): Promise<MatrixGap[]> {
  const { cells, categories, areas, departmentsByCode } = await cityMatrix(db, city);
  const named = new Set(cells.map((cell) => cellKey(cell.categoryCode, cell.areaCode)));
  const districts = [...areas.values()].filter((area) => area.level === 'district');
  const gaps: MatrixGap[] = [];
  for (const category of categories.values()) {
    if (!category.active) continue;
    for (const district of districts) {
      if (named.has(cellKey(category.code, district.code))) continue;
      const fallback = category.defaultDepartmentCode
        ? departmentsByCode.get(category.defaultDepartmentCode)
        : undefined;
      gaps.push({
        categoryCode: category.code,
        categoryName: category.name,
        districtCode: district.code,
        districtName: district.name,
        fallbackDepartmentId: fallback?.id ?? null,
      });
    }
  }
  return gaps;
}
