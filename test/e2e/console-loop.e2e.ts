/**
 * One case through its whole loop in the browser, each step by the role whose job it is:
 * hotline operator registers it → grid officer verifies with a photo → shift lead files it →
 * dispatcher sends it to the suggested department (watching it arrive live) → handler signs for
 * and completes it with a photo → officer checks it with a photo → shift lead closes it →
 * supervisor reads its history and the reports. Every screen is saved under
 * test-artifacts/console-e2e/.
 */
import { writeFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { apiAs } from './api.js';
import {
  launchBrowser,
  newRoleContext,
  recordPage,
  signIn,
  tinyPng,
  waitMs,
  watchContentSecurity,
} from './browser.js';
import { artifacts } from './server.js';

const baseUrl = inject('consoleUrl');
const browserLog = `${artifacts}browser.log`;
let browser: Browser | undefined;
let shot = 0;
/** Every Content-Security-Policy violation of every page of the walk (there must be none). */
const violations: string[] = [];
/** The contexts a step opened, closed after it (Chromium stays small on a small machine). */
const open: BrowserContext[] = [];

async function screenshot(page: Page, name: string): Promise<void> {
  shot += 1;
  // No spinner in a screenshot: what is loading is part of what the step shows. (A spinner that
  // never goes is a finding of its own, so the screenshot is still taken after the wait.)
  await page
    .locator('.loading')
    .first()
    .waitFor({ state: 'detached' })
    .catch(() => undefined);
  await page.waitForFunction('document.fonts.status === "loaded"');
  await page.screenshot({ path: `${artifacts}${String(shot).padStart(2, '0')}-${name}.png`, fullPage: true });
}

async function newPage(who: string, phone = false): Promise<Page> {
  if (!browser) throw new Error('the browser did not start');
  const context = await newRoleContext(browser, phone);
  open.push(context);
  const page = await context.newPage();
  recordPage(page, who, browserLog);
  await watchContentSecurity(page, who, violations);
  return page;
}

async function asRole(username: string, phone = false): Promise<Page> {
  const page = await newPage(username, phone);
  await signIn(page, baseUrl, username);
  return page;
}

/** The case as the API shows it to `username` (to learn who is assigned next). */
async function caseAs(username: string, id: string): Promise<Record<string, unknown>> {
  const login = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: process.env.DEMO_PASSWORD ?? 'urbangrid' }),
  });
  const { token } = (await login.json()) as { token: string };
  const response = await fetch(`${baseUrl}/api/cases/${id}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return (await response.json()) as Record<string, unknown>;
}

async function selectRow(page: Page, caseNo: string): Promise<void> {
  const row = page.locator(`tr[data-case-no="${caseNo}"]`);
  await row.click();
  await page.locator(`tr[data-case-no="${caseNo}"][aria-selected="true"]`).waitFor();
}

describe('the console walks one case through the loop', () => {
  let caseId = '';
  let caseNo = '';
  /** A second citizen who called about the case before it closed (附加来电). */
  let callerId = '';
  /** The walk's case once it has reached `state` (workers move it on by themselves). */
  const caseWhen = async (state: string) => {
    let item: Record<string, unknown> = {};
    await expect
      .poll(
        async () => {
          item = await caseAs('shiftlead1', caseId);
          return item.state;
        },
        { timeout: 2 * waitMs },
      )
      .toBe(state);
    return item;
  };

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

  it('login screen', async () => {
    const page = await newPage('anonymous');
    await page.goto(`${baseUrl}/`);
    await page.waitForSelector('[data-test="login-form"]');
    await screenshot(page, 'login');
  });

  it('the hotline operator registers a report with the address search, the map and duplicates', async () => {
    const page = await asRole('operator1');
    await page.waitForSelector('[data-test="intake-form"]');
    await page.fill('input[name="reporterName"]', '张先生');
    await page.fill('input[name="reporterPhone"]', '13800000000');
    const category = page.locator('select[name="categoryCode"]');
    await expect.poll(() => category.locator('option').count(), { timeout: waitMs }).toBeGreaterThan(1);
    await category.selectOption({ index: 1 });
    await page.fill('textarea[name="description"]', '人行道井盖缺失，行人易绊倒，请尽快处理。');
    await page.fill('input[name="address"]', '新华大街与锡林路交叉口东南角');
    await page.check('input[name="wantsCallback"]');
    await page.locator('.map').first().click();
    await page.waitForSelector('[data-test="located-grid"]');
    await screenshot(page, 'intake-form');
    await page.keyboard.press('Control+Enter');
    const created = page.locator('[data-test="intake-created"]');
    await created.waitFor();
    caseNo = (/\d{8,}/.exec((await created.textContent()) ?? '') ?? [''])[0];
    const href = (await created.locator('a').first().getAttribute('href')) ?? '';
    caseId = href.split('/').pop() ?? '';
    expect(caseNo).not.toBe('');
    expect(caseId).not.toBe('');
    // The grid's officer is chosen just after the save; the banner follows the case live.
    await expect.poll(() => created.textContent(), { timeout: waitMs }).toMatch(/核实任务已派给 \S+/);
    await screenshot(page, 'intake-created');
  });

  it('the grid officer verifies it on site with a photo (phone layout)', async () => {
    const assignee = String((await caseAs('operator1', caseId)).assignee);
    const page = await asRole(assignee, true);
    const task = page.locator(`a[data-case-no="${caseNo}"]`);
    await task.waitFor();
    await screenshot(page, 'officer-tasks');
    await task.click();
    await page.waitForSelector('[data-test="field-task-form"]');
    await page.locator('label', { hasText: '问题属实' }).click();
    await page.fill('textarea[name="note"]', '现场核实属实');
    await page.setInputFiles('[data-test="photo-input"]', {
      name: 'verify.png',
      mimeType: 'image/png',
      buffer: tinyPng,
    });
    await page.waitForSelector('.thumbs img');
    await screenshot(page, 'officer-verify');
    await page.click('button[type="submit"]');
    await page.waitForURL(/\/officer$/);
  });

  it('the shift lead files it and the dispatcher sees it arrive without a reload', async () => {
    const dispatcher = await asRole('dispatcher1');
    await dispatcher.waitForSelector('[data-tab="toDispatch"]');

    const lead = await asRole('shiftlead1');
    await selectRow(lead, caseNo);
    await screenshot(lead, 'shift-lead-board');
    await lead.keyboard.press('f');
    await lead.locator('.notice', { hasText: caseNo }).waitFor();

    await selectRow(dispatcher, caseNo);
    const suggested = String((await caseAs('dispatcher1', caseId)).suggestedDepartmentId);
    await dispatcher.keyboard.press('d');
    const select = dispatcher.locator('[data-test="dispatch-dialog"] select');
    await expect.poll(() => select.inputValue(), { timeout: waitMs }).toBe(suggested);
    await screenshot(dispatcher, 'dispatcher-dialog');
    await select.press('Enter');
    await dispatcher.locator('.notice', { hasText: caseNo }).waitFor();
    await screenshot(dispatcher, 'dispatcher-board');
  });

  it('the department handler signs for it and reports the fix with a photo', async () => {
    const detail = await caseAs('dispatcher1', caseId);
    const departments = (await (
      await fetch(`${baseUrl}/api/departments`, {
        headers: { authorization: `Bearer ${await tokenOf('dispatcher1')}` },
      })
    ).json()) as { id: string; code: string }[];
    const code = departments.find((d) => d.id === detail.departmentId)?.code;
    const page = await asRole(`handler-${code}`);
    // The department was notified of the dispatch: its notice waits behind the bell.
    await page.click('[data-test="notice-bell"]');
    const dispatched = page.locator('[data-test="notice-panel"] .inbox-item', { hasText: caseNo });
    await dispatched.waitFor();
    await expect.poll(() => dispatched.textContent(), { timeout: waitMs }).toContain('已派遣');
    await screenshot(page, 'department-notices');
    await page.keyboard.press('Escape');
    await selectRow(page, caseNo);
    await screenshot(page, 'department-inbox');
    await page.keyboard.press('a');
    await page.locator('.notice', { hasText: caseNo }).waitFor();
    await page.locator('[data-tab="inHandling"]').click();
    await selectRow(page, caseNo);
    await page.keyboard.press('c');
    await page.fill('[data-test="complete-dialog"] textarea', '已更换新井盖并设置警示');
    await page.setInputFiles('[data-test="photo-input"]', {
      name: 'fixed.png',
      mimeType: 'image/png',
      buffer: tinyPng,
    });
    await page.waitForSelector('[data-test="complete-dialog"] .thumbs img');
    await screenshot(page, 'department-complete');
    await page.click('[data-test="complete-dialog"] button[type="submit"]');
    await page.locator('.notice', { hasText: caseNo }).waitFor();
  });

  it('the shift lead sends another officer to check the fix (改派)', async () => {
    const first = String((await caseWhen('reviewing')).assignee);
    const lead = await asRole('shiftlead1');
    await lead.locator('[data-tab="open"]').click();
    await selectRow(lead, caseNo);
    await lead.keyboard.press('a');
    const dialog = lead.locator('[data-test="reassign-dialog"]');
    const chosen = dialog.locator('[role="option"][aria-selected="true"]');
    await chosen.waitFor();
    const next = String(await chosen.getAttribute('data-officer'));
    expect(next).not.toBe(first);
    await screenshot(lead, 'shift-lead-reassign');
    await lead.keyboard.press('Enter');
    await lead.locator('.notice', { hasText: caseNo }).waitFor();
    expect(await caseAs('shiftlead1', caseId)).toMatchObject({ state: 'reviewing', assignee: next });
  });

  it('the officer checks the fix with a photo', async () => {
    const assignee = String((await caseWhen('reviewing')).assignee);
    const page = await asRole(assignee, true);
    await page.locator(`a[data-case-no="${caseNo}"]`).click();
    await page.waitForSelector('[data-test="field-task-form"]');
    await page.locator('label', { hasText: '已整改' }).click();
    await page.setInputFiles('[data-test="photo-input"]', {
      name: 'check.png',
      mimeType: 'image/png',
      buffer: tinyPng,
    });
    // The form's own photo (the problem and fix photos above it are thumbnails too).
    await page.waitForSelector('[data-test="field-task-form"] .thumbs img');
    await screenshot(page, 'officer-check');
    await page.click('button[type="submit"]');
    await page.waitForURL(/\/officer$/);
  });

  it('a second citizen calls about it and asks for a callback too (附加来电)', async () => {
    const attached = await apiAs<{ callerId: string }>(
      baseUrl,
      'operator1',
      `/api/intake/cases/${caseId}/attach`,
      {
        description: '井盖修好了吗',
        reporter: { name: '李女士', phone: '13900000001' },
        wantsCallback: true,
      },
    );
    callerId = attached.callerId;
  });

  it('the shift lead closes it', async () => {
    const page = await asRole('shiftlead1');
    await page.locator('[data-tab="toClose"]').click();
    await selectRow(page, caseNo);
    await page.keyboard.press('c');
    await page.locator('.notice', { hasText: caseNo }).waitFor();
    expect((await caseAs('shiftlead1', caseId)).state).toBe('closed');
  });

  it('the hotline operator calls the caller back (回访)', async () => {
    const page = await asRole('operator1');
    const row = page.locator(`[data-test="callbacks"] li[data-case-no="${caseNo}"]`);
    await row.waitFor();
    await expect.poll(() => row.locator('[data-test="callback-phone"]').textContent()).toBe('13800000000');
    // The attached caller first: the case stays on the list for its reporter.
    const whom = row.locator('select[data-test="callback-whom"]');
    await whom.selectOption(callerId);
    await screenshot(page, 'intake-callbacks');
    await row.locator('button[data-outcome="satisfied"]').click();
    await expect.poll(() => whom.locator('option[disabled]').textContent()).toContain('李女士');
    expect(await whom.inputValue()).toBe('');
    await row.locator('input[name="callbackNote"]').fill('对处理结果满意');
    await row.locator('button[data-outcome="satisfied"]').click();
    await row.waitFor({ state: 'detached' });
  });

  it('the supervisor reads the case history and the reports', async () => {
    const page = await asRole('supervisor1');
    await page.waitForSelector('[data-test="timeliness"]');
    await screenshot(page, 'supervisor-timeliness');
    await page.locator('[data-tab="evaluation"]').click();
    await page.waitForSelector('[data-test="evaluation"]');
    await screenshot(page, 'supervisor-evaluation');
    await page.locator('[data-tab="map"]').click();
    await page.waitForSelector('[data-test="open-map"] [data-areas="ready"]');
    await screenshot(page, 'supervisor-map');
    await page.locator('[data-tab="overdue"]').click();
    await page.waitForSelector('[data-test="overdue"]');
    await screenshot(page, 'supervisor-overdue');
    await page.goto(`${baseUrl}/cases/${caseId}`);
    const timeline = page.locator('[data-test="timeline"] li');
    await expect.poll(() => timeline.count(), { timeout: waitMs }).toBeGreaterThanOrEqual(8);
    await screenshot(page, 'case-detail');
  });

  it('the region supervisor compares the cities', async () => {
    const page = await asRole('region1');
    await page.waitForSelector('[data-test="region-ranking"] tr[data-city]');
    await screenshot(page, 'region');
  });

  it('every screen of the walk kept to the Content-Security-Policy the console is served with', async () => {
    const policy = (await fetch(`${baseUrl}/login`)).headers.get('content-security-policy') ?? '';
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("style-src 'self'");
    expect(policy).not.toContain('unsafe-inline');
    expect(violations).toEqual([]);
  });
});

async function tokenOf(username: string): Promise<string> {
  const login = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: process.env.DEMO_PASSWORD ?? 'urbangrid' }),
  });
  return ((await login.json()) as { token: string }).token;
}
