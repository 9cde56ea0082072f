/**
 * The hotline's keyboard flow in the browser (issue 16.10): an address hit picked closes the list
 * for good and places the call; a duplicate nearby offers "attach to this case" (附加到此案件), which
 * records the caller on the open case and leaves an empty form with the cursor in its first field;
 * a saved call does the same; a point picked on the map writes its nearest address.
 */
import { randomInt } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { type ApiCase, apiAs } from './api.js';
import { launchBrowser, newRoleContext, recordPage, signIn } from './browser.js';
import { artifacts } from './server.js';

const baseUrl = inject('consoleUrl');
const browserLog = `${artifacts}browser-hotline-keyboard.log`;
let browser: Browser | undefined;
const open: BrowserContext[] = [];

interface AddressHit {
  label: string;
  lat: number;
  lng: number;
}

async function asOperator(): Promise<Page> {
  if (!browser) throw new Error('the browser did not start');
  const context = await newRoleContext(browser);
  open.push(context);
  const page = await context.newPage();
  recordPage(page, 'operator1', browserLog);
  await signIn(page, baseUrl, 'operator1');
  await page.goto(`${baseUrl}/intake`);
  await page.locator('form[data-test="intake-form"]').waitFor();
  return page;
}

const focusedField = (page: Page) =>
  page.evaluate<string | null>('document.activeElement?.getAttribute("name") ?? null');

describe('the hotline keyboard flow', () => {
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

  it('a second caller about the same heap of rubbish is attached to the open case, and the form is ready for the next call', async () => {
    // The gazetteer's hit the operator will pick, and an open case already reported there.
    const { items } = await apiAs<{ items: AddressHit[] }>(
      baseUrl,
      'operator1',
      `/api/intake/addresses?q=${encodeURIComponent('新华大街')}`,
    );
    const hit = items[0];
    if (!hit) throw new Error('the demo gazetteer has no 新华大街');
    const words = `附加${randomInt(100_000, 999_999)}`;
    const existing = await apiAs<ApiCase>(baseUrl, 'operator1', '/api/intake/reports', {
      source: 'hotline',
      categoryCode: 'E0101',
      description: `${words}：路边垃圾堆积`,
      address: hit.label,
      location: { lat: hit.lat, lng: hit.lng },
      reporter: { name: '王先生', phone: '13900001111' },
    });

    const page = await asOperator();
    const search = page.locator('input[name="addressSearch"]');
    await search.fill('新华大街');
    await page.locator('#address-hits [role="option"]').first().waitFor();
    await search.press('Enter');
    // The pick closes the list and stays closed; the form carries the address and the place.
    await expect.poll(() => page.locator('#address-hits').count()).toBe(0);
    await page.waitForTimeout(600);
    expect(await page.locator('#address-hits').count()).toBe(0);
    expect(await page.locator('input[name="address"]').inputValue()).toBe(hit.label);
    await page.locator('[data-test="coords"]').waitFor();

    await page.locator('input[name="reporterName"]').fill('李女士');
    await page.locator('input[name="reporterPhone"]').fill('13800002222');
    await page.locator('input[name="reporterEmail"]').fill('li@example.com');
    await page.selectOption('select[name="categoryCode"]', 'E0101');
    await page.locator('textarea[name="description"]').fill('门口垃圾一直没人清');
    const attach = page.locator(`[data-test="attach-${existing.caseNo}"]`);
    await attach.waitFor();
    await page.screenshot({ path: `${artifacts}hotline-duplicate-offered.png`, fullPage: true });
    await attach.click();

    const attached = page.locator('[data-test="intake-attached"]');
    await attached.waitFor();
    expect(await attached.textContent()).toContain(existing.caseNo);
    // An empty form, the cursor in its first field: the next call starts at once.
    await expect.poll(() => focusedField(page)).toBe('reporterName');
    expect(await page.locator('input[name="reporterName"]').inputValue()).toBe('');
    expect(await page.locator('textarea[name="description"]').inputValue()).toBe('');
    await page.screenshot({ path: `${artifacts}hotline-attached.png`, fullPage: true });

    // The open case now has the second caller for the callback; no second case was filed.
    const detail = await apiAs<{ callers?: Array<{ name: string | null; description: string | null }> }>(
      baseUrl,
      'operator1',
      `/api/cases/${existing.id}`,
    );
    expect(detail.callers).toEqual([
      expect.objectContaining({ name: '李女士', description: '门口垃圾一直没人清' }),
    ]);
    const same = await apiAs<{ items: Array<{ id: string }> }>(
      baseUrl,
      'operator1',
      `/api/cases?q=${encodeURIComponent(words)}`,
    );
    expect(same.items.map((item) => item.id)).toEqual([existing.id]);

    // The case's page shows the attached caller, masked for the shift lead.
    const lead = await apiAs<{ callers?: Array<{ name: string | null; phone: string | null }> }>(
      baseUrl,
      'shiftlead1',
      `/api/cases/${existing.id}`,
    );
    expect(lead.callers?.[0]?.phone).not.toContain('00002222');
  });

  it('a saved call leaves the cursor in the first field, and a point picked on the map writes its nearest address', async () => {
    const page = await asOperator();
    const map = page.locator('.leaflet-container').first();
    await map.waitFor();
    const box = await map.boundingBox();
    if (!box) throw new Error('the map has no box');
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    const coords = page.locator('[data-test="coords"]');
    await coords.waitFor();
    const [lat, lng] = ((await coords.textContent()) ?? '').split(',').map((part) => Number(part.trim()));
    const { item } = await apiAs<{ item: AddressHit | null }>(
      baseUrl,
      'operator1',
      `/api/intake/addresses/nearest?lat=${lat}&lng=${lng}`,
    );
    if (item) {
      await expect.poll(() => page.locator('input[name="address"]').inputValue()).toBe(item.label);
    } else {
      await page.locator('[data-test="no-address-near"]').waitFor();
    }

    const words = `键盘${randomInt(100_000, 999_999)}`;
    await page.locator('input[name="reporterName"]').fill('赵先生');
    await page.locator('input[name="reporterPhone"]').fill('13700003333');
    await page.selectOption('select[name="categoryCode"]', 'E0101');
    await page.locator('textarea[name="description"]').fill(`${words}：井边垃圾`);
    if (!item) await page.locator('input[name="address"]').fill('地图所选位置');
    await page.locator('form[data-test="intake-form"] button[type="submit"]').click();
    const created = page.locator('[data-test="intake-created"]');
    await created.waitFor();
    await expect.poll(() => focusedField(page)).toBe('reporterName');
    expect(await page.locator('textarea[name="description"]').inputValue()).toBe('');
    const saved = await apiAs<{ items: Array<{ caseNo: string }> }>(
      baseUrl,
      'operator1',
      `/api/cases?q=${encodeURIComponent(words)}`,
    );
    expect(saved.items).toHaveLength(1);
    expect(await created.textContent()).toContain(saved.items[0]?.caseNo);
    await page.screenshot({ path: `${artifacts}hotline-saved.png`, fullPage: true });
  });
});
