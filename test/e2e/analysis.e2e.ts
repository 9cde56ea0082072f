/**
 * Analysis in the browser (issue 16.12): the supervisor follows the trend of received and closed
 * cases by day and by month with on-time rates as percentages, sees the hotspot grids on the map,
 * reads the callback satisfaction, and opens the monthly operation report (月度运行分析报告) as a
 * printable page whose sections and column headers are the workbook's sheets and headers.
 */
import ExcelJS from 'exceljs';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { officerReport } from './api.js';
import { roleSessions } from './browser.js';
import { artifacts } from './server.js';

const baseUrl = inject('consoleUrl');
const sessions = roleSessions(baseUrl, `${artifacts}browser-analysis.log`);

const cells = (row: ExcelJS.Row) => (row.values as unknown[]).slice(1).map(String);

describe('analysis', () => {
  beforeAll(() => sessions.start());
  afterEach(() => sessions.closeAll());
  afterAll(() => sessions.stop());

  it('trends, hotspots and satisfaction on screen; the monthly report printable and as the same workbook', async () => {
    await officerReport(baseUrl, '分析：人行道垃圾堆放');
    await officerReport(baseUrl, '分析：道路积水');
    const page = await sessions.asRole('supervisor1');
    await page.goto(`${baseUrl}/supervision`);
    const to = await page.locator('input[name="to"]').inputValue();

    await page.locator('[data-tab="trend"]').click();
    const today = page.locator(`[data-test="trend-table"] tr[data-period="${to}"]`);
    await today.waitFor();
    await expect
      .poll(async () => Number(await today.locator('td').nth(1).textContent()))
      .toBeGreaterThanOrEqual(2);
    await page.locator('select[name="interval"]').selectOption('month');
    await page.locator(`[data-test="trend-table"] tr[data-period="${to.slice(0, 7)}"]`).waitFor();
    expect(await page.locator('[data-test="trend-table"] th').allTextContents()).toEqual([
      '日期',
      '受理数',
      '结案数',
      '按时处置率',
      '按时结案率',
    ]);
    await page.screenshot({ path: `${artifacts}analysis-trend.png`, fullPage: true });

    await page.locator('[data-tab="hotspots"]').click();
    await page.locator('[data-test="hotspot-table"] tbody tr').first().waitFor();
    expect(await page.locator('[data-test="hotspots"] .leaflet-pane').count()).toBeGreaterThan(0);
    await page.screenshot({ path: `${artifacts}analysis-hotspots.png`, fullPage: true });

    await page.locator('[data-tab="satisfaction"]').click();
    await page.locator('[data-test="satisfaction"] h2').waitFor();

    await page.locator('[data-test="monthly-link"]').click();
    await page.locator('[data-test="monthly-report"] [data-section="overview"]').waitFor();
    const sections = await page
      .locator('[data-section]')
      .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-section')));
    expect(sections).toContain('district');
    expect(sections).toContain('satisfactionDepartment');
    const overviewHeaders = await page.locator('[data-section="overview"] th').allTextContents();
    // Rates as percentages on the page.
    const overviewCells = await page.locator('[data-section="overview"] td').allTextContents();
    const rateAt = overviewHeaders.findIndex((h) => h.trim() === '按时结案率');
    expect(overviewCells[rateAt]?.trim()).toMatch(/^(\d+\.\d{2}%|—)$/);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('[data-test="monthly-print"]').isVisible()).toBe(false);
    await page.screenshot({ path: `${artifacts}analysis-monthly-print.png`, fullPage: true });
    await page.emulateMedia({ media: 'screen' });

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('button[data-export="monthly-xlsx"]').click(),
    ]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile((await download.path()) ?? '');
    expect(workbook.worksheets).toHaveLength(sections.length);
    const districtSheet = workbook.getWorksheet('按区');
    const pageHeaders = await page.locator('[data-section="district"] th').allTextContents();
    expect(cells(districtSheet?.getRow(2) as ExcelJS.Row)).toEqual(pageHeaders.map((h) => h.trim()));
    expect(districtSheet?.getColumn(pageHeaders.length).numFmt).toBe('0.00%');
  });
});
