import { flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { aCase, fakeApi } from '../../test-support/fake-api';
import { mountWithApp } from '../../test-support/mount';
import { testRouter } from '../../test-support/router';
import CaseSearchView from './CaseSearchView.vue';

afterEach(() => {
  document.body.innerHTML = '';
});

/** The case list as the API answers it: a text search counts to the end of the page, a list to its cap. */
function caseList(answer: (page: number) => { total: number; totalExact: boolean }) {
  return fakeApi({
    'GET /api/cases': (call) => {
      const page = Number(call.query.get('page') ?? 1);
      return {
        json: {
          items: Array.from({ length: 50 }, () => aCase()),
          ...answer(page),
          nextCursor: 'next',
        },
      };
    },
  });
}

async function searchFor(text: string) {
  const wrapper = mountWithApp(CaseSearchView, { plugins: [testRouter()] });
  await flushPromises();
  await wrapper.find('input[name="q"]').setValue(text);
  await wrapper.find('form').trigger('submit');
  await flushPromises();
  return wrapper;
}

describe('CaseSearchView 案件查询 pages', () => {
  it('pages on through a text search, which is not counted: more than this page, page by page', async () => {
    const { calls } = caseList((page) => ({ total: page * 50, totalExact: false }));
    const wrapper = await searchFor('井盖');
    expect(wrapper.find('[role="status"]').text()).toBe('50 件以上');
    const pager = wrapper.find('nav.pager');
    expect(pager.text()).toContain('第 1 页');
    const next = pager.findAll('button')[1];
    expect(next?.attributes('disabled')).toBeUndefined();

    await next?.trigger('click');
    await flushPromises();
    const asked = calls.filter((call) => call.path === '/api/cases').map((call) => call.query.get('page'));
    expect(asked).toEqual(['1', '2']);
    expect(calls.at(-1)?.query.get('q')).toBe('井盖');
    expect(wrapper.find('[role="status"]').text()).toBe('100 件以上');
    expect(wrapper.find('nav.pager').text()).toContain('第 2 页');
  });

  it('numbers the pages of a counted list and stops at its last', async () => {
    caseList(() => ({ total: 120, totalExact: true }));
    const wrapper = await searchFor('');
    expect(wrapper.find('[role="status"]').text()).toBe('共 120 件');
    expect(wrapper.find('nav.pager').text()).toContain('第 1 / 3 页');
  });

  it('says a capped list is to be narrowed, and ends its pages at the cap', async () => {
    caseList(() => ({ total: 10_000, totalExact: false }));
    const wrapper = await searchFor('');
    expect(wrapper.find('[role="status"]').text()).toBe('超过 10000 件，请缩小查询范围后翻页');
    expect(wrapper.find('nav.pager').text()).toContain('第 1 / 200 页');
  });
});
