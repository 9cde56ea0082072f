import { afterEach, describe, expect, it } from 'vitest';
import { aCase } from '../test-support/fake-api';
import { mountWithApp } from '../test-support/mount';
import CaseResultsTable from './CaseResultsTable.vue';

afterEach(() => {
  document.body.innerHTML = '';
});

/** RouterLink as a link that shows where it goes. */
const stubs = {
  RouterLink: { props: ['to'], template: '<a :data-route="to.name" :data-id="to.params.id"><slot /></a>' },
};
const returned = () =>
  aCase({ state: 'filed', description: '路灯不亮', returnCount: 1, lastReturnReason: '不属本部门' });

describe('CaseResultsTable', () => {
  it("a district's list: number (opening the case), time, category, state, address, the returned mark alone", () => {
    const c = returned();
    const wrapper = mountWithApp(CaseResultsTable, { props: { items: [c], label: '案件' }, stubs });
    expect(wrapper.find('table').attributes('aria-label')).toBe('案件');
    expect(wrapper.findAll('th')).toHaveLength(5);
    const row = wrapper.find(`tr[data-case-no="${c.caseNo}"]`);
    const link = row.find('a');
    expect([link.attributes('data-route'), link.attributes('data-id'), link.text()]).toEqual([
      'case',
      c.id,
      c.caseNo,
    ]);
    expect(row.findAll('td')).toHaveLength(5);
    expect(row.text()).toContain('待派遣');
    expect(row.text()).toContain('新华大街 1 号');
    expect(row.find('[data-test="returned-mark"]').exists()).toBe(true);
    expect(row.find('[data-test="returned-reason"]').exists()).toBe(false);
    expect(row.text()).not.toContain('路灯不亮');
  });

  it("case search's list adds the text, the department, the grid and the reason of a return", () => {
    const c = returned();
    const wrapper = mountWithApp(CaseResultsTable, {
      props: { items: [c], label: '案件查询', details: true },
      stubs,
    });
    expect(wrapper.findAll('th')).toHaveLength(8);
    const row = wrapper.find(`tr[data-case-no="${c.caseNo}"]`);
    expect(row.findAll('td')).toHaveLength(8);
    expect(row.find('td.text').text()).toBe('路灯不亮');
    expect(row.text()).toContain(c.gridCode);
    expect(row.find('[data-test="returned-reason"]').text()).toBe('不属本部门');
  });
});
