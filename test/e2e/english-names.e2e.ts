/**
 * English names (issue 16.13): in English the supervisor's timeliness table names a district by
 * its English name (with its code beside), a category by its English name — where the data has them;
 * so do the trend's choices, the hotspot list and the monthly report's sections, whose column
 * headers are the report's own English labels (the same columns as the export).
 */
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { apiAs, officerReport } from './api.js';
import { roleSessions } from './browser.js';
import { artifacts } from './server.js';

const baseUrl = inject('consoleUrl');
const sessions = roleSessions(baseUrl, `${artifacts}browser-english.log`);

interface Areas {
  features: Array<{ properties: { code: string; name: string; nameEn?: string } }>;
}
interface Category {
  code: string;
  name: string;
  nameEn: string;
}

describe('English names', () => {
  beforeAll(() => sessions.start());
  afterEach(() => sessions.closeAll());
  afterAll(() => sessions.stop());

  it('districts and categories by their English names in English', async () => {
    await officerReport(baseUrl, 'English: litter on the pavement');
    const districts = await apiAs<Areas>(baseUrl, 'supervisor1', '/api/areas?level=district');
    const district = districts.features.find((f) => f.properties.code === '150102')?.properties;
    const category = (await apiAs<Category[]>(baseUrl, 'supervisor1', '/api/categories')).find(
      (c) => c.code === 'E0101',
    );
    expect(district?.nameEn).toBeTruthy();
    expect(category?.nameEn).toBeTruthy();

    const page = await sessions.asRole('supervisor1');
    await page.goto(`${baseUrl}/supervision`);
    await page.locator('.bar select').selectOption('en');
    await page.locator('select[name="groupBy"]').selectOption('district');
    const row = page.locator('[data-test="timeliness"] tr[data-key="150102"] td').first();
    await expect.poll(() => row.textContent()).toContain(`${district?.nameEn} (150102)`);
    await page.locator('select[name="groupBy"]').selectOption('category');
    const categoryRow = page.locator('[data-test="timeliness"] tr[data-key="E0101"] td').first();
    await expect.poll(() => categoryRow.textContent()).toContain(category?.nameEn ?? '-');
    expect(await categoryRow.textContent()).not.toContain(category?.name ?? '-');
    await page.screenshot({ path: `${artifacts}english-names.png`, fullPage: true });
  });

  it('the trend, the hotspots and the monthly report in English', async () => {
    await officerReport(baseUrl, 'English: a trend and a hotspot');
    const districts = await apiAs<Areas>(baseUrl, 'supervisor1', '/api/areas?level=district');
    const district = districts.features.find((f) => f.properties.code === '150102')?.properties;
    const category = (await apiAs<Category[]>(baseUrl, 'supervisor1', '/api/categories')).find(
      (c) => c.code === 'E0101',
    );
    const page = await sessions.asRole('supervisor1');
    await page.goto(`${baseUrl}/supervision`);
    await page.locator('.bar select').selectOption('en');

    // The trend: the district followed is chosen by its English name, its code beside.
    await page.locator('[data-tab="trend"]').click();
    const trendKey = page.locator('select[name="trendKey"]');
    await expect
      .poll(() => trendKey.locator('option').allTextContents())
      .toContain(`${district?.nameEn} (150102)`);
    await page.locator('[data-test="trend-table"] tbody tr').first().waitFor();
    expect(await page.locator('[data-test="trend-table"] th').allTextContents()).toEqual([
      'Period',
      'Received',
      'Closed',
      'On-time handling',
      'On-time closing',
    ]);
    await page.screenshot({ path: `${artifacts}english-names-trend.png`, fullPage: true });

    // The hotspots: the report's columns in English.
    await page.locator('[data-tab="hotspots"]').click();
    await page.locator('[data-test="hotspot-table"] tbody tr').first().waitFor();
    expect(
      (await page.locator('[data-test="hotspot-table"] th').allTextContents()).map((h) => h.trim()),
    ).toEqual(['Code', 'Name', 'Received', 'Closed']);
    await page.screenshot({ path: `${artifacts}english-names-hotspots.png`, fullPage: true });

    // The monthly report: sections titled and categories and districts named in English.
    await page.locator('[data-test="monthly-link"]').click();
    const byDistrict = page.locator('[data-section="district"]');
    await byDistrict.waitFor();
    expect(await byDistrict.locator('h2').textContent()).toBe('By district');
    await expect
      .poll(async () => (await byDistrict.locator('td').allTextContents()).map((c) => c.trim()))
      .toContain(district?.nameEn);
    const byCategory = page.locator('[data-section="category"]');
    await expect
      .poll(async () => (await byCategory.locator('td').allTextContents()).map((c) => c.trim()))
      .toContain(category?.nameEn);
    expect((await byCategory.locator('td').allTextContents()).map((c) => c.trim())).not.toContain(
      category?.name,
    );
    await page.screenshot({ path: `${artifacts}english-names-monthly.png`, fullPage: true });
  });
});
