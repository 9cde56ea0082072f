/**
 * The duty rota (值班表) imported from a workbook decides task assignment: officer1 on shift in the
 * morning and the other officers of the street in the afternoon, the engine's choice of officer for
 * a task in officer1's grid is officer1 at 09:00 and someone else at 13:00. A file with bad rows is
 * refused with every bad row by number and nothing imported; the export gives the same sheet back;
 * importing again replaces the period's shifts; the import is audited.
 */
import { chooseOfficer } from '@urbangrid/engine';
import type { App } from '@urbangrid/platform';
import { bearer, buildTestApp, expectProblem, loginAs } from '@urbangrid/platform/test-support';
import { redisTest as test } from '@urbangrid/test-support';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { describe, expect } from 'vitest';

const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const header = ['用户名', '姓名', '开始时间', '结束时间'];
const period = 'from=2026-12-07&to=2026-12-07';

let app: App;
let admin: Record<string, string>;

async function workbookOf(rows: string[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('值班表');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function rowsOf(file: Buffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(file as unknown as ArrayBuffer);
  const rows: string[][] = [];
  workbook.worksheets[0]?.eachRow((row) => {
    rows.push((row.values as unknown[]).slice(1).map((value) => String(value)));
  });
  return rows;
}

const importFile = (file: Buffer) =>
  app.inject({
    method: 'POST',
    url: `/api/admin/rota/1501/import?${period}`,
    headers: { ...admin, 'content-type': xlsx },
    payload: file,
  });

describe('duty rota import', () => {
  let grid: { code: string; street: string };
  let others: string[];

  test.beforeAll(async ({ database, redis }) => {
    app = await buildTestApp({ database, redis }, { live: false });
    await app.ready();
    admin = bearer((await loginAs(app, 'admin')).token);
    const [first] = (
      await database.db.execute<{ code: string; street: string }>(sql`
        select g.code, g.street_code as street from officer_grids og join users u on u.id = og.officer_id
        join grids g on g.code = og.grid_code where u.username = 'officer1' order by g.code limit 1`)
    ).rows;
    grid = first as { code: string; street: string };
    others = (
      await database.db.execute<{ username: string }>(sql`
        select distinct u.username from officer_grids og join users u on u.id = og.officer_id
        join grids g on g.code = og.grid_code
        where g.street_code = ${grid.street} and u.username <> 'officer1' and u.active order by 1`)
    ).rows.map((row) => row.username);
    expect(others.length).toBeGreaterThan(0);
  });
  test.afterAll(async () => {
    await app?.close();
  });

  const rota = () => [
    header,
    ['officer1', '', '2026-12-07 08:00', '2026-12-07 12:00'],
    ...others.map((username) => [username, '', '2026-12-07 12:00', '2026-12-07 18:00']),
  ];

  test('a file with bad rows is refused whole, every bad row named', async () => {
    const refused = await importFile(
      await workbookOf([
        header,
        ['officer1', '', '2026-12-07 08:00', '2026-12-07 12:00'],
        ['nobody', '', '2026-12-07 08:00', '2026-12-07 12:00'],
        ['officer1', '', '2026-12-07 15:00', '2026-12-07 14:00'],
        ['officer1', '', '2026-12-07 11:00', '2026-12-07 13:00'],
        ['officer1', '', '2026-12-09 08:00', '2026-12-09 12:00'],
      ]),
    );
    const problem = expectProblem(refused, 400, 'VALIDATION_FAILED');
    expect((problem.rowErrors as Array<{ row: number }>).map((e) => e.row)).toEqual([3, 4, 5, 6]);
    const listed = await app.inject({ url: `/api/admin/rota/1501?${period}`, headers: admin });
    expect(listed.json()).toEqual({ shifts: [] });
  });

  test('the imported rota decides who gets the grid’s task', async ({ database }) => {
    const imported = await importFile(await workbookOf(rota()));
    expect(imported.statusCode, imported.body).toBe(200);
    expect(imported.json()).toEqual({ removed: 0, added: 1 + others.length });

    const choose = async (at: string) =>
      (await chooseOfficer(database.db, { gridCode: grid.code, streetCode: grid.street, at: new Date(at) }))
        ?.officer.username;
    expect(await choose('2026-12-07T09:00:00+08:00')).toBe('officer1');
    const afternoon = await choose('2026-12-07T13:00:00+08:00');
    expect(others).toContain(afternoon);
  });

  test('the export is the sheet the import takes; importing it again replaces the period', async () => {
    const exported = await app.inject({ url: `/api/admin/rota/1501?${period}&format=xlsx`, headers: admin });
    expect(exported.statusCode, exported.body).toBe(200);
    expect(exported.headers['content-type']).toContain(xlsx);
    const rows = await rowsOf(exported.rawPayload);
    expect(rows[0]).toEqual(header);
    expect(rows.slice(1).map(([username, , start, end]) => [username, start, end])).toEqual(
      expect.arrayContaining(
        rota()
          .slice(1)
          .map(([username, , start, end]) => [username, start, end]),
      ),
    );
    const again = await importFile(exported.rawPayload);
    expect(again.json()).toEqual({ removed: 1 + others.length, added: 1 + others.length });

    const audit = await app.inject({ url: '/api/admin/audit?entity=duty_rota', headers: admin });
    expect(audit.json().items).toHaveLength(2);
  });
});
