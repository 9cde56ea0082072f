/**
 * Returned cases (issue 16.6): a case a department returned (回退) carries the mark and the reason
 * on every board — the dispatcher's, the shift lead's, the next department's and the search — and
 * the department that returned it is not suggested again.
 */
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { apiAs, handlerOf, officerReport } from './api.js';
import { roleSessions } from './browser.js';
import { artifacts } from './server.js';

const baseUrl = inject('consoleUrl');
const sessions = roleSessions(baseUrl, `${artifacts}browser-returned-cases.log`);
const { asRole } = sessions;
const reason = '井盖归市政，不属本部门职责';

/** The row of the case: marked, its reason written out. */
async function expectMarkedRow(page: Page, caseNo: string): Promise<void> {
  const row = page.locator(`tr[data-case-no="${caseNo}"]`);
  await row.locator('[data-test="returned-mark"]').waitFor();
  expect(await row.locator('[data-test="returned-mark"]').getAttribute('title')).toBe(reason);
  expect(await row.locator('[data-test="returned-reason"]').textContent()).toContain(reason);
}

describe('returned cases', () => {
  beforeAll(() => sessions.start());
  afterEach(() => sessions.closeAll());
  afterAll(() => sessions.stop());

  it('every board marks the case with the reason and the returning department is not suggested again', async () => {
    const reported = await officerReport(baseUrl, '回退标记：人行道垃圾堆放，请清理');
    const filed = await apiAs(baseUrl, 'shiftlead1', `/api/dispatch/cases/${reported.id}/file`, {});
    const first = String(filed.suggestedDepartmentId);
    await apiAs(baseUrl, 'dispatcher1', `/api/dispatch/cases/${reported.id}/dispatch`, {
      departmentId: first,
    });
    const returned = await apiAs(
      baseUrl,
      await handlerOf(baseUrl, first),
      `/api/handling/cases/${reported.id}/return`,
      {
        reason,
      },
    );
    expect(returned.state).toBe('filed');
    expect(returned.suggestedDepartmentId).not.toBe(first);

    const dispatcher = await asRole('dispatcher1');
    await expectMarkedRow(dispatcher, reported.caseNo);
    await dispatcher.locator(`tr[data-case-no="${reported.caseNo}"]`).click();
    const panel = dispatcher.locator('[data-test="return-reason"]');
    await panel.waitFor();
    expect(await panel.textContent()).toContain(reason);
    await dispatcher.keyboard.press('d');
    const select = dispatcher.locator('[data-test="dispatch-dialog"] select');
    await expect.poll(() => select.inputValue()).not.toBe('');
    const chosen = await select.inputValue();
    expect(chosen).not.toBe(first);
    expect(chosen).toBe(returned.suggestedDepartmentId);
    expect(await select.locator(`option[value="${first}"]`).textContent()).toContain('已退回');
    await dispatcher.screenshot({ path: `${artifacts}returned-dispatcher.png`, fullPage: true });
    await select.press('Enter');
    await dispatcher.locator('.notice', { hasText: reported.caseNo }).waitFor();

    const lead = await asRole('shiftlead1');
    await lead.locator('[data-tab="open"]').click();
    await expectMarkedRow(lead, reported.caseNo);

    const next = await asRole(await handlerOf(baseUrl, chosen));
    await expectMarkedRow(next, reported.caseNo);
    await next.locator(`tr[data-case-no="${reported.caseNo}"]`).click();
    expect(await next.locator('[data-test="return-reason"]').textContent()).toContain(reason);
    await next.screenshot({ path: `${artifacts}returned-department.png`, fullPage: true });

    const search = await asRole('supervisor1');
    await search.goto(`${baseUrl}/search`);
    await search.fill('input[name="q"]', reported.caseNo);
    await search.press('input[name="q"]', 'Enter');
    await expectMarkedRow(search, reported.caseNo);
    await search.screenshot({ path: `${artifacts}returned-search.png`, fullPage: true });
  });
});
