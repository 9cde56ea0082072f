import { flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import type { CaseRecord } from '../../api/contract';
import { aCase, fakeApi } from '../../test-support/fake-api';
import { mountWithApp } from '../../test-support/mount';
import { testRouter } from '../../test-support/router';
import ShiftLeadBoard from './ShiftLeadBoard.vue';

afterEach(() => {
  document.body.innerHTML = '';
});

/** The board's queues from `GET /api/cases?state=`, and 改派 answered as the server would. */
function backend(cases: CaseRecord[]) {
  return fakeApi({
    'GET /api/cases': (call) => {
      const items = cases.filter((c) => c.state === call.query.get('state'));
      return { json: { items, total: items.length } };
    },
    'GET /api/categories': () => ({ json: [] }),
    'GET /api/departments': () => ({ json: [] }),
    ...Object.fromEntries(
      cases.map((c) => [
        `GET /api/dispatch/cases/${c.id}/officers`,
        () => ({
          json: {
            officers: [
              {
                username: 'officer7',
                name: '李娜',
                coversGrid: true,
                coversStreet: false,
                onDuty: true,
                openTasks: 0,
              },
            ],
          },
        }),
      ]),
    ),
    ...Object.fromEntries(
      cases.map((c) => [
        `POST /api/dispatch/cases/${c.id}/reassign`,
        () => ({ json: { ...c, state: 'verifying', assignee: 'officer7', version: c.version + 1 } }),
      ]),
    ),
  });
}

const press = (key: string) => window.dispatchEvent(new KeyboardEvent('keydown', { key }));

describe('ShiftLeadBoard 改派', () => {
  it('has a tab of cases awaiting an officer, and A sends one to the selected case', async () => {
    const waiting = aCase({
      state: 'reported',
      version: 2,
      allowedCommands: ['reject', 'cancel', 'reassign'],
    });
    const checked = aCase({ state: 'handled', allowedCommands: ['cancel', 'reassign'] });
    const filed = aCase({ state: 'filed' });
    const { calls } = backend([waiting, checked, filed]);
    const wrapper = mountWithApp(ShiftLeadBoard, { plugins: [testRouter()] });
    await flushPromises();

    await wrapper.find('[data-tab="awaitingOfficer"]').trigger('click');
    expect(wrapper.find('[data-tab="awaitingOfficer"]').text()).toContain('待派人员');
    const rows = wrapper.findAll('[data-case-id]').map((r) => r.attributes('data-case-id'));
    expect(rows.sort()).toEqual([waiting.id, checked.id].sort());

    await wrapper.find(`[data-case-id="${waiting.id}"]`).trigger('click');
    const button = wrapper.findAll('button').find((b) => b.text().startsWith('改派'));
    expect(button?.attributes('disabled')).toBeUndefined();
    press('a');
    await flushPromises();
    const dialog = wrapper.find('[data-test="reassign-dialog"]');
    expect(dialog.text()).toContain(waiting.caseNo);
    await dialog.find('[role="listbox"]').trigger('keydown', { key: 'Enter' });
    await flushPromises();

    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ officer: 'officer7', expectedVersion: 2 });
    expect(wrapper.find('[data-test="reassign-dialog"]').exists()).toBe(false);
    expect(wrapper.find('.notice').text()).toBe(`已完成：改派 → 李娜 ${waiting.caseNo}`);
    // Now verifying, with an officer: off the awaiting tab.
    expect(wrapper.find(`[data-case-id="${waiting.id}"]`).exists()).toBe(false);
  });

  it('offers 改派 only where the case allows it (a verification or check to be done)', async () => {
    const verified = aCase({ state: 'verified', allowedCommands: ['file', 'reject', 'cancel'] });
    backend([verified]);
    const wrapper = mountWithApp(ShiftLeadBoard, { plugins: [testRouter()] });
    await flushPromises();
    await wrapper.find(`[data-case-id="${verified.id}"]`).trigger('click');
    expect(wrapper.find('[data-test="board-actions"]').exists()).toBe(true);
    expect(wrapper.findAll('button').some((b) => b.text().startsWith('改派'))).toBe(false);
    press('a');
    await flushPromises();
    expect(wrapper.find('[data-test="reassign-dialog"]').exists()).toBe(false);
  });
});
