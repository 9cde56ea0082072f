/**
 * Returned cases (回退) carry a mark and the reason on every board (issue 16.6): the queue row is
 * marked, the side panel says how often, why last and which departments returned it, and the
 * dispatch dialog marks those departments.
 */
import { flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import type { Component } from 'vue';
import type { CaseRecord } from '../../api/contract';
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

const departments = [
  { id: 'dept-sanitation', code: '150102-01', name: '环卫局', city: '1501' },
  { id: 'dept-works', code: '150102-02', name: '市政局', city: '1501' },
];

async function board(component: Component, cases: CaseRecord[]) {
  fakeApi({
    'GET /api/cases': (call) => {
      const items = cases.filter((c) => c.state === call.query.get('state'));
      return { json: { items, total: items.length } };
    },
    'GET /api/categories': () => ({ json: [] }),
    'GET /api/departments': () => ({ json: departments }),
  });
  const wrapper = mountWithApp(component, { plugins: [testRouter()] });
  mounted.push(wrapper);
  await flushPromises();
  return wrapper;
}

const returned = () =>
  aCase({
    state: 'filed',
    returnCount: 1,
    returnedByDepartmentIds: ['dept-sanitation'],
    lastReturnReason: '井盖归市政',
    suggestedDepartmentId: 'dept-works',
    allowedCommands: ['dispatch'],
  });

describe('returned cases', () => {
  it.each([
    ['dispatcher', DispatcherBoard],
    ['shift lead', ShiftLeadBoard],
  ] as const)('the %s board marks the row and shows the reason', async (_board, component) => {
    const item = returned();
    const plain = aCase({ state: 'filed', allowedCommands: ['dispatch'] });
    const wrapper = await board(component, [item, plain]);
    if (component === ShiftLeadBoard) await wrapper.find('[data-tab="open"]').trigger('click');
    const row = wrapper.find(`tr[data-case-id="${item.id}"]`);
    expect(row.find('[data-test="returned-mark"]').attributes('title')).toBe('井盖归市政');
    expect(wrapper.find(`tr[data-case-id="${plain.id}"] [data-test="returned-mark"]`).exists()).toBe(false);

    await row.trigger('click');
    const reason = wrapper.find('[data-test="return-reason"]');
    expect(reason.text()).toContain('退回 1 次');
    expect(reason.text()).toContain('井盖归市政');
    expect(reason.text()).toContain('环卫局');
  });

  it('the dispatch dialog marks the department that returned it and preselects the new suggestion', async () => {
    const item = returned();
    const wrapper = await board(DispatcherBoard, [item]);
    await wrapper.find(`tr[data-case-id="${item.id}"]`).trigger('click');
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'd' }));
    await flushPromises();
    const select = wrapper.find('[data-test="dispatch-dialog"] select');
    expect((select.element as HTMLSelectElement).value).toBe('dept-works');
    const options = select.findAll('option').map((o) => o.text());
    expect(options.find((o) => o.startsWith('环卫局'))).toContain('已退回');
    expect(options.find((o) => o.startsWith('市政局'))).not.toContain('已退回');
  });
});
