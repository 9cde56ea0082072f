/**
 * No wrong dispatch (issue 16.1): a dialog stays with the case it was opened for and closes, saying
 * so, when someone else moves that case on; after a command nothing is selected, so a shortcut
 * pressed twice acts once. (The browser walk checks the same against the real backend.)
 */
import { flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import type { Component } from 'vue';
import type { CaseRecord } from '../../api/contract';
import { useCaseBoardStore } from '../../stores/case-board';
import { aCase, fakeApi } from '../../test-support/fake-api';
import { mountWithApp } from '../../test-support/mount';
import { testRouter } from '../../test-support/router';
import DispatcherBoard from './DispatcherBoard.vue';
import ShiftLeadBoard from './ShiftLeadBoard.vue';

const mounted: Array<{ unmount: () => void }> = [];
afterEach(() => {
  for (const wrapper of mounted.splice(0)) wrapper.unmount();
  document.body.innerHTML = '';
});

const press = async (key: string) => {
  window.dispatchEvent(new KeyboardEvent('keydown', { key }));
  await flushPromises();
};

/** A board over `cases`; each command answers its case moved to `answers[path]`. */
async function board(component: Component, cases: CaseRecord[], answers: Record<string, CaseRecord> = {}) {
  const api = fakeApi({
    'GET /api/cases': (call) => {
      const items = cases.filter((c) => c.state === call.query.get('state'));
      return { json: { items, total: items.length } };
    },
    'GET /api/categories': () => ({ json: [] }),
    'GET /api/departments': () => ({
      json: [{ id: 'dept-1', code: '150102-01', name: '环卫局', city: '1501' }],
    }),
    ...Object.fromEntries(
      Object.entries(answers).map(([path, item]) => [`POST ${path}`, () => ({ json: item })]),
    ),
  });
  const wrapper = mountWithApp(component, { plugins: [testRouter()] });
  mounted.push(wrapper);
  await flushPromises();
  const posts = () => api.calls.filter((c) => c.method === 'POST').map((c) => c.path);
  return { wrapper, posts };
}

describe('a dialog stays with its case', () => {
  it('the dispatch dialog closes with a message when its case was dispatched elsewhere', async () => {
    const first = aCase({ state: 'filed', suggestedDepartmentId: 'dept-1', allowedCommands: ['dispatch'] });
    const second = aCase({ state: 'filed', suggestedDepartmentId: 'dept-1', allowedCommands: ['dispatch'] });
    const { wrapper, posts } = await board(DispatcherBoard, [first, second]);
    await wrapper.find(`[data-case-id="${first.id}"]`).trigger('click');
    await press('d');
    expect(wrapper.find('[data-test="dispatch-dialog"] h2').text()).toContain(first.caseNo);

    // Another dispatcher sent it: the live channel's re-read puts it on the board, dispatched.
    useCaseBoardStore().upsert({
      ...first,
      state: 'dispatched',
      version: 2,
      departmentId: 'dept-1',
      allowedCommands: [],
    });
    await flushPromises();

    expect(wrapper.find('[data-test="dispatch-dialog"]').exists()).toBe(false);
    expect(wrapper.find('[data-test="moved-on"]').text()).toContain(first.caseNo);
    await press('Enter');
    await press('d');
    expect(posts()).toEqual([]);
  });

  it("its own command's answer closes it without the moved-on message", async () => {
    const item = aCase({ state: 'verified', allowedCommands: ['file', 'reject', 'cancel'] });
    const { wrapper, posts } = await board(ShiftLeadBoard, [item], {
      [`/api/dispatch/cases/${item.id}/reject`]: {
        ...item,
        state: 'rejected',
        version: 2,
        allowedCommands: [],
      },
    });
    await wrapper.find(`[data-case-id="${item.id}"]`).trigger('click');
    await press('r');
    const dialog = wrapper.find('[role="dialog"]');
    expect(dialog.attributes('data-case-no')).toBe(item.caseNo);
    await dialog.find('input[name="reason"]').setValue('不属于城管');
    await dialog.trigger('submit');
    await flushPromises();
    expect(posts()).toEqual([`/api/dispatch/cases/${item.id}/reject`]);
    expect(wrapper.find('[role="dialog"]').exists()).toBe(false);
    expect(wrapper.find('[data-test="moved-on"]').exists()).toBe(false);
    expect(wrapper.find('.notice').text()).toContain(item.caseNo);
  });
});

describe('nothing acts on a case nobody selected', () => {
  it('no case is selected until the user picks one', async () => {
    const item = aCase({ state: 'verified', allowedCommands: ['file', 'reject', 'cancel'] });
    const { wrapper, posts } = await board(ShiftLeadBoard, [item]);
    expect(wrapper.find('tr[aria-selected="true"]').exists()).toBe(false);
    await press('f');
    expect(posts()).toEqual([]);
  });

  it('after filing, the next row is not selected: F twice files one case', async () => {
    const first = aCase({ state: 'verified', allowedCommands: ['file', 'reject', 'cancel'] });
    const second = aCase({ state: 'verified', allowedCommands: ['file', 'reject', 'cancel'] });
    const { wrapper, posts } = await board(ShiftLeadBoard, [first, second], {
      [`/api/dispatch/cases/${first.id}/file`]: {
        ...first,
        state: 'filed',
        version: 2,
        allowedCommands: ['cancel'],
      },
      [`/api/dispatch/cases/${second.id}/file`]: {
        ...second,
        state: 'filed',
        version: 2,
        allowedCommands: ['cancel'],
      },
    });
    await wrapper.find(`[data-case-id="${first.id}"]`).trigger('click');
    await press('f');
    await press('f');
    expect(posts()).toEqual([`/api/dispatch/cases/${first.id}/file`]);
    expect(wrapper.find('tr[aria-selected="true"]').exists()).toBe(false);
    expect(wrapper.find(`[data-case-id="${second.id}"]`).exists()).toBe(true);
  });

  it('the first arrow key selects the row the focus rests on, not the one after it', async () => {
    const first = aCase({ state: 'verified', allowedCommands: ['file'] });
    const second = aCase({ state: 'verified', allowedCommands: ['file'] });
    const { wrapper } = await board(ShiftLeadBoard, [first, second]);
    const rows = wrapper.findAll('tr[data-case-id]');
    const top = rows[0];
    if (!top) throw new Error('two rows');
    await top.trigger('keydown', { key: 'ArrowDown' });
    expect(wrapper.find('tr[aria-selected="true"]').attributes('data-case-id')).toBe(
      top.attributes('data-case-id'),
    );
  });
});
