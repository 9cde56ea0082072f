/**
 * The region's screens in the browser (issue 19.7, 16.3 at region level): the region supervisor's
 * map coloured by the cities' composite score and by a plan target (the better city greener than
 * the worse), the drill-down region → city → district → a case and back up by the breadcrumbs with
 * the period kept, the trend of two cities, and the region's wall at 1920×1080 and 3840×2160
 * without scroll bars, a city's live counter going up after a report there. The e2e demo has no
 * history (DEMO_HISTORY_DAYS=0): Hohhot and Baotou report a target the region accepts, Hohhot's
 * better, and an officer reports a case in Hohhot. Screenshots under test-artifacts/console-e2e/.
 */
import { writeFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { type ApiCase, apiAs, officerReport } from './api.js';
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
const browserLog = `${artifacts}browser-region-screens.log`;
let browser: Browser | undefined;
const open: BrowserContext[] = [];
const violations: string[] = [];
let reported: ApiCase;

const password = process.env.DEMO_PASSWORD ?? 'urbangrid';
async function put(username: string, path: string, body: Record<string, unknown>): Promise<void> {
  const login = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  const { token } = (await login.json()) as { token: string };
  const response = await fetch(`${baseUrl}${path}`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (response.status >= 400) throw new Error(`${path}: ${response.status} ${await response.text()}`);
}

/** The quarter holding today (the server's clock is the real one). */
function thisQuarter(): string {
  const now = new Date();
  return `${now.getFullYear()}-Q${Math.ceil((now.getMonth() + 1) / 3)}`;
}

async function asRegion(width = 1600, height = 1000): Promise<Page> {
  if (!browser) throw new Error('the browser did not start');
  const context = await newRoleContext(browser, false, { width, height });
  open.push(context);
  const page = await context.newPage();
  recordPage(page, 'region1', browserLog);
  await watchContentSecurity(page, 'region1', violations);
  await signIn(page, baseUrl, 'region1');
  return page;
}

const fillOf = (page: Page, city: string) => page.locator(`path.city-${city}`).getAttribute('fill');
const level = (page: Page) => page.locator('[data-test="region"]').getAttribute('data-level');

describe('the region screens', () => {
  beforeAll(async () => {
    writeFileSync(browserLog, '');
    browser = await launchBrowser();
    // Hohhot greens above the plan's 35 %, Baotou far below: the region accepts both.
    const quarter = thisQuarter();
    for (const [city, user, value] of [
      ['1501', 'supervisor1', 41],
      ['1502', 'bt-supervisor1', 12],
    ] as const) {
      await put(user, `/api/region/reports/${city}/GREEN_SPACE_RATE/${quarter}`, { value });
      await apiAs(baseUrl, 'region1', `/api/region/reports/${city}/GREEN_SPACE_RATE/${quarter}/review`, {
        decision: 'accept',
      });
    }
    reported = await officerReport(baseUrl, '全区下钻的案件');
  });
  afterEach(async () => {
    await Promise.all(open.splice(0).map((context) => context.close().catch(() => undefined)));
  });
  afterAll(async () => {
    await browser?.close();
    expect(violations).toEqual([]);
  });

  it('colours the map by score and by a plan target, the better city greener', async () => {
    const page = await asRegion();
    await page.goto(`${baseUrl}/region`);
    await page.locator('path.city-1502').waitFor({ timeout: waitMs });
    const rank = async (city: string) =>
      Number(
        await page.locator(`[data-test="region-ranking"] tr[data-city="${city}"]`).getAttribute('data-rank'),
      );
    expect(await rank('1501')).toBeLessThan(await rank('1502'));
    // Every city with grids is drawn, inside the map.
    const places = await apiAs<{ code: string; lat: number | null }[]>(
      baseUrl,
      'region1',
      '/api/region/cities',
    );
    const placed = places.filter((city) => city.lat !== null);
    expect(placed.length).toBeGreaterThanOrEqual(2);
    const map = await page.locator('[data-test="region-map"]').boundingBox();
    for (const city of placed) {
      const box = await page.locator(`path.city-${city.code}`).boundingBox();
      expect(box, city.code).not.toBeNull();
      expect((box?.x ?? -1) >= (map?.x ?? 0) && (box?.y ?? -1) >= (map?.y ?? 0), city.code).toBe(true);
      expect((box?.x ?? 0) + (box?.width ?? 0) <= (map?.x ?? 0) + (map?.width ?? 0), city.code).toBe(true);
    }
    const byScore = [await fillOf(page, '1501'), await fillOf(page, '1502')];
    expect(byScore[0]).not.toBe(byScore[1]);
    // The best class is the legend's first, the worst its last.
    const legend = await page
      .locator('[data-test="legend"] .swatch[data-colour]')
      .evaluateAll((els) => els.map((el) => el.getAttribute('data-colour')));
    expect(legend.indexOf(byScore[0])).toBeLessThan(legend.indexOf(byScore[1]));
    // The value on hover.
    await page.locator('path.city-1501').hover();
    await expect.poll(() => page.locator('.leaflet-tooltip').textContent()).toMatch(/\d/);
    await page.screenshot({ path: `${artifacts}region-map-score.png` });

    await page.selectOption('select[name="measure"]', 'target:GREEN_SPACE_RATE');
    await page.locator('[data-test="region-ranking"] td[data-value="1501"]', { hasText: '41' }).waitFor();
    const byTarget = [await fillOf(page, '1501'), await fillOf(page, '1502')];
    expect(byTarget[0]).not.toBe(byTarget[1]);
    const legendNow = await page
      .locator('[data-test="legend"] .swatch[data-colour]')
      .evaluateAll((els) => els.map((el) => el.getAttribute('data-colour')));
    expect(legendNow.indexOf(byTarget[0])).toBeLessThan(legendNow.indexOf(byTarget[1]));
    await page.screenshot({ path: `${artifacts}region-map-target.png` });
  });

  it('drills region → city → district → a case, and back up with the period kept', async () => {
    const page = await asRegion();
    await page.goto(`${baseUrl}/region`);
    await page.locator('select[name="period-kind"]').selectOption('quarter');
    await expect.poll(() => page.locator('select[name="period"]').inputValue()).toBe(thisQuarter());
    await page.locator('[data-open-city="1501"]').click();
    await expect.poll(() => level(page)).toBe('city');
    await page.locator('[data-test="city-districts"] [data-open-area="150102"]').click();
    await expect.poll(() => level(page)).toBe('district');
    await page.locator('[data-test="district-streets"] tr[data-area]').first().waitFor();
    const row = page.locator(`[data-test="district-cases"] tr[data-case-no="${reported.caseNo}"]`);
    await row.waitFor({ timeout: waitMs });
    await page.screenshot({ path: `${artifacts}region-drill-district.png` });
    await row.locator('a').click();
    await page.waitForURL(/\/cases\//);
    await page.getByText(reported.caseNo).first().waitFor();
    await page.goBack();
    await expect.poll(() => level(page)).toBe('district');
    expect(await page.locator('[data-test="crumbs"] [data-crumb]').allTextContents()).toHaveLength(3);
    await page.locator('[data-crumb="city"]').click();
    await expect.poll(() => level(page)).toBe('city');
    await page.locator('[data-crumb="region"]').click();
    await expect.poll(() => level(page)).toBe('region');
    expect(await page.locator('select[name="period"]').inputValue()).toBe(thisQuarter());
  });

  it('shows the trend of two cities', async () => {
    const page = await asRegion();
    await page.goto(`${baseUrl}/region`);
    const boxes = page.locator('input[name="trend-city"]');
    await boxes.first().waitFor();
    for (const box of await boxes.all()) await box.uncheck();
    await page.locator('input[name="trend-city"][value="1501"]').check();
    await page.locator('input[name="trend-city"][value="1502"]').check();
    await page.selectOption('select[name="trend-metric"]', 'received');
    await page.locator('[data-test="trend-chart"][data-series="2"] canvas').waitFor({ timeout: waitMs });
    await page.locator('[data-test="city-trends"]').screenshot({ path: `${artifacts}region-trends.png` });
  });

  for (const [width, height] of [
    [1920, 1080],
    [3840, 2160],
  ] as const) {
    it(`the region wall fills ${width}×${height} without scroll bars; a report raises its city's counter live`, async () => {
      const page = await asRegion(width, height);
      await page.goto(`${baseUrl}/screen`);
      await page.locator('[data-test="region-wall"] path.city-1501').waitFor({ timeout: waitMs });
      await page.locator('[data-test="wall-ranking"] li[data-city="1502"]').waitFor();
      await page.locator('[data-test="region-wall"] .trend canvas').waitFor();
      const counter = page.locator('[data-city-counters="1501"] [data-counter="received"]');
      const baotou = page.locator('[data-city-counters="1502"] [data-counter="received"]');
      const read = async (cell: typeof counter) => Number((await cell.textContent())?.replace(/\D/g, ''));
      const before = await read(counter);
      const baotouBefore = await read(baotou);
      const created = await officerReport(baseUrl, `全区大屏实时计数 ${width}`);
      await expect.poll(() => read(counter), { timeout: 30_000 }).toBe(before + 1);
      expect(await read(baotou)).toBe(baotouBefore);
      await page.locator('[data-test="region-wall"] .feed li', { hasText: created.caseNo }).first().waitFor();
      // A string: this file is typed for node, the script runs in the page.
      const size = await page.evaluate<{
        sw: number;
        sh: number;
        w: number;
        h: number;
        clipped: number;
      }>(`(() => {
        const root = document.scrollingElement ?? document.documentElement;
        const clipped = [...document.querySelectorAll('[data-test="region-wall"] .panel')].filter(
          (panel) => panel.getBoundingClientRect().bottom > window.innerHeight + 1,
        ).length;
        return { sw: root.scrollWidth, sh: root.scrollHeight, w: window.innerWidth, h: window.innerHeight, clipped };
      })()`);
      expect(size.sw).toBeLessThanOrEqual(size.w);
      expect(size.sh).toBeLessThanOrEqual(size.h);
      expect(size.clipped).toBe(0);
      await page.screenshot({ path: `${artifacts}region-screen-${width}x${height}.png` });
      if (width === 1920) {
        // A city opens its own wall, and the region is one click back.
        await page.locator('[data-city-counters="1501"] button').click();
        await page.locator('[data-counter="received"]').first().waitFor();
        await page.waitForURL(/city=1501/);
        await page.locator('[data-test="region-wall-link"]').click();
        await page.locator('[data-test="region-wall"]').waitFor();
      }
    });
  }
});
