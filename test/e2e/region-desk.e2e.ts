/**
 * The region's desk in the browser (issue 19.3, 19.6, 19.7): a city's centre reports a value with a
 * photo, the region returns it with a reason, the city sees the reason and resubmits, the region
 * accepts; the attainment matrix shows a red cell for a short target; the region publishes a month,
 * opens the bulletin page and downloads its workbook (Chinese headers). (督办 on a case: test/lifecycle/region-supervision.test.ts —
 * the demo has no overdue case to order at start.)
 */
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { apiAs } from './api.js';
import { roleSessions, tinyPng } from './browser.js';
import { artifacts } from './server.js';

const baseUrl = inject('consoleUrl');
const sessions = roleSessions(baseUrl, `${artifacts}browser-region-desk.log`);
const { asRole } = sessions;

interface Cell {
  code: string;
  measuredBy: string;
  met: boolean;
  attainment: number | null;
}

const quarterOf = (day: string) => `${day.slice(0, 4)}-Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`;

describe('the region desk', () => {
  beforeAll(() => sessions.start());
  afterEach(() => sessions.closeAll());
  afterAll(() => sessions.stop());

  it('a report returned with a reason, resubmitted and accepted; the matrix red where short', async () => {
    const quarter = quarterOf(new Date().toISOString().slice(0, 10));
    const lastMonth = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth() - 1, 1))
      .toISOString()
      .slice(0, 7);
    // A target Hohhot reports itself and has not reported this quarter.
    const matrix = await apiAs<{ rows: { city: string; cells: Cell[] }[] }>(
      baseUrl,
      'region1',
      `/api/region/attainment?period=${quarter}`,
    );
    const reported = await apiAs<{ indicatorCode: string }[]>(
      baseUrl,
      'supervisor1',
      `/api/region/reports?city=1501&period=${quarter}`,
    );
    const targets = await apiAs<{ code: string; periodKind: string }[]>(
      baseUrl,
      'region1',
      '/api/region/targets',
    );
    const quarterly = new Set(targets.filter((t) => t.periodKind === 'quarter').map((t) => t.code));
    const code = matrix.rows
      .find((row) => row.city === '1501')
      ?.cells.find(
        (c) =>
          c.measuredBy === 'city' &&
          quarterly.has(c.code) &&
          !reported.some((r) => r.indicatorCode === c.code),
      )?.code;
    expect(code).toBeDefined();

    const city = await asRole('supervisor1');
    await city.goto(`${baseUrl}/supervision/indicator-reports`);
    const section = city.locator(`section.target[data-code="${code}"]`);
    await section.waitFor();
    await section.locator('input[name="value"]').fill('12');
    await section.locator('[data-test="photo-input"]').setInputFiles({
      name: 'evidence.png',
      mimeType: 'image/png',
      buffer: tinyPng,
    });
    await expect.poll(() => section.locator('[data-test="submit-report"]').isEnabled()).toBe(true);
    await section.locator('[data-test="submit-report"]').click();
    await section.locator('.state[data-state="submitted"]').waitFor();

    const region = await asRole('region1');
    await region.goto(`${baseUrl}/region/desk/reports`);
    const row = region.locator(`tr[data-report="1501/${code}/${quarter}"]`);
    await row.locator('[data-test="return"]').click();
    await region.fill('[role="dialog"] input[name="reason"]', '缺少佐证材料的盖章扫描件');
    await region.press('[role="dialog"] input[name="reason"]', 'Enter');
    await region.locator(`tr[data-report="1501/${code}/${quarter}"][data-state="returned"]`).waitFor();

    await city.reload();
    await section.locator('[data-test="return-reason"]').waitFor();
    expect(await section.locator('[data-test="return-reason"]').textContent()).toContain(
      '缺少佐证材料的盖章扫描件',
    );
    await city.screenshot({ path: `${artifacts}region-desk-returned.png`, fullPage: true });
    await section.locator('input[name="value"]').fill('13');
    await section.locator('[data-test="submit-report"]').click();
    await section.locator('.state[data-state="submitted"]').waitFor();

    await region.reload();
    await region.locator(`tr[data-report="1501/${code}/${quarter}"] [data-test="accept"]`).click();
    await region.locator(`tr[data-report="1501/${code}/${quarter}"][data-state="accepted"]`).waitFor();
    await region.locator(`tr[data-report="1501/${code}/${quarter}"] [data-test="history"]`).click();
    const history = region.locator('[data-test="report-history"] li');
    await expect.poll(() => history.count()).toBe(4);
    await region.screenshot({ path: `${artifacts}region-desk-review.png`, fullPage: true });

    // The matrix of last month: some city short of some target, red.
    await region.goto(`${baseUrl}/region/desk`);
    await region.selectOption('select[name="period"]', lastMonth);
    await region.locator('td[data-state="short"]').first().waitFor();
    const red = await region
      .locator('td.short')
      .first()
      .evaluate(
        (td) =>
          (globalThis as unknown as { getComputedStyle(e: unknown): { color: string } }).getComputedStyle(td)
            .color,
      );
    expect(red).toBe('rgb(183, 28, 28)');
    await region.screenshot({ path: `${artifacts}region-desk-matrix.png`, fullPage: true });
  });

  it('publishes a month, prints its bulletin and downloads the workbook', async () => {
    const months = Array.from({ length: 12 }, (_, i) =>
      new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth() - 1 - i, 1))
        .toISOString()
        .slice(0, 7),
    );
    let month: string | undefined;
    for (const m of months) {
      const ranking = await apiAs<{ published: boolean }>(
        baseUrl,
        'region1',
        `/api/region/ranking?period=${m}`,
      );
      if (!ranking.published) {
        month = m;
        break;
      }
    }
    expect(month).toBeDefined();
    const region = await asRole('region1');
    region.on('dialog', (dialog) => void dialog.accept());
    await region.goto(`${baseUrl}/region/desk/ranking`);
    await region.selectOption('select[name="period"]', String(month));
    await region.locator('[data-test="publish"]').click();
    await region.locator('[data-test="published"]').waitFor();
    // Publishing it again is refused, said in Chinese.
    await region.locator('[data-test="publish"]').click();
    await expect.poll(() => region.textContent('body')).toContain('不能重复发布');

    await region.locator('[data-test="open-bulletin"]').click();
    await region.locator('[data-test="bulletin"] h1').waitFor();
    expect(await region.locator('[data-test="bulletin"] h1').textContent()).toMatch(/排名通报$/);
    expect(await region.locator('.shell > .bar').count()).toBe(0);
    await region.emulateMedia({ media: 'print' });
    await region.screenshot({ path: `${artifacts}region-desk-bulletin.png`, fullPage: true });
    await region.emulateMedia({ media: 'screen' });
    const [download] = await Promise.all([
      region.waitForEvent('download'),
      region.locator('[data-test="bulletin-xlsx"]').click(),
    ]);
    const file = `${artifacts}region-desk-bulletin.xlsx`;
    await download.saveAs(file);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(
      expect.arrayContaining(['排名', '差距', '表扬与批评']),
    );
    expect(workbook.getWorksheet('排名')?.getRow(2).values).toEqual(
      expect.arrayContaining(['名次', '城市', '综合得分', '名次变化']),
    );
  });
});
