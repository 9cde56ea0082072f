import { flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/http';
import { useReferenceStore } from '../stores/reference';
import { aCase, fakeApi } from '../test-support/fake-api';
import { mountWithApp } from '../test-support/mount';
import AddressSearch from './AddressSearch.vue';
import CaseTable from './CaseTable.vue';
import DeadlineCell from './DeadlineCell.vue';
import DispatchDialog from './DispatchDialog.vue';
import ProblemNotice from './ProblemNotice.vue';
import ReasonDialog from './ReasonDialog.vue';

afterEach(() => {
  document.body.innerHTML = '';
});

describe('CaseTable', () => {
  it('moves the selection with the arrow keys and opens a case with Enter', async () => {
    const rows = [aCase(), aCase(), aCase()];
    const wrapper = mountWithApp(CaseTable, { props: { rows, selectedId: rows[0]?.id, label: '队列' } });
    const first = wrapper.find(`[data-case-id="${rows[0]?.id}"]`);
    await first.trigger('keydown', { key: 'ArrowDown' });
    expect(wrapper.emitted('select')?.at(-1)).toEqual([rows[1]?.id]);
    await first.trigger('keydown', { key: 'Enter' });
    expect(wrapper.emitted('open')?.at(-1)).toEqual([rows[0]?.id]);
  });

  it('shows the state in Chinese and marks urgent cases', () => {
    const wrapper = mountWithApp(CaseTable, {
      props: { rows: [aCase({ state: 'filed', urgency: 'urgent' })], selectedId: null, label: '队列' },
    });
    expect(wrapper.text()).toContain('待派遣');
    expect(wrapper.text()).toContain('紧急');
  });
});

describe('DeadlineCell', () => {
  it('shows the light and the time left, red once the due moment has passed', () => {
    const soon = new Date(Date.now() + 65 * 60_000).toISOString();
    const ok = mountWithApp(DeadlineCell, {
      props: { item: { state: 'handling', deadline: { stage: 'handle', due: soon, light: 'green' } } },
    });
    expect(ok.find('[data-light]').attributes('data-light')).toBe('green');
    expect(ok.text()).toMatch(/剩 1小时0[45]分/);
    const late = new Date(Date.now() - 2 * 3_600_000).toISOString();
    const overdue = mountWithApp(DeadlineCell, {
      props: { item: { state: 'handling', deadline: { stage: 'handle', due: late, light: 'yellow' } } },
    });
    expect(overdue.find('[data-light]').attributes('data-light')).toBe('red');
    expect(overdue.text()).toContain('超时');
  });

  it('says there is no limit when no clock runs', () => {
    const wrapper = mountWithApp(DeadlineCell, {
      props: { item: { state: 'suspended', deadline: { stage: null, due: null, light: 'green' } } },
    });
    expect(wrapper.text()).toContain('无时限');
  });

  it('shows how a finished case ended instead of a light', () => {
    const closed = mountWithApp(DeadlineCell, {
      props: {
        item: { state: 'closed', closureType: 'overdue', deadline: { stage: null, due: null, light: 'red' } },
      },
    });
    expect(closed.text()).toBe('超时结案');
    expect(closed.find('[data-light]').exists()).toBe(false);
    const rejected = mountWithApp(DeadlineCell, {
      props: { item: { state: 'rejected', deadline: { stage: null, due: null, light: 'green' } } },
    });
    expect(rejected.text()).toBe('不予立案');
  });
});

describe('ReasonDialog', () => {
  it('will not submit without a reason, then submits the trimmed text', async () => {
    const wrapper = mountWithApp(ReasonDialog, { props: { title: '不予立案', label: '原因' } });
    await wrapper.find('form').trigger('submit');
    expect(wrapper.emitted('submit')).toBeUndefined();
    expect(wrapper.text()).toContain('请填写原因');
    await wrapper.find('input[name="reason"]').setValue('  重复上报 ');
    await wrapper.find('form').trigger('submit');
    expect(wrapper.emitted('submit')?.[0]).toEqual([{ text: '重复上报', minutes: 240 }]);
  });

  it('Esc cancels', async () => {
    const wrapper = mountWithApp(ReasonDialog, { props: { title: '作废', label: '原因' } });
    await wrapper.find('.modal-backdrop').trigger('keydown', { key: 'Escape' });
    expect(wrapper.emitted('cancel')).toHaveLength(1);
  });
});

describe('DispatchDialog', () => {
  it('preselects the department the responsibility matrix suggests', async () => {
    const wrapper = mountWithApp(DispatchDialog, {
      props: { item: aCase({ state: 'filed', suggestedDepartmentId: 'd2' }) },
    });
    useReferenceStore().departments = [
      { id: 'd1', code: 'A', name: '市政', nameEn: 'Municipal', parentId: null },
      { id: 'd2', code: 'B', name: '园林', nameEn: 'Landscaping', parentId: null },
    ];
    await flushPromises();
    expect((wrapper.find('select').element as HTMLSelectElement).value).toBe('d2');
    expect(wrapper.find('option').text()).toContain('园林');
    await wrapper.find('form').trigger('submit');
    expect(wrapper.emitted('submit')?.[0]).toEqual(['d2']);
  });

  it('sends with Enter on the department list (a select does not submit a form by itself)', async () => {
    useReferenceStore().departments = [
      { id: 'd1', code: 'A', name: '市政', nameEn: 'Municipal', parentId: null },
    ];
    const wrapper = mountWithApp(DispatchDialog, {
      props: { item: aCase({ state: 'filed', suggestedDepartmentId: 'd1' }) },
    });
    await flushPromises();
    await wrapper.find('select').trigger('keydown', { key: 'Enter' });
    expect(wrapper.emitted('submit')?.[0]).toEqual(['d1']);
  });
});

describe('ProblemNotice', () => {
  it('explains a version conflict and offers a reload', async () => {
    const wrapper = mountWithApp(ProblemNotice, {
      props: { error: new ApiError(409, 'VERSION_CONFLICT', 'stale') },
    });
    expect(wrapper.text()).toContain('案件已被他人更新');
    expect(wrapper.text()).toContain('VERSION_CONFLICT');
    await wrapper.find('button').trigger('click');
    expect(wrapper.emitted('reload')).toHaveLength(1);
  });
});

describe('AddressSearch', () => {
  it('searches as the operator types and takes a hit with the keyboard', async () => {
    vi.useFakeTimers();
    const { calls } = fakeApi({
      'GET /api/intake/addresses': () => ({
        json: {
          items: [
            { id: 'a', label: '新华大街 1 号', lat: 40.81, lng: 111.66, gridCode: 'g1' },
            { id: 'b', label: '新华大街 3 号', context: '新城区', lat: 40.82, lng: 111.67, gridCode: 'g2' },
          ],
        },
      }),
    });
    const wrapper = mountWithApp(AddressSearch, { props: { debounceMs: 10 } });
    const input = wrapper.find('input');
    await input.setValue('新华');
    await vi.advanceTimersByTimeAsync(20);
    vi.useRealTimers();
    await flushPromises();
    expect(calls[0]?.query.get('q')).toBe('新华');
    expect(wrapper.findAll('[role="option"]')).toHaveLength(2);
    await input.trigger('keydown', { key: 'ArrowDown' });
    await input.trigger('keydown', { key: 'Enter' });
    expect(wrapper.emitted('pick')?.[0]?.[0]).toMatchObject({ id: 'b', lat: 40.82 });
  });

  it('says when the search is not available and the map must be used', async () => {
    fakeApi({});
    const wrapper = mountWithApp(AddressSearch, { props: { debounceMs: 0 } });
    await wrapper.find('input').setValue('新华');
    await new Promise((r) => setTimeout(r, 5));
    await flushPromises();
    expect(wrapper.text()).toContain('地址搜索暂不可用');
  });
});
