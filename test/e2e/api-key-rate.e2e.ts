/**
 * A key's rate in the browser (issue 18.5): the city's admin opens 接口密钥, raises the video-analytics
 * key's requests per minute in place and saves it; the list and the API say the new rate (which the
 * key's next request counts against: test/admin/api-keys.test.ts). Saved under
 * test-artifacts/console-e2e/api-key-rate-*.png.
 */
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { apiAs } from './api.js';
import { roleSessions } from './browser.js';
import { artifacts } from './server.js';

const baseUrl = inject('consoleUrl');
const sessions = roleSessions(baseUrl, `${artifacts}browser-api-key-rate.log`);

interface KeyView {
  id: string;
  rateLimitPerMinute: number;
  version: number;
}

describe("an API key's rate", () => {
  beforeAll(() => sessions.start());
  afterEach(() => sessions.closeAll());
  afterAll(() => sessions.stop());

  it('is edited in place on the key tab', async () => {
    const keyId = 'apikey-video-demo';
    const before = (await apiAs<{ items: KeyView[] }>(baseUrl, 'admin', '/api/admin/api-keys')).items.find(
      (k) => k.id === keyId,
    );
    const raised = (before?.rateLimitPerMinute ?? 600) + 300;

    const page = await sessions.asRole('admin');
    await page.goto(`${baseUrl}/admin`);
    await page.locator('[data-tab="apiKeys"]').click();
    const row = page.locator(`[data-key="${keyId}"]`);
    const rate = row.locator('input[name="key-rate-edit"]');
    await rate.waitFor();
    expect(await rate.inputValue()).toBe(String(before?.rateLimitPerMinute));
    await rate.fill(String(raised));
    await row.locator('[data-test="save-key-rate"]').click();
    // Saved: the list reloaded with the new rate and nothing left to save.
    await row.locator('[data-test="save-key-rate"]').waitFor({ state: 'detached' });
    expect(await rate.inputValue()).toBe(String(raised));
    await page.screenshot({ path: `${artifacts}api-key-rate-saved.png`, fullPage: true });

    const after = (await apiAs<{ items: KeyView[] }>(baseUrl, 'admin', '/api/admin/api-keys')).items.find(
      (k) => k.id === keyId,
    );
    expect(after).toMatchObject({ rateLimitPerMinute: raised, version: (before?.version ?? 0) + 1 });
  });
});
