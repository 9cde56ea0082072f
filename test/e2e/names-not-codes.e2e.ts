/**
 * Names, not codes (issue 16.7): a case's history names the people who acted by their display
 * names (not `shiftlead1`), the timeliness report shows departments by name with their code beside
 * them, and its workbook carries the department's code — never the internal id.
 */
import ExcelJS from 'exceljs';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { type ApiCase, apiAs, officerReport } from './api.js';
import { roleSessions } from './browser.js';
import { artifacts } from './server.js';

const baseUrl = inject('consoleUrl');
const sessions = roleSessions(baseUrl, `${artifacts}browser-names.log`);

interface Detail {
  names: { people: Record<string, string> };
}
interface Department {
  id: string;
  code: string;
}

describe('names, not codes', () => {
  beforeAll(() => sessions.start());
  afterEach(() => sessions.closeAll());
  afterAll(() => sessions.stop());

  it('history by display name; departments by name and code on screen and in the workbook', async () => {
    const reported = await officerReport(baseUrl, '名称：人行道垃圾堆放');
    const filed = await apiAs<ApiCase>(baseUrl, 'shiftlead1', `/api/dispatch/cases/${reported.id}/file`, {});
    const departmentId = filed.suggestedDepartmentId ?? '';
    await apiAs(baseUrl, 'dispatcher1', `/api/dispatch/cases/${reported.id}/dispatch`, { departmentId });
    const { people } = (await apiAs<Detail>(baseUrl, 'supervisor1', `/api/cases/${reported.id}`)).names;
    const departments = await apiAs<Department[]>(baseUrl, 'admin', '/api/departments');
    const code = departments.find((d) => d.id === departmentId)?.code ?? '';

    const page = await sessions.asRole('supervisor1');
    await page.goto(`${baseUrl}/cases/${reported.id}`);
    const timeline = page.locator('[data-test="timeline"]');
    await expect.poll(() => timeline.locator('li').count()).toBeGreaterThanOrEqual(3);
    const history = (await timeline.textContent()) ?? '';
    for (const username of ['officer1', 'shiftlead1', 'dispatcher1']) {
      expect(people[username]).toBeTruthy();
      expect(history).toContain(people[username]);
      expect(history).not.toContain(username);
    }

    await page.goto(`${baseUrl}/supervision`);
    const row = page.locator(`[data-test="timeliness"] tr[data-key="${departmentId}"]`);
    await row.waitFor();
    expect(await row.locator('td').first().textContent()).toContain(`（${code}）`);
    expect(await page.locator('[data-test="timeliness"] tbody').textContent()).not.toContain('dept-');
    await page.screenshot({ path: `${artifacts}names-timeliness.png`, fullPage: true });

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('[data-test="export-xlsx"]').click(),
    ]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile((await download.path()) ?? '');
    const sheet = workbook.worksheets[0];
    const codes: string[] = [];
    sheet?.eachRow((r, n) => {
      if (n > 2) codes.push(String(r.getCell(1).value));
    });
    expect(codes).toContain(code);
    expect(codes.filter((c) => c.startsWith('dept-'))).toEqual([]);
  });
});
