import { flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import type { CandidateOfficer } from '../api/contract';
import { aCase, fakeApi, problem } from '../test-support/fake-api';
import { mountWithApp } from '../test-support/mount';
import ReassignDialog from './ReassignDialog.vue';

afterEach(() => {
  document.body.innerHTML = '';
});

const officer = (username: string, name: string, more: Partial<CandidateOfficer> = {}): CandidateOfficer => ({
  username,
  name,
  coversGrid: false,
  coversStreet: false,
  onDuty: false,
  openTasks: 0,
  ...more,
});

// Best first, as the server sends them: own grid, own street, on duty, fewest open tasks.
const officers = [
  officer('officer1', '张伟', { coversGrid: true, onDuty: true, openTasks: 1 }),
  officer('officer2', '李娜', { coversStreet: true, onDuty: true, openTasks: 0 }),
  officer('officer3', '王强', { onDuty: false, openTasks: 4 }),
];

function officersApi(item: { id: string }, list: CandidateOfficer[] = officers) {
  return { [`GET /api/dispatch/cases/${item.id}/officers`]: () => ({ json: { officers: list } }) };
}

const names = (wrapper: ReturnType<typeof mountWithApp>) =>
  wrapper.findAll('[role="option"] strong').map((n) => n.text());
const chosen = (wrapper: ReturnType<typeof mountWithApp>) =>
  wrapper.find('[role="option"][aria-selected="true"]').attributes('data-officer');

describe('ReassignDialog', () => {
  it('lists the city’s officers best first with what makes them a good choice', async () => {
    const item = aCase({ state: 'reported', assignee: null });
    fakeApi(officersApi(item));
    const wrapper = mountWithApp(ReassignDialog, { props: { item } });
    expect(wrapper.text()).toContain('加载中');
    await flushPromises();
    expect(names(wrapper)).toEqual(['张伟', '李娜', '王强']);
    const [first, second, third] = wrapper.findAll('[role="option"]');
    expect(first?.text()).toContain('officer1');
    expect(first?.text()).toContain('本网格');
    expect(first?.text()).toContain('在岗');
    expect(first?.text()).toContain('在办 1');
    expect(second?.text()).toContain('本街道');
    expect(second?.text()).not.toContain('本网格');
    expect(third?.text()).not.toContain('在岗');
    expect(third?.text()).toContain('在办 4');
    // Nobody is on the task yet: the best one is preselected and the list has the keyboard.
    expect(chosen(wrapper)).toBe('officer1');
    expect(document.activeElement?.getAttribute('role')).toBe('listbox');
    expect(wrapper.text()).toContain('核实任务');
  });

  it('preselects the best officer who is not already on the task, and will not offer that one', async () => {
    const item = aCase({ state: 'reviewing', assignee: 'officer1' });
    fakeApi(officersApi(item));
    const wrapper = mountWithApp(ReassignDialog, { props: { item } });
    await flushPromises();
    expect(wrapper.text()).toContain('核查任务');
    expect(chosen(wrapper)).toBe('officer2');
    const current = wrapper.find('[data-officer="officer1"]');
    expect(current.text()).toContain('当前处理人');
    await current.trigger('click');
    expect(chosen(wrapper)).toBe('officer2');
    // Arrow keys skip the current assignee too.
    await wrapper.find('[role="listbox"]').trigger('keydown', { key: 'ArrowUp' });
    expect(chosen(wrapper)).toBe('officer2');
  });

  it('sends the chosen officer with the version the shift lead saw, and hands the case back', async () => {
    const item = aCase({ state: 'verifying', assignee: 'officer1', version: 7 });
    const updated = { ...item, assignee: 'officer3', version: 8 };
    const { calls } = fakeApi({
      ...officersApi(item),
      [`POST /api/dispatch/cases/${item.id}/reassign`]: () => ({ json: updated }),
    });
    const wrapper = mountWithApp(ReassignDialog, { props: { item } });
    await flushPromises();
    const list = wrapper.find('[role="listbox"]');
    await list.trigger('keydown', { key: 'ArrowDown' });
    expect(chosen(wrapper)).toBe('officer3');
    await wrapper.find('input[name="note"]').setValue(' 原监督员请假 ');
    await list.trigger('keydown', { key: 'Enter' });
    await flushPromises();
    const sent = calls.find((c) => c.method === 'POST');
    expect(sent?.path).toBe(`/api/dispatch/cases/${item.id}/reassign`);
    expect(sent?.body).toEqual({ officer: 'officer3', note: '原监督员请假', expectedVersion: 7 });
    expect(wrapper.emitted('done')?.[0]).toEqual([updated, officers[2]]);
  });

  it('sends no note when none was written', async () => {
    const item = aCase({ state: 'handled', version: 3 });
    const { calls } = fakeApi({
      ...officersApi(item),
      [`POST /api/dispatch/cases/${item.id}/reassign`]: () => ({ json: { ...item, state: 'reviewing' } }),
    });
    const wrapper = mountWithApp(ReassignDialog, { props: { item } });
    await flushPromises();
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ officer: 'officer1', expectedVersion: 3 });
  });

  it('shows why a send was refused, offers a reload on a conflict, and stays open', async () => {
    const item = aCase({ state: 'verifying', assignee: 'officer1' });
    fakeApi({
      ...officersApi(item),
      [`POST /api/dispatch/cases/${item.id}/reassign`]: () => problem(409, 'VERSION_CONFLICT', 'stale'),
    });
    const wrapper = mountWithApp(ReassignDialog, { props: { item } });
    await flushPromises();
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    const notice = wrapper.find('[role="alert"]');
    expect(notice.attributes('data-code')).toBe('VERSION_CONFLICT');
    expect(notice.text()).toContain('案件已被他人更新');
    expect(wrapper.emitted('done')).toBeUndefined();
    await notice.find('button').trigger('click');
    expect(wrapper.emitted('reload')).toHaveLength(1);
    // The board re-read the case: the conflict is cured.
    // (mountWithApp types the wrapper as a plain component, so its props are not known here.)
    await wrapper.setProps({ item: { ...item, version: item.version + 1 } } as never);
    expect(wrapper.find('[role="alert"]').exists()).toBe(false);
  });

  it('says so when the city has no active officer, and sends nothing', async () => {
    const item = aCase({ state: 'reported' });
    fakeApi(officersApi(item, []));
    const wrapper = mountWithApp(ReassignDialog, { props: { item } });
    await flushPromises();
    expect(wrapper.text()).toContain('本市暂无在册的监督员');
    expect(wrapper.find('button[type="submit"]').attributes('disabled')).toBeDefined();
  });

  it('shows a failed load with a retry', async () => {
    const item = aCase({ state: 'reported' });
    let fail = true;
    fakeApi({
      [`GET /api/dispatch/cases/${item.id}/officers`]: () =>
        fail ? problem(403, 'FORBIDDEN') : { json: { officers } },
    });
    const wrapper = mountWithApp(ReassignDialog, { props: { item } });
    await flushPromises();
    expect(wrapper.find('[role="alert"]').text()).toContain('没有权限');
    fail = false;
    await wrapper.find('[role="alert"] button').trigger('click');
    await flushPromises();
    expect(names(wrapper)).toEqual(['张伟', '李娜', '王强']);
  });

  it('Esc cancels', async () => {
    const item = aCase({ state: 'reported' });
    fakeApi(officersApi(item));
    const wrapper = mountWithApp(ReassignDialog, { props: { item } });
    await flushPromises();
    await wrapper.find('[role="listbox"]').trigger('keydown', { key: 'Escape' });
    expect(wrapper.emitted('cancel')).toHaveLength(1);
  });
});
