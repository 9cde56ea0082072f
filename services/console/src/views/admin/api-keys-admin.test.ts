/** The admin screen's API key tab against a stand-in backend: a key's rate changed in place. */
import { flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeApi, problem } from '../../test-support/fake-api';
import { mountWithApp } from '../../test-support/mount';
import AdminView from './AdminView.vue';

afterEach(() => {
  document.body.innerHTML = '';
});

const key = (id: string, more: Record<string, unknown> = {}) => ({
  id,
  name: '视频分析平台',
  city: '1501',
  source: 'video',
  scopes: ['report:create'],
  rateLimitPerMinute: 100,
  createdAt: '2026-11-01T00:00:00.000Z',
  lastUsedAt: null,
  revokedAt: null,
  version: 3,
  ...more,
});

function keysApi(extra: Record<string, Parameters<typeof fakeApi>[0][string]> = {}) {
  let rate = 100;
  let version = 3;
  return fakeApi({
    'GET /api/auth/me': () => ({ json: { username: 'admin', roles: ['admin'], city: '1501' } }),
    'GET /api/admin/calendars/1501': () => ({ json: { calendars: [], days: [], knownUntil: '2026-12-31' } }),
    'GET /api/admin/audit': () => ({ json: { items: [], total: 0, page: 1, pageSize: 50 } }),
    'GET /api/admin/api-keys': () => ({
      json: {
        items: [
          key('k-video', { rateLimitPerMinute: rate, version }),
          key('k-old', { revokedAt: '2026-11-20T00:00:00.000Z' }),
        ],
      },
    }),
    'PATCH /api/admin/api-keys/k-video': (call) => {
      rate = (call.body as { rateLimitPerMinute: number }).rateLimitPerMinute;
      version += 1;
      return { json: key('k-video', { rateLimitPerMinute: rate, version }) };
    },
    ...extra,
  });
}

async function openKeys() {
  const wrapper = mountWithApp(AdminView);
  await flushPromises();
  await wrapper.find('[data-tab="apiKeys"]').trigger('click');
  await flushPromises();
  return wrapper;
}

describe('the API key tab', () => {
  it("changes a key's rate in place, with the version it was read at", async () => {
    const { calls } = keysApi();
    const wrapper = await openKeys();
    const row = wrapper.find('[data-key="k-video"]');
    const input = row.find('input[name="key-rate-edit"]');
    expect((input.element as HTMLInputElement).value).toBe('100');
    // Nothing to save until the rate differs.
    expect(row.find('[data-test="save-key-rate"]').exists()).toBe(false);
    await input.setValue(600);
    await row.find('[data-test="key-rate"]').trigger('submit');
    await flushPromises();
    const patch = calls.find((c) => c.method === 'PATCH');
    expect(patch?.path).toBe('/api/admin/api-keys/k-video');
    expect(patch?.headers['if-match']).toBe('"3"');
    expect(patch?.body).toEqual({ rateLimitPerMinute: 600 });
    const after = wrapper.find('[data-key="k-video"] input[name="key-rate-edit"]');
    expect((after.element as HTMLInputElement).value).toBe('600');
    // A revoked key's rate is only shown.
    const revoked = wrapper.find('[data-key="k-old"]');
    expect(revoked.find('input').exists()).toBe(false);
    expect(revoked.text()).toContain('100');
  });

  it('shows a refusal (another admin changed the key meanwhile)', async () => {
    keysApi({
      'PATCH /api/admin/api-keys/k-video': () =>
        problem(409, 'VERSION_CONFLICT', 'API key k-video was changed meanwhile'),
    });
    const wrapper = await openKeys();
    await wrapper.find('[data-key="k-video"] input[name="key-rate-edit"]').setValue(50);
    await wrapper.find('[data-key="k-video"] [data-test="key-rate"]').trigger('submit');
    await flushPromises();
    expect(wrapper.find('[role="alert"]').attributes('data-code')).toBe('VERSION_CONFLICT');
  });
});
