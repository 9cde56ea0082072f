import { flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeApi, problem } from '../../test-support/fake-api';
import { mountWithApp } from '../../test-support/mount';
import ReporterPageView from './ReporterPageView.vue';

afterEach(() => {
  document.body.innerHTML = '';
});

const token = 'Y2FzZS0x.abcdefghijklmnopqrstuv';
const closed = {
  caseNo: '1501-20260302-0001',
  state: 'closed',
  categoryCode: 'E0101',
  createdAt: '2026-03-02T01:00:00.000Z',
  closedAt: '2026-03-03T01:00:00.000Z',
  updates: true,
  satisfaction: null,
  canAnswer: true,
};

async function open() {
  const wrapper = mountWithApp(ReporterPageView, { props: { token }, user: null });
  await flushPromises();
  return wrapper;
}

describe('ReporterPageView 案件进度 (the link of a reporter update)', () => {
  it('shows where the case stands and takes the satisfaction answer once', async () => {
    const { calls } = fakeApi({
      [`GET /api/public/reporter/${token}`]: () => ({ json: closed }),
      [`POST /api/public/reporter/${token}/satisfaction`]: () => ({
        json: { ...closed, satisfaction: 'satisfied', canAnswer: false },
      }),
    });
    const wrapper = await open();
    expect(wrapper.text()).toContain('案件编号 1501-20260302-0001');
    expect(wrapper.find('[data-test="reporter-state"]').text()).toBe('已结案');
    const buttons = wrapper.findAll('.answer button');
    expect(buttons.map((b) => b.text())).toEqual(['满意', '不满意']);
    await buttons[0]?.trigger('click');
    await flushPromises();
    expect(calls.at(-1)?.body).toEqual({ satisfied: true });
    expect(wrapper.find('[data-test="reporter-answered"]').text()).toContain('满意');
    expect(wrapper.find('.answer').exists()).toBe(false);
  });

  it('opts out of updates; a link that opens no case says so', async () => {
    fakeApi({
      [`GET /api/public/reporter/${token}`]: () => ({
        json: { ...closed, state: 'filed', canAnswer: false },
      }),
      [`POST /api/public/reporter/${token}/opt-out`]: () => ({
        json: { ...closed, state: 'filed', canAnswer: false, updates: false },
      }),
    });
    const wrapper = await open();
    expect(wrapper.find('.answer').exists()).toBe(false);
    await wrapper.find('button.link').trigger('click');
    await flushPromises();
    expect(wrapper.find('[data-test="reporter-opted-out"]').text()).toBe('已退订进度通知。');

    fakeApi({ [`GET /api/public/reporter/${token}`]: () => problem(404, 'NOT_FOUND') });
    const missing = await open();
    expect(missing.find('[data-test="reporter-state"]').exists()).toBe(false);
    expect(missing.text()).not.toBe('');
  });
});
