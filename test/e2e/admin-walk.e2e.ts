/**
 * The admin screens in the browser (issue 15): the region's admin imports a grid file of Baotou (its
 * layer with one grid renamed: previewed, then applied as the next version), adds a person, edits a
 * cell of the responsibility matrix in place and reads the catalogue — every screen saved under
 * test-artifacts/console-e2e/admin-*.png, and none breaking the Content-Security-Policy.
 */
import { randomInt } from 'node:crypto';
import { writeFileSync } from 'node:fs';
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
    await page.fill('input[name="grid-city"]', city);
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

  it('kept to the Content-Security-Policy on every admin screen', () => {
    expect(violations).toEqual([]);
  });
});
