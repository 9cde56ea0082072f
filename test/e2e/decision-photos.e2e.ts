/**
 * Photos where decisions are made (issue 16.5): the officer's check (核查) shows the problem photos
 * beside the department's fix photos; the shift lead's, dispatcher's and department's side panels
 * show the case's photos, its district by name, the reporter masked and the assignee by name.
 */
import { writeFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { type ApiCase, apiAs, handlerOf, hotlineReport, uploadPhoto } from './api.js';
import { launchBrowser, newRoleContext, recordPage, signIn, tinyPng, waitMs } from './browser.js';
import { artifacts } from './server.js';

const baseUrl = inject('consoleUrl');
const browserLog = `${artifacts}browser-decision-photos.log`;
let browser: Browser | undefined;
const open: BrowserContext[] = [];

async function asRole(username: string, phone = false): Promise<Page> {
  if (!browser) throw new Error('the browser did not start');
  const context = await newRoleContext(browser, phone);
  open.push(context);
  const page = await context.newPage();
  recordPage(page, username, browserLog);
  await signIn(page, baseUrl, username);
  return page;
}

interface Detail extends ApiCase {
  assignee: string | null;
  departmentId: string | null;
  names: { people: Record<string, string>; district: { name: string } | null };
}
const detailOf = (id: string) => apiAs<Detail>(baseUrl, 'shiftlead1', `/api/cases/${id}`);

/** The case once `until` holds (workers assign officers by themselves). */
async function caseWhen(id: string, until: (item: Detail) => boolean): Promise<Detail> {
  let item = await detailOf(id);
  await expect
    .poll(
      async () => {
        item = await detailOf(id);
        return until(item);
      },
      { timeout: 2 * waitMs },
    )
    .toBe(true);
  return item;
}

async function selectRow(page: Page, caseNo: string): Promise<void> {
  await page.locator(`tr[data-case-no="${caseNo}"]`).click();
  await page.locator(`tr[data-case-no="${caseNo}"][aria-selected="true"]`).waitFor();
}

/** The side panel's facts of the selected case, once its photos have loaded. */
async function factsOf(page: Page, caseNo: string) {
  const facts = page.locator(`[data-test="decision-facts"][data-case-no="${caseNo}"]`);
  await facts.locator('[data-test="photos-problem"] img').first().waitFor();
  return {
    district: await facts.locator('[data-test="facts-district"]').textContent(),
    reporter: await facts.locator('[data-test="facts-reporter"]').textContent(),
    assignee: await facts.locator('[data-test="facts-assignee"]').textContent(),
    problemPhotos: await facts.locator('[data-test="photos-problem"] img').count(),
  };
}

describe('photos where decisions are made', () => {
  beforeAll(async () => {
    writeFileSync(browserLog, '');
    browser = await launchBrowser();
  });
  afterEach(async () => {
    await Promise.all(open.splice(0).map((context) => context.close().catch(() => undefined)));
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('side panels and the check screen show the photos, district, masked reporter and names', async () => {
    const problem = await uploadPhoto(baseUrl, 'operator1', tinyPng);
    const reported = await hotlineReport(baseUrl, '决策照片：人行道垃圾堆放，请清理', {
      mediaIds: [problem],
    });
    const verifying = await caseWhen(reported.id, (c) => c.state === 'verifying' && c.assignee !== null);
    const officer = String(verifying.assignee);
    const officerName = verifying.names.people[officer];
    expect(officerName).toBeTruthy();
    expect(officerName).not.toBe(officer);

    // The shift lead, deciding whether to wait for the verification: who is on it, by name.
    const lead = await asRole('shiftlead1');
    await lead.locator('[data-tab="verifying"]').click();
    await selectRow(lead, reported.caseNo);
    const leadFacts = await factsOf(lead, reported.caseNo);
    expect(leadFacts.assignee).toBe(officerName);
    expect(leadFacts.reporter).toContain('张**');
    expect(leadFacts.reporter).toContain('138****5678');
    expect(leadFacts.reporter).not.toContain('张三丰');
    expect(leadFacts.district).toContain(String(verifying.names.district?.name));
    expect(leadFacts.problemPhotos).toBe(1);
    await lead.screenshot({ path: `${artifacts}decision-shift-lead-panel.png`, fullPage: true });

    await apiAs(baseUrl, officer, `/api/dispatch/cases/${reported.id}/verify`, { found: true });
    const filed = await apiAs(baseUrl, 'shiftlead1', `/api/dispatch/cases/${reported.id}/file`, {});

    const dispatcher = await asRole('dispatcher1');
    await selectRow(dispatcher, reported.caseNo);
    const dispatcherFacts = await factsOf(dispatcher, reported.caseNo);
    expect(dispatcherFacts.problemPhotos).toBe(1);
    expect(dispatcherFacts.reporter).toContain('138****5678');
    await dispatcher.screenshot({ path: `${artifacts}decision-dispatcher-panel.png`, fullPage: true });

    const departmentId = String(filed.suggestedDepartmentId);
    await apiAs(baseUrl, 'dispatcher1', `/api/dispatch/cases/${reported.id}/dispatch`, { departmentId });
    const handler = await handlerOf(baseUrl, departmentId);
    const department = await asRole(handler);
    await selectRow(department, reported.caseNo);
    expect((await factsOf(department, reported.caseNo)).problemPhotos).toBe(1);
    await department.screenshot({ path: `${artifacts}decision-department-panel.png`, fullPage: true });

    const fix = await uploadPhoto(baseUrl, handler, tinyPng);
    await apiAs(baseUrl, handler, `/api/handling/cases/${reported.id}/accept`, {});
    await apiAs(baseUrl, handler, `/api/handling/cases/${reported.id}/complete`, {
      note: '已清理完毕',
      mediaIds: [fix],
    });
    const reviewing = await caseWhen(reported.id, (c) => c.state === 'reviewing' && c.assignee !== null);

    // The officer's check, on the phone: the problem beside the fix.
    const phone = await asRole(String(reviewing.assignee), true);
    await phone.goto(`${baseUrl}/officer/tasks/${reported.id}`);
    await phone.locator('[data-test="field-task-form"]').waitFor();
    const before = phone.locator('[data-test="photo-compare"] [data-test="photos-problem"]');
    const after = phone.locator('[data-test="photo-compare"] [data-test="photos-fix"]');
    await before.locator('img').first().waitFor();
    await after.locator('img').first().waitFor();
    expect(await before.locator('img').count()).toBe(1);
    expect(await after.locator('img').count()).toBe(1);
    const [left, right] = [await before.boundingBox(), await after.boundingBox()];
    // Side by side: the same row, the fix to the right of the problem.
    expect(left && right && Math.abs(left.y - right.y) < 2 && right.x > left.x + left.width - 1).toBe(true);
    await phone.screenshot({ path: `${artifacts}decision-officer-check-phone.png`, fullPage: true });
  });
});
