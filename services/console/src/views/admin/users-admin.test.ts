/** The admin screen's people tab against a stand-in backend: the list, a new account, a deactivation. */
import { flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeApi, problem } from '../../test-support/fake-api';
import { mountWithApp } from '../../test-support/mount';
import AdminView from './AdminView.vue';

afterEach(() => {
  document.body.innerHTML = '';
});

const account = (username: string, more: Record<string, unknown> = {}) => ({
  id: `u-${username}`,
  username,
  displayName: '张伟',
  roles: ['grid_officer'],
  city: '1501',
  districtCode: '150102',
  departmentId: null,
  phone: null,
  active: true,
  mustChangePassword: false,
  version: 1,
  ...more,
});

function usersApi(extra: Record<string, Parameters<typeof fakeApi>[0][string]> = {}) {
  return fakeApi({
    'GET /api/auth/me': () => ({ json: { username: 'admin', roles: ['admin'], city: '1501' } }),
    'GET /api/admin/calendars/1501': () => ({ json: { calendars: [], days: [], knownUntil: '2026-12-31' } }),
    'GET /api/admin/audit': () => ({ json: { items: [], total: 0, page: 1, pageSize: 50 } }),
    'GET /api/admin/users': () => ({ json: { users: [account('officer1')] } }),
    ...extra,
  });
}

async function openUsers() {
  const wrapper = mountWithApp(AdminView);
  await flushPromises();
  await wrapper.find('[data-tab="users"]').trigger('click');
  await flushPromises();
  return wrapper;
}

describe('the people tab', () => {
  it('lists the accounts with their roles, and adds one in the admin’s city', async () => {
    const { calls } = usersApi({
      'POST /api/admin/users': () => ({ status: 201, json: account('walker', { roles: ['dispatcher'] }) }),
    });
    const wrapper = await openUsers();
    expect(wrapper.find('[data-user="officer1"]').text()).toContain('监督员');
    const form = wrapper.find('[data-test="new-user"]');
    expect(form.find('button[type="submit"]').attributes('disabled')).toBeDefined();
    await form.find('input[name="user-username"]').setValue('walker');
    await form.find('input[name="user-display-name"]').setValue('李娜');
    await form.find('input[name="user-password"]').setValue('correct horse battery');
    await form.find('input[name="user-role"][value="dispatcher"]').setValue(true);
    await form.trigger('submit');
    await flushPromises();
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
      username: 'walker',
      displayName: '李娜',
      roles: ['dispatcher'],
      city: '1501',
      password: 'correct horse battery',
    });
  });

  it('deactivates an account, and shows a refusal', async () => {
    const { calls } = usersApi({
      'POST /api/admin/users/officer1/deactivate': () => problem(403, 'FORBIDDEN', 'not your city'),
    });
    const wrapper = await openUsers();
    await wrapper.find('[data-test="deactivate-user"]').trigger('click');
    await flushPromises();
    expect(calls.some((c) => c.path === '/api/admin/users/officer1/deactivate')).toBe(true);
    expect(wrapper.find('[role="alert"]').attributes('data-code')).toBe('FORBIDDEN');
  });
});
