/**
 * Nothing acts on a case the user did not choose (issue 16.1): a command dialog stays with the
 * case it was opened for and closes, saying so, when another person moves that case on; after a
 * command nothing else is selected, so the same shortcut pressed again does nothing.
 */
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { type ApiCase, apiAs, officerReport } from './api.js';
import { roleSessions } from './browser.js';
import { artifacts } from './server.js';

const baseUrl = inject('consoleUrl');
const sessions = roleSessions(baseUrl, `${artifacts}browser-no-wrong-dispatch.log`);
const { asRole } = sessions;

/** The command POSTs a page sends, by path. */
function commandsSent(page: Page): string[] {
  const sent: string[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && request.url().includes('/cases/'))
      sent.push(new URL(request.url()).pathname);
  });
  return sent;
}

const stateOf = async (item: ApiCase) => (await apiAs(baseUrl, 'shiftlead1', `/api/cases/${item.id}`)).state;

/** Two cases reported on patrol (verified), filed by the shift lead when `filed`. */
async function twoCases(label: string, filed: boolean): Promise<[ApiCase, ApiCase]> {
  const cases: ApiCase[] = [];
  for (const n of [1, 2]) {
    let item = await officerReport(baseUrl, `${label} ${n}：人行道垃圾堆放，请清理`);
    if (filed) item = await apiAs(baseUrl, 'shiftlead1', `/api/dispatch/cases/${item.id}/file`, {});
    cases.push(item);
  }
  return [cases[0] as ApiCase, cases[1] as ApiCase];
}

async function selectRow(page: Page, caseNo: string): Promise<void> {
  await page.locator(`tr[data-case-no="${caseNo}"]`).click();
  await page.locator(`tr[data-case-no="${caseNo}"][aria-selected="true"]`).waitFor();
}

/** Long enough for a stray command to have been sent and answered on a slow machine. */
const settle = (page: Page) => page.waitForTimeout(2_000);

describe('no wrong dispatch', () => {
  beforeAll(() => sessions.start());
  afterEach(() => sessions.closeAll());
  afterAll(() => sessions.stop());

  it('the dispatch dialog closes with a message when another dispatcher dispatched its case', async () => {
    const [first, second] = await twoCases('派遣对话框', true);
    const page = await asRole('dispatcher1');
    const sent = commandsSent(page);
    await selectRow(page, first.caseNo);
    await page.keyboard.press('d');
    const dialog = page.locator('[data-test="dispatch-dialog"]');
    await expect.poll(() => dialog.locator('h2').textContent()).toContain(first.caseNo);
    await expect.poll(() => dialog.locator('select').inputValue()).not.toBe('');

    // Another dispatcher sends it first; the board hears it on the live channel.
    const suggested = String(
      first.suggestedDepartmentId ??
        (await apiAs(baseUrl, 'dispatcher1', `/api/cases/${first.id}`)).suggestedDepartmentId,
    );
    await apiAs(baseUrl, 'dispatcher1', `/api/dispatch/cases/${first.id}/dispatch`, {
      departmentId: suggested,
    });

    await page.locator('[data-test="moved-on"]', { hasText: first.caseNo }).waitFor();
    expect(await dialog.count()).toBe(0);
    await page.screenshot({ path: `${artifacts}no-wrong-dispatch-dialog-closed.png` });
    // The Enter meant for the first case sends nothing, to no case.
    await page.keyboard.press('Enter');
    await settle(page);
    expect(sent).toEqual([]);
    expect(await stateOf(second)).toBe('filed');
  });

  it('after filing, nothing is selected: pressing F again files no other case', async () => {
    const [first, second] = await twoCases('连按立案', false);
    const page = await asRole('shiftlead1');
    const sent = commandsSent(page);
    await selectRow(page, first.caseNo);
    await page.keyboard.press('f');
    await page.locator('.notice', { hasText: first.caseNo }).waitFor();
    await page.keyboard.press('f');
    await settle(page);
    expect(sent).toEqual([`/api/dispatch/cases/${first.id}/file`]);
    expect(await page.locator('tr[aria-selected="true"]').count()).toBe(0);
    expect(await stateOf(first)).toBe('filed');
    expect(await stateOf(second)).toBe('verified');
    await page.screenshot({ path: `${artifacts}no-wrong-dispatch-after-filing.png` });
  });
});
