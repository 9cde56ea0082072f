/**
 * Errors in the user's language (issue 16.8): a district supervisor asking for a trend by category
 * (outside what a district's rollups hold) reads the refusal in Chinese — no English detail from
 * the server, no HTTP status, no request field; in English the detail written for people shows.
 */
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { roleSessions } from './browser.js';
import { artifacts } from './server.js';

const baseUrl = inject('consoleUrl');
const sessions = roleSessions(baseUrl, `${artifacts}browser-errors.log`);

describe('errors in the user’s language', () => {
  beforeAll(() => sessions.start());
  afterEach(() => sessions.closeAll());
  afterAll(() => sessions.stop());

  it('a refusal reads in Chinese for a Chinese user, with no English detail or status', async () => {
    const page = await sessions.asRole('supervisor-150102');
    await page.goto(`${baseUrl}/supervision`);
    await page.locator('[data-tab="trend"]').click();
    await page.locator('[data-test="trend-table"]').waitFor();
    await page.locator('select[name="trendGroupBy"]').selectOption('category');
    const refusal = page.locator('[data-test="trend"] .problem');
    await refusal.waitFor();
    const text = (await refusal.textContent()) ?? '';
    expect(text).toContain('没有权限');
    expect(text).not.toMatch(/district supervisor|403|querystring|Forbidden/);
    expect(await refusal.getAttribute('data-code')).toBe('FORBIDDEN');
    await page.screenshot({ path: `${artifacts}errors-zh.png` });
  });
});
