/**
 * The big screen (大屏, issue 16.3) in the browser: a report arriving raises the received counter
 * live, without a reload; at 1920×1080 and at 3840×2160 it fills the
 * display without a scroll bar, its counters and rates show whole (numbers, nothing cut off) and its map and charts are
 * drawn. Screenshots of
 * both sizes are kept under test-artifacts/console-e2e/.
 */
import { writeFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { officerReport } from './api.js';
import { launchBrowser, newRoleContext, recordPage, signIn, watchContentSecurity } from './browser.js';
import { artifacts } from './server.js';

const baseUrl = inject('consoleUrl');
const browserLog = `${artifacts}browser-command-screen.log`;
let browser: Browser | undefined;
const open: BrowserContext[] = [];
const violations: string[] = [];

async function wall(username: string, width: number, height: number): Promise<Page> {
  if (!browser) throw new Error('the browser did not start');
  const context = await newRoleContext(browser, false, { width, height });
  open.push(context);
  const page = await context.newPage();
  recordPage(page, username, browserLog);
  await watchContentSecurity(page, username, violations);
  await signIn(page, baseUrl, username);
  await page.goto(`${baseUrl}/screen`);
  await page.locator('[data-counter="received"]').filter({ hasText: /^\d/ }).waitFor();
  return page;
}

interface Measured {
  scrollWidth: number;
  scrollHeight: number;
  width: number;
  height: number;
  clipped: string[];
  counterPx: number;
}

const received = async (page: Page) =>
  Number((await page.locator('[data-counter="received"]').textContent())?.replace(/\D/g, ''));

describe('big screen', () => {
  beforeAll(async () => {
    writeFileSync(browserLog, '');
    browser = await launchBrowser();
  });
  afterEach(async () => {
    await Promise.all(open.splice(0).map((context) => context.close().catch(() => undefined)));
  });
  afterAll(async () => {
    await browser?.close();
    expect(violations).toEqual([]);
  });

  it('a new report raises the received counter live', async () => {
    const page = await wall('shiftlead1', 1920, 1080);
    const before = await received(page);
    const reported = await officerReport(baseUrl, '大屏实时计数');
    await expect.poll(() => received(page), { timeout: 30_000 }).toBe(before + 1);
    await page.locator('.feed li', { hasText: reported.caseNo }).first().waitFor();
  });

  for (const [width, height] of [
    [1920, 1080],
    [3840, 2160],
  ] as const) {
    it(`fills ${width}×${height} without scroll bars, counters in numbers, map and charts drawn`, async () => {
      const page = await wall('supervisor1', width, height);
      for (const name of ['received', 'filed', 'dispatched', 'closed', 'overdue']) {
        expect(await page.locator(`[data-counter="${name}"]`).textContent()).toMatch(/^\d[\d,]*$/);
      }
      await page.locator('.map[data-areas="ready"][data-base="own"]').waitFor();
      expect(await page.locator('.chart canvas').count()).toBe(3);
      // A string: this file is typed for node, the script runs in the page.
      const size = await page.evaluate<Measured>(`(() => {
        const root = document.scrollingElement ?? document.documentElement;
        return {
          scrollWidth: root.scrollWidth,
          scrollHeight: root.scrollHeight,
          width: window.innerWidth,
          height: window.innerHeight,
          // Counters and rates whose panel cuts them off.
          clipped: [...document.querySelectorAll('[data-counter], [data-rate]')]
            .filter((el) => {
              const box = el.getBoundingClientRect();
              const panel = el.closest('.panel')?.getBoundingClientRect();
              return !panel || box.bottom > panel.bottom || box.right > panel.right;
            })
            .map((el) => el.getAttribute('data-counter') ?? el.getAttribute('data-rate')),
          counterPx: Number.parseFloat(getComputedStyle(document.querySelector('[data-counter="received"]')).fontSize),
        };
      })()`);
      expect(size.scrollWidth).toBeLessThanOrEqual(size.width);
      expect(size.scrollHeight).toBeLessThanOrEqual(size.height);
      expect(size.clipped).toEqual([]);
      // Readable from across the room: the counters grow with the display.
      expect(size.counterPx).toBeGreaterThanOrEqual((height / 1080) * 30);
      await page.screenshot({ path: `${artifacts}screen-${width}x${height}.png` });
    });
  }

  it('the supervisor’s map lies on the base map drawn from the gazetteer: roads, and their names up close', async () => {
    const page = await wall('supervisor1', 1440, 900);
    await page.goto(`${baseUrl}/supervision`);
    await page.locator('[data-tab="map"]').click();
    const map = page.locator('[data-test="open-map"] .map[data-base="own"]');
    await map.waitFor();
    expect(Number(await map.getAttribute('data-base-roads'))).toBeGreaterThan(10);
    // The outlines fit the map to the city once they load: zoom only after that, or the fit undoes it.
    await page.locator('[data-test="open-map"] .map[data-areas="ready"]').waitFor();
    // Zoomed in on 新华大街 (lattice row 30 of Hohhot), its name is written on the map. Each
    // double click waits for its zoom to settle (one during the animation is dropped).
    const labels = page.locator('.base-label');
    for (let i = 0; i < 6 && (await labels.count()) === 0; i++) {
      await map.dblclick({ position: { x: 300, y: 200 } });
      await page.waitForTimeout(700);
    }
    await labels.first().waitFor();
    await page.screenshot({ path: `${artifacts}screen-base-map.png` });
  });
});
