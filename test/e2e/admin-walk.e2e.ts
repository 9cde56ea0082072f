/**
 * The admin screens in the browser (issue 15): the region's admin picks Baotou, imports a grid file
 * of it (its layer with one grid renamed: previewed, then applied as the next version), adds a person
 * (who must change the password given), edits a cell of the responsibility matrix in place, reads the
 * catalogue, marks a holiday (the deadline preview moves before it is set, and the deadline after),
 * imports a duty rota (a bad row named by its number, then the fixed file) and gives a department
 * its contact — every screen saved under test-artifacts/console-e2e/admin-*.png, and none breaking
 * the Content-Security-Policy.
 */
import { randomInt } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { apiAs } from './api.js';
import {
  launchBrowser,
  newRoleContext,
  recordPage,
  signIn,
  waitMs,
  watchContentSecurity,
} from './browser.js';
import { artifacts } from './server.js';

const baseUrl = inject('consoleUrl');
const browserLog = `${artifacts}browser-admin.log`;
const city = '1502';
let browser: Browser | undefined;
let context: BrowserContext | undefined;
let page: Page;
let shot = 0;
const violations: string[] = [];
/** A Tuesday the walk makes a holiday of Baotou's (the template database is the walk's own). */
const holiday = '2026-03-10';
const rotaHeader = ['用户名', '姓名', '开始时间', '结束时间'];

async function workbookOf(rows: string[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('值班表');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

interface GridFile {
  type: 'FeatureCollection';
  features: Array<{ properties: { code: string; name?: string } }>;
}
interface Matrix {
  areas: Array<{ code: string; level: string }>;
  departments: Array<{ id: string }>;
  cells: Array<{ categoryCode: string; areaCode: string; departmentId: string; version: number }>;
}

async function screenshot(name: string): Promise<void> {
  shot += 1;
  await page.screenshot({
    path: `${artifacts}admin-${String(shot).padStart(2, '0')}-${name}.png`,
    fullPage: true,
  });
}

async function openTab(tab: string): Promise<void> {
  await page.locator(`[data-tab="${tab}"]`).click();
  await page.locator(`[data-tab="${tab}"][aria-selected="true"]`).waitFor();
}

describe('the admin walk', () => {
  beforeAll(async () => {
    writeFileSync(browserLog, '');
    browser = await launchBrowser();
    context = await newRoleContext(browser);
    page = await context.newPage();
    recordPage(page, 'region-admin', browserLog);
    await watchContentSecurity(page, 'region-admin', violations);
    await signIn(page, baseUrl, 'region-admin');
    await page.goto(`${baseUrl}/admin`);
    await page.locator('[data-test="admin"]').waitFor();
  });
  afterAll(async () => {
    await context?.close().catch(() => undefined);
    await browser?.close();
  });

  it('imports a grid file: previews what changes, then applies it as the next version', async () => {
    const layer = await apiAs<GridFile>(baseUrl, 'region-admin', `/api/admin/grids/export?city=${city}`);
    const renamed = layer.features[0];
    if (!renamed) throw new Error(`city ${city} has grids`);
    renamed.properties.name = `${renamed.properties.name ?? renamed.properties.code}（更名）`;

    await openTab('grids');
    // The region's admin picks the city every tab works on.
    await page.selectOption('select[name="admin-city"]', city);
    await page.setInputFiles('input[name="grid-file"]', {
      name: `grids-${city}.geojson`,
      mimeType: 'application/geo+json',
      buffer: Buffer.from(JSON.stringify(layer)),
    });
    await page.locator('[data-test="grid-report"]').waitFor();
    expect(await page.locator('[data-test="grid-changed"]').textContent()).toBe('1');
    expect(await page.locator('[data-test="grid-added"]').textContent()).toBe('0');
    expect(await page.locator('[data-test="grid-retired"]').textContent()).toBe('0');
    await screenshot('grid-preview');
    await page.locator('[data-test="grid-apply"]').click();
    await page.locator('[data-test="grid-applied"]').waitFor();
    await screenshot('grid-applied');
    const after = await apiAs<GridFile>(baseUrl, 'region-admin', `/api/admin/grids/export?city=${city}`);
    const stored = after.features.find((f) => f.properties.code === renamed.properties.code);
    expect(stored?.properties.name).toBe(renamed.properties.name);
  });

  it('adds a person, who signs in with the password given and must change it', async () => {
    const username = `walk-officer-${randomInt(100_000, 999_999)}`;
    await openTab('users');
    const form = page.locator('[data-test="new-user"]');
    await form.locator('input[name="user-username"]').fill(username);
    await form.locator('input[name="user-display-name"]').fill('王巡查');
    await form.locator('input[name="user-city"]').fill(city);
    await form.locator('input[name="user-password"]').fill('walk-first-password-2026');
    await form.locator('input[name="user-role"][value="grid_officer"]').check();
    await form.locator('button[type="submit"]').click();
    const row = page.locator(`tr[data-user="${username}"]`);
    await row.waitFor();
    expect(await row.textContent()).toContain('监督员');
    await row.scrollIntoViewIfNeeded();
    await screenshot('user-added');
    const account = await apiAs<{ city: string; roles: string[]; active: boolean }>(
      baseUrl,
      'region-admin',
      `/api/admin/users/${username}`,
    );
    expect(account).toMatchObject({ city, roles: ['grid_officer'], active: true });
    const login = await fetch(`${baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: 'walk-first-password-2026' }),
    });
    expect(login.status).toBe(200);
    // The admin knows that password: the person must choose their own first.
    expect(((await login.json()) as { user: { mustChangePassword: boolean } }).user.mustChangePassword).toBe(
      true,
    );
  });

  it('edits a cell of the responsibility matrix in place', async () => {
    const matrix = await apiAs<Matrix>(baseUrl, 'region-admin', `/api/admin/matrix/${city}`);
    const districts = new Set(matrix.areas.filter((a) => a.level === 'district').map((a) => a.code));
    const cell = matrix.cells.find((c) => districts.has(c.areaCode));
    const other = matrix.departments.find((d) => d.id !== cell?.departmentId);
    if (!cell || !other) throw new Error(`city ${city}'s matrix names departments of its districts`);

    await openTab('matrix');
    const select = page.locator(`select[data-cell="${cell.categoryCode}:${cell.areaCode}"]`);
    await expect.poll(() => select.inputValue(), { timeout: waitMs }).toBe(cell.departmentId);
    await select.selectOption(other.id);
    const stored = async () =>
      (await apiAs<Matrix>(baseUrl, 'region-admin', `/api/admin/matrix/${city}`)).cells.find(
        (c) => c.categoryCode === cell.categoryCode && c.areaCode === cell.areaCode,
      );
    await expect.poll(async () => (await stored())?.departmentId, { timeout: waitMs }).toBe(other.id);
    expect((await stored())?.version).toBe(cell.version + 1);
    await expect.poll(() => select.inputValue()).toBe(other.id);
    expect(await page.locator('[role="alert"]').count()).toBe(0);
    await screenshot('matrix-edited');
  });

  it('reads the catalogue: versions and a version’s categories with their conditions and limits', async () => {
    await openTab('catalogue');
    await page.locator('[data-test="catalogue-versions"] tr[data-version="v2013"]').waitFor();
    await page.locator('[data-test="catalogue-categories"] tr[data-category]').first().waitFor();
    await screenshot('catalogue');
  });

  it('marks a holiday: the deadline preview shows the move before it is set, and counts it after', async () => {
    await openTab('calendar');
    await page.locator('[data-test="calendar-hours"]').waitFor();
    const preview = page.locator('[data-test="deadline-preview"]');
    // A Tuesday morning, a category's handling stage.
    await preview.locator('input[name="preview-start"]').fill(`${holiday}T09:00`);
    await preview.locator('select[name="preview-stage"]').selectOption('handle');
    const due = preview.locator('[data-test="preview-due"]');
    await expect
      .poll(() => due.textContent(), { timeout: waitMs })
      .toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    const before = await due.textContent();

    const form = page.locator('[data-test="calendar-day"]');
    await form.locator('input[name="day-date"]').fill(holiday);
    await form.locator('select[name="day-kind"]').selectOption('holiday');
    await form.locator('input[name="day-name"]').fill('本市节假日（演练）');
    const proposed = preview.locator('[data-test="preview-proposed"]');
    await proposed.waitFor();
    const moved = await proposed.textContent();
    expect(moved).not.toBe(before);
    await screenshot('calendar-preview');
    await form.locator('button[type="submit"]').click();
    await page.locator(`tr[data-day="${holiday}"]`).waitFor();
    // Set: the deadline as it is now is the one the preview promised.
    await expect.poll(() => due.textContent(), { timeout: waitMs }).toBe(moved);
    await screenshot('calendar-holiday-set');
  });

  it('imports a duty rota: a bad row is named by its number and nothing imported, then the fixed file is', async () => {
    const { users } = await apiAs<{
      users: Array<{ username: string; city: string; roles: string[]; active: boolean }>;
    }>(baseUrl, 'region-admin', `/api/admin/users?city=${city}`);
    const officer = users.find((u) => u.city === city && u.active && u.roles.includes('grid_officer'));
    if (!officer) throw new Error(`city ${city} has grid officers`);
    await openTab('rota');
    const from = await page.locator('input[name="rota-from"]').inputValue();
    const shift = [officer.username, '', `${from} 08:00`, `${from} 16:00`];
    const upload = async (rows: string[][], name: string) =>
      page.setInputFiles('input[name="rota-file"]', {
        name,
        mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        buffer: await workbookOf(rows),
      });

    await upload([rotaHeader, shift, ['nobody-here', '', `${from} 16:00`, `${from} 23:00`]], 'rota-bad.xlsx');
    const bad = page.locator('[data-test="row-errors"] li');
    await bad.first().waitFor();
    expect(await bad.evaluateAll((rows) => rows.map((row) => row.getAttribute('data-row')))).toEqual(['3']);
    expect(await bad.first().textContent()).toContain('第 3 行');
    expect(await page.locator(`tr[data-shift="${officer.username}"]`).count()).toBe(0);
    await screenshot('rota-refused');

    await upload([rotaHeader, shift], 'rota.xlsx');
    await page.locator('[data-test="rota-imported"]').waitFor();
    await page.locator(`tr[data-shift="${officer.username}"]`).waitFor();
    await screenshot('rota-imported');
  });

  it('gives a department its contact in place', async () => {
    const { departments } = await apiAs<{
      departments: Array<{ id: string; code: string; retiredOn: string | null }>;
    }>(baseUrl, 'region-admin', `/api/admin/departments?city=${city}`);
    const department = departments.find((d) => d.retiredOn === null);
    if (!department) throw new Error(`city ${city} has departments`);
    await openTab('departments');
    const row = page.locator(`tr[data-department="${department.code}"]`);
    await row.waitFor();
    await row.locator(`input[name="contact-${department.code}"]`).fill('赵主任');
    await row.locator(`input[name="phone-${department.code}"]`).fill('0472-5550123');
    await row.locator('[data-test="save-department"]').click();
    const stored = async () =>
      (
        await apiAs<{
          departments: Array<{ id: string; contactName: string | null; contactPhone: string | null }>;
        }>(baseUrl, 'region-admin', `/api/admin/departments?city=${city}`)
      ).departments.find((d) => d.id === department.id);
    await expect.poll(async () => (await stored())?.contactName, { timeout: waitMs }).toBe('赵主任');
    expect((await stored())?.contactPhone).toBe('0472-5550123');
    expect(await page.locator('[role="alert"]').count()).toBe(0);
    await screenshot('department-contact');
  });

  it('kept to the Content-Security-Policy on every admin screen', () => {
    expect(violations).toEqual([]);
  });
});
