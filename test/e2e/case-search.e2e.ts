/**
 * Case search in the browser (issue 16.4): an intake operator finds a caller's case by the phone
 * number and exports the result as a ledger file; a department's handler searching the same words
 * finds nothing of another department's and is offered no phone field.
 */
import { randomInt } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { type ApiCase, apiAs } from './api.js';
import { roleSessions } from './browser.js';
import { artifacts } from './server.js';

const baseUrl = inject('consoleUrl');
const sessions = roleSessions(baseUrl, `${artifacts}browser-case-search.log`);
const { asRole } = sessions;

describe('case search', () => {
  beforeAll(() => sessions.start());
  afterEach(() => sessions.closeAll());
  afterAll(() => sessions.stop());

  it('an operator finds a call by the caller’s phone and exports the ledger; a department finds nothing else’s', async () => {
    const phone = `139${String(randomInt(10_000_000, 99_999_999))}`;
    const words = `检索${randomInt(100_000, 999_999)}`;
    const reported = await apiAs<ApiCase>(baseUrl, 'operator1', '/api/intake/reports', {
      source: 'hotline',
      categoryCode: 'E0101',
      description: `${words}：小区门口垃圾堆积`,
      address: '新华大街88号',
      location: { lat: 40.85, lng: 111.7 },
      reporter: { name: '李女士', phone },
    });

    const operator = await asRole('operator1');
    await operator.goto(`${baseUrl}/search`);
    // Written the way callers say it.
    await operator
      .locator('input[name="phone"]')
      .fill(`${phone.slice(0, 3)} ${phone.slice(3, 7)} ${phone.slice(7)}`);
    await operator.locator('form[aria-label="filters"] button[type="submit"]').click();
    const row = operator.locator(`tr[data-case-no="${reported.caseNo}"]`);
    await row.waitFor();
    await expect.poll(() => operator.locator('tbody tr').count()).toBe(1);
    expect(await row.textContent()).toContain('暴露垃圾');

    const [download] = await Promise.all([
      operator.waitForEvent('download'),
      operator.locator('button[data-export="xlsx"]').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile((await download.path()) ?? '');
    const sheet = workbook.worksheets[0];
    expect(sheet?.getRow(2).getCell(1).value).toBe('案件编号');
    expect(sheet?.getRow(3).getCell(1).value).toBe(reported.caseNo);
    expect(sheet?.rowCount).toBe(3);
    await operator.screenshot({ path: `${artifacts}case-search-operator.png`, fullPage: true });

    // Another department's handler: no phone field, and the same words find nothing.
    const handler = await asRole('handler-enforcement-150102');
    await handler.goto(`${baseUrl}/search`);
    await handler.locator('input[name="q"]').fill(words);
    await handler.locator('form[aria-label="filters"] button[type="submit"]').click();
    await handler.locator('p.total').waitFor();
    expect(await handler.locator('input[name="phone"]').count()).toBe(0);
    expect(await handler.locator(`tr[data-case-no="${reported.caseNo}"]`).count()).toBe(0);
  });
});
