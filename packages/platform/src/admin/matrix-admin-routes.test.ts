import { adminAuditLog } from '@urbangrid/db';
import { redisTest } from '@urbangrid/test-support';
import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { describe, expect } from 'vitest';
import type { App } from '../app.js';
import { bearer, buildTestApp, demoUserOf, expectProblem, loginAs } from '../test-support/index.js';
import { xlsxMediaType } from './spreadsheet.js';

type Matrix = {
  cells: Array<{ categoryCode: string; areaCode: string; departmentId: string; version: number }>;
  departments: Array<{ id: string; code: string; name: string }>;
};

async function until(check: () => Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  for (const started = Date.now(); Date.now() - started < timeoutMs; ) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('not within the time');
}

async function sheetRows(file: Buffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(file as unknown as ArrayBuffer);
  const rows: string[][] = [];
  workbook.worksheets[0]?.eachRow((row) => {
    rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? '')));
  });
  return rows;
}

async function workbookOf(rows: string[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('权责清单');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('responsibility matrix administration', () => {
  let app: App;
  let other: App;
  let admin: Record<string, string>;
  redisTest.beforeAll(async ({ database, redis }) => {
    app = await buildTestApp({ database, redis });
    other = await buildTestApp({ database, redis });
    await Promise.all([app.ready(), other.ready()]);
    admin = bearer((await loginAs(app, 'admin')).token);
  });
  redisTest.afterAll(async () => {
    await Promise.all([app?.close(), other?.close()]);
  });

  const matrix = async (): Promise<Matrix> =>
    (await app.inject({ url: '/api/admin/matrix/1501', headers: admin })).json();
  const put = (category: string, area: string, departmentId: string, version?: number) =>
    app.inject({
      method: 'PUT',
      url: `/api/admin/matrix/1501/cells/${category}/${area}`,
      headers: { ...admin, ...(version === undefined ? {} : { 'if-match': `"${version}"` }) },
      payload: { departmentId },
    });
  const importFile = (file: Buffer) =>
    app.inject({
      method: 'POST',
      url: '/api/admin/matrix/1501/import',
      headers: { ...admin, 'content-type': xlsxMediaType },
      payload: file,
    });

  redisTest('a cell edited in place reaches another process; a stale edit is 409', async ({ database }) => {
    const before = await matrix();
    const cell = before.cells.find((c) => c.categoryCode === 'C0101' && c.areaCode === '150102');
    if (!cell) throw new Error('the demo matrix names C0101 in 150102');
    const target = before.departments.find((d) => d.id !== cell.departmentId && d.code === 'municipal');
    if (!target) throw new Error('Hohhot has a municipal department');
    await other.reference.prepare();
    expect((await other.reference.matrix('1501')).departmentFor('C0101', '150102')).toBe(cell.departmentId);

    const edited = await put('C0101', '150102', target.id, cell.version);
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ departmentId: target.id, version: cell.version + 1 });
    expect(edited.headers.etag).toBe(`"${cell.version + 1}"`);
    await until(
      async () => (await other.reference.matrix('1501')).departmentFor('C0101', '150102') === target.id,
    );

    // Someone who saw the old version does not overwrite the new department silently.
    expectProblem(await put('C0101', '150102', cell.departmentId, cell.version), 409, 'VERSION_CONFLICT');
    const [entry] = await database.db
      .select()
      .from(adminAuditLog)
      .where(and(eq(adminAuditLog.entity, 'matrix_cell'), eq(adminAuditLog.entityKey, '1501:C0101:150102')));
    expect(entry).toMatchObject({
      action: 'update',
      actorUsername: 'admin',
      before: { departmentId: cell.departmentId },
      after: { departmentId: target.id },
    });

    // Unknown category, area or department: 400 naming it; another city's admin would be 403.
    expectProblem(await put('C0101', '150102', 'dept-9999-nothing'), 400, 'VALIDATION_FAILED');
    expectProblem(await put('C0101', '999999', target.id), 400, 'VALIDATION_FAILED');
    const dispatcher = bearer((await loginAs(app, demoUserOf.dispatcher)).token);
    const refused = await app.inject({
      method: 'PUT',
      url: '/api/admin/matrix/1501/cells/C0101/150102',
      headers: dispatcher,
      payload: { departmentId: target.id },
    });
    expect(refused.statusCode).toBe(403);
  });

  redisTest('the export has Chinese headers and imports back; a bad file imports nothing', async () => {
    const exported = await app.inject({ url: '/api/admin/matrix/1501?format=xlsx', headers: admin });
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-type']).toContain(xlsxMediaType);
    const rows = await sheetRows(exported.rawPayload);
    expect(rows[0]).toEqual(['分类代码', '分类名称', '区域代码', '区域名称', '部门代码', '部门名称']);
    const cells = (await matrix()).cells;
    expect(rows.length - 1).toBe(cells.length);

    const same = await importFile(exported.rawPayload);
    expect(same.json()).toEqual({ added: 0, changed: 0, removed: 0, unchanged: cells.length });

    // Rows 3 and 5 (sheet numbering, the header is row 1) are wrong: nothing of the file is taken.
    const [header, ...body] = rows as [string[], ...string[][]];
    const edited = body.map((row) => [...row]);
    (edited[1] as string[])[4] = 'no-such-department';
    (edited[3] as string[])[0] = 'C9999';
    const sixth = edited[5] as string[];
    sixth[4] = sixth[4] === 'gas' ? 'water-supply' : 'gas';
    const refused = await importFile(await workbookOf([header, ...edited]));
    expectProblem(refused, 400, 'VALIDATION_FAILED');
    expect(refused.json().rowErrors).toEqual([
      expect.objectContaining({ row: 3, column: '部门代码' }),
      expect.objectContaining({ row: 5, column: '分类代码' }),
    ]);
    expect((await matrix()).cells).toEqual(cells);

    // Fixed, the same file changes one cell and removes the row left out.
    const fixed = edited.filter((_, i) => i !== 1 && i !== 3);
    const applied = await importFile(await workbookOf([header, ...fixed]));
    expect(applied.json()).toMatchObject({ added: 0, changed: 1, removed: 2 });
    expect((await matrix()).cells).toHaveLength(cells.length - 2);

    const notWorkbook = await app.inject({
      method: 'POST',
      url: '/api/admin/matrix/1501/import',
      headers: { ...admin, 'content-type': 'application/json' },
      payload: { rows: [] },
    });
    expect(notWorkbook.statusCode).toBe(415);
  });

  redisTest('the check lists the category and district left without a department', async () => {
    const before = await app.inject({ url: '/api/admin/matrix/1501/gaps', headers: admin });
    const known = before.json().gaps.length;
    const { cells } = await matrix();
    const cell = cells.find((c) => c.areaCode === '150103');
    if (!cell) throw new Error('the demo matrix names departments in 150103');
    const removed = await app.inject({
      method: 'DELETE',
      url: `/api/admin/matrix/1501/cells/${cell.categoryCode}/150103`,
      headers: { ...admin, 'if-match': `"${cell.version}"` },
    });
    expect(removed.statusCode, removed.body).toBe(200);
    const after = (await app.inject({ url: '/api/admin/matrix/1501/gaps', headers: admin })).json();
    expect(after.gaps).toHaveLength(known + 1);
    expect(after.gaps).toContainEqual(
      expect.objectContaining({
        categoryCode: cell.categoryCode,
        districtCode: '150103',
        districtName: '回民区',
      }),
    );
  });
});
