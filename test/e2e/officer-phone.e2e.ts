/**
 * The officer's phone (issue 16.11), in headless Chromium at 390×844: the report form takes the GPS
 * position by itself and says clearly when it cannot (then a place is tapped on the map); a sent
 * report is found in 我的上报; the officer's task screens and the department's board fit the phone
 * (no sideways scrolling), the board as cards with the case in a full-screen sheet whose commands
 * sit under the thumb, and a case is completed from it.
 */
import { writeFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { type ApiCase, apiAs, handlerOf, hotlineReport, officerReport } from './api.js';
import { launchBrowser, newRoleContext, recordPage, signIn, tinyPng, waitMs } from './browser.js';
import { artifacts } from './server.js';

const baseUrl = inject('consoleUrl');
const browserLog = `${artifacts}browser-officer-phone.log`;
const phone = { width: 390, height: 844 };
/** The demo point of test/e2e/api.ts, where its reports are made. */
const demoPoint = { latitude: 40.85, longitude: 111.7 };
let browser: Browser | undefined;
const open: BrowserContext[] = [];

/** A signed-in phone; `where` is the device's position, or null when the site may not use it. */
async function phoneOf(
  username: string,
  where: { latitude: number; longitude: number } | null,
): Promise<Page> {
  if (!browser) throw new Error('the browser did not start');
  const context = await newRoleContext(browser, true);
  open.push(context);
  if (where === null) await context.clearPermissions();
  else await context.setGeolocation({ ...where, accuracy: 12 });
  const page = await context.newPage();
  recordPage(page, username, browserLog);
  await signIn(page, baseUrl, username);
  return page;
}

/** How far the page reaches sideways beyond the phone's width (0: no horizontal scroll). */
async function overflowOf(page: Page): Promise<number> {
  // A string: this file is typed for node, the script runs in the page.
  return page.evaluate<number>(`(() => {
    const root = document.scrollingElement ?? document.documentElement;
    return root.scrollWidth - window.innerWidth;
  })()`);
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${artifacts}officer-phone-${name}.png`, fullPage: true });
}

interface Detail extends ApiCase {
  assignee: string | null;
}

async function caseWhen(id: string, until: (item: Detail) => boolean): Promise<Detail> {
  let item = await apiAs<Detail>(baseUrl, 'shiftlead1', `/api/cases/${id}`);
  await expect
    .poll(
      async () => {
        item = await apiAs<Detail>(baseUrl, 'shiftlead1', `/api/cases/${id}`);
        return until(item);
      },
      { timeout: 2 * waitMs },
    )
    .toBe(true);
  return item;
}

describe('the officer’s phone', () => {
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

  it('the report form takes the position by itself; the report is found in 我的上报', async () => {
    // The officer of the demo point's grid (the one its verification goes to): their own report
    // there is among the cases they may see.
    const call = await hotlineReport(baseUrl, '手机上报前：本网格监督员');
    const officer = String((await caseWhen(call.id, (c) => c.assignee !== null)).assignee);
    const page = await phoneOf(officer, demoPoint);
    expect(page.viewportSize()).toEqual(phone);
    await page.goto(`${baseUrl}/officer`);
    await page.locator('[data-test="new-report"]').waitFor();
    expect(await overflowOf(page)).toBeLessThanOrEqual(0);
    await shot(page, 'tasks');

    await page.locator('[data-test="new-report"]').click();
    // Nothing pressed: the position is there, with its precision and grid.
    const accuracy = page.locator('[data-test="gps-accuracy"]');
    await accuracy.waitFor();
    expect(await accuracy.textContent()).toContain('±12 米');
    expect(await page.locator('[data-test="coords"]').textContent()).toBe('40.85000, 111.70000');
    await page.locator('[data-test="located-grid"]').waitFor();
    expect(await page.locator('[data-test="locate-failure"]').count()).toBe(0);
    expect(await overflowOf(page)).toBeLessThanOrEqual(0);
    await shot(page, 'report-gps');

    await page.selectOption('select[name="categoryCode"]', 'E0101');
    const description = `手机上报：井盖破损 ${Date.now()}`;
    await page.fill('textarea[name="description"]', description);
    await page.locator('form[data-test="officer-report-form"] button[type="submit"]').click();
    const done = page.locator('[data-test="report-created"]');
    await done.waitFor();
    const caseNo = (await done.getAttribute('data-case-no')) ?? '';
    expect(await done.textContent()).toContain(`上报成功：${caseNo}`);
    expect(caseNo).not.toBe('');
    await shot(page, 'report-sent');

    await page.locator('[data-test="to-my-reports"]').click();
    const mine = page.locator(`[data-test="my-reports"] [data-case-no="${caseNo}"]`);
    await mine.waitFor();
    // Newest first, with its state, light and number.
    expect(
      await page.locator('[data-test="my-reports"] [data-case-no]').first().getAttribute('data-case-no'),
    ).toBe(caseNo);
    expect(await mine.getAttribute('data-state')).toBe('verified');
    expect(await mine.locator('[data-test="report-state"]').textContent()).toBe('待立案');
    expect(await mine.locator('[data-light]').count()).toBe(1);
    expect(await mine.textContent()).toContain(caseNo);
    expect(await overflowOf(page)).toBeLessThanOrEqual(0);
    await shot(page, 'my-reports');

    await mine.click();
    await page.waitForURL(/\/cases\//);
    await page.getByText(description).first().waitFor();
    expect(await overflowOf(page)).toBeLessThanOrEqual(0);
    await shot(page, 'my-report-opened');
  });

  it('says clearly when the position is not allowed, and a place tapped on the map reports', async () => {
    const page = await phoneOf('officer1', null);
    await page.goto(`${baseUrl}/officer/report`);
    const failure = page.locator('[data-test="locate-failure"][data-reason="denied"]');
    await failure.waitFor();
    expect(await failure.getAttribute('role')).toBe('alert');
    const said = (await failure.textContent()) ?? '';
    expect(said).toContain('无法定位：未允许本网站使用位置信息。');
    expect(said).toContain('在下方地图上点选问题位置');
    expect(await page.locator('[data-test="locate"]').textContent()).toContain('重新定位');
    // Without a place nothing can be sent, and the form says why.
    await page.selectOption('select[name="categoryCode"]', 'E0101');
    await page.fill('textarea[name="description"]', '定位被拒绝时在地图上点选');
    const submit = page.locator('form[data-test="officer-report-form"] button[type="submit"]');
    expect(await submit.isDisabled()).toBe(true);
    await page.locator('[data-test="place-missing"]').waitFor();
    expect(await overflowOf(page)).toBeLessThanOrEqual(0);
    await shot(page, 'report-denied');

    // The map's middle is inside the demo grids.
    const map = page.locator('form[data-test="officer-report-form"] .leaflet-container');
    const box = await map.boundingBox();
    if (!box) throw new Error('no map');
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await page.locator('[data-test="map-picked"]').waitFor();
    await page.locator('[data-test="located-grid"]').waitFor();
    await expect.poll(() => submit.isDisabled()).toBe(false);
    await shot(page, 'report-picked-on-map');
    await submit.click();
    await page.locator('[data-test="report-created"]').waitFor();
  });

  it('says it in English too', async () => {
    if (!browser) throw new Error('the browser did not start');
    const page = await phoneOf('officer1', null);
    await page.evaluate(`localStorage.setItem('urbangrid.locale', 'en')`);
    await page.goto(`${baseUrl}/officer/report`);
    const failure = page.locator('[data-test="locate-failure"][data-reason="denied"]');
    await failure.waitFor();
    expect(await failure.textContent()).toContain(
      'No position: this site is not allowed to use your location.',
    );
    expect(await failure.textContent()).toContain('tap the problem’s place on the map below');
    await shot(page, 'report-denied-en');
  });

  it('a field task opens on the phone without sideways scrolling', async () => {
    const reported = await hotlineReport(baseUrl, '手机核实：路灯不亮');
    const verifying = await caseWhen(reported.id, (c) => c.state === 'verifying' && c.assignee !== null);
    const page = await phoneOf(String(verifying.assignee), demoPoint);
    await page.goto(`${baseUrl}/officer`);
    const task = page.locator(`a[data-case-no="${reported.caseNo}"]`);
    await task.waitFor();
    expect(await overflowOf(page)).toBeLessThanOrEqual(0);
    await task.click();
    await page.locator('[data-test="field-task-form"]').waitFor();
    expect(await overflowOf(page)).toBeLessThanOrEqual(0);
    // The task names its officer by display name, never the username (16.7).
    const assignee = (await page.locator('[data-test="summary-assignee"]').textContent())?.trim();
    expect(assignee).toBeTruthy();
    expect(assignee).not.toBe(String(verifying.assignee));
    await shot(page, 'field-task');
  });

  it('the department board fits the phone, and a case is completed from it', async () => {
    const reported = await officerReport(baseUrl, `手机处置：垃圾满溢 ${Date.now()}`);
    const filed = await apiAs(baseUrl, 'shiftlead1', `/api/dispatch/cases/${reported.id}/file`, {});
    const departmentId = String(filed.suggestedDepartmentId);
    await apiAs(baseUrl, 'dispatcher1', `/api/dispatch/cases/${reported.id}/dispatch`, { departmentId });
    const handler = await handlerOf(baseUrl, departmentId);

    const page = await phoneOf(handler, demoPoint);
    await page.goto(`${baseUrl}/department`);
    const card = page.locator(`[data-test="case-cards"] [data-case-no="${reported.caseNo}"]`);
    await card.waitFor();
    // Cards, not the wide table, and nothing sideways.
    expect(await page.locator('table.cases').count()).toBe(0);
    expect(await overflowOf(page)).toBeLessThanOrEqual(0);
    await shot(page, 'department-cards');

    await card.click();
    const sheet = page.locator('[data-test="case-sheet"]');
    await sheet.waitFor();
    // The case fills the screen; its commands sit in the lower half, under the thumb.
    expect(await sheet.boundingBox()).toEqual({ x: 0, y: 0, ...phone });
    const accept = sheet.locator('[data-command="accept"]');
    const acceptBox = await accept.boundingBox();
    expect(
      acceptBox && acceptBox.y > phone.height / 2 && acceptBox.y + acceptBox.height <= phone.height,
    ).toBe(true);
    expect(await overflowOf(page)).toBeLessThanOrEqual(0);
    await shot(page, 'department-sheet');

    await accept.click();
    // Signed for: it leaves 待签收, the sheet closes, the outcome is said above the list.
    await sheet.waitFor({ state: 'detached' });
    await caseWhen(reported.id, (c) => c.state === 'handling');
    await page.locator('[data-tab="inHandling"]').click();
    await card.click();
    await sheet.locator('[data-command="complete"]').click();
    const dialog = page.locator('[data-test="complete-dialog"]');
    await dialog.waitFor();
    await dialog.locator('textarea[name="note"]').fill('已清运完毕');
    await dialog.locator('[data-test="photo-input"]').setInputFiles({
      name: 'fix.png',
      mimeType: 'image/png',
      buffer: tinyPng,
    });
    await dialog.locator('.thumbs img').waitFor();
    const send = dialog.locator('button[type="submit"]');
    await expect.poll(() => send.isDisabled()).toBe(false);
    const sendBox = await send.boundingBox();
    expect(sendBox && sendBox.y + sendBox.height <= phone.height).toBe(true);
    expect(await overflowOf(page)).toBeLessThanOrEqual(0);
    await shot(page, 'department-complete');
    await send.click();
    await dialog.waitFor({ state: 'detached' });
    await caseWhen(reported.id, (c) => c.state === 'handled' || c.state === 'reviewing');
    await sheet.waitFor({ state: 'detached' });
    expect(await overflowOf(page)).toBeLessThanOrEqual(0);
    await shot(page, 'department-completed');
  });
});
