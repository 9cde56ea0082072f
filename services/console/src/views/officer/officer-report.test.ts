/**
 * The officer's report form takes the phone's position by itself, shows its precision, says why
 * there is none (and what to do), and never sends a report without a place or on an old position.
 */
import { flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { staleAfterMs } from '../../domain/position-fix';
import { useClockStore } from '../../stores/clock';
import { aCase, fakeApi } from '../../test-support/fake-api';
import { mountWithApp } from '../../test-support/mount';
import OfficerReport from './OfficerReport.vue';

type Answer = { ok?: { latitude: number; longitude: number; accuracy: number; at?: number }; fail?: number };

/** A phone whose position requests are answered in turn from `answers` (the last one repeats). */
function aPhone(answers: Answer[]) {
  const asked: PositionOptions[] = [];
  vi.stubGlobal('navigator', {
    ...globalThis.navigator,
    geolocation: {
      getCurrentPosition: (
        ok: (p: unknown) => void,
        fail: (e: { code: number }) => void,
        options: PositionOptions,
      ) => {
        const answer = answers[Math.min(asked.length, answers.length - 1)] ?? {};
        asked.push(options);
        if (answer.ok) {
          const { latitude, longitude, accuracy, at } = answer.ok;
          ok({ coords: { latitude, longitude, accuracy }, timestamp: at ?? Date.now() });
        } else fail({ code: answer.fail ?? 2 });
      },
    },
  });
  return asked;
}

const MapStub = {
  props: ['picked'],
  emits: ['pick'],
  template: `<button type="button" data-test="map" @click="$emit('pick', { lat: 40.84, lng: 111.68 })">map</button>`,
};

function serve() {
  return fakeApi({
    'GET /api/categories': () => ({
      json: [{ code: '0101', kind: 'component', name: '井盖', handlingLimitMinutes: 60 }],
    }),
    'GET /api/departments': () => ({ json: [] }),
    'GET /api/grids/locate': () => ({
      json: {
        code: '150102001001001',
        name: '网格一',
        districtCode: '150102',
        streetCode: '',
        communityCode: '',
      },
    }),
    'POST /api/intake/reports': ({ body }) => ({ status: 201, json: { ...aCase(), ...(body as object) } }),
  });
}

async function mountForm() {
  const wrapper = mountWithApp(OfficerReport, { stubs: { MapView: MapStub } });
  await flushPromises();
  return wrapper;
}

async function fillIn(wrapper: Awaited<ReturnType<typeof mountForm>>) {
  await wrapper.find('select[name="categoryCode"]').setValue('0101');
  await wrapper.find('textarea[name="description"]').setValue('井盖缺失');
}

describe('the officer’s report form', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    document.body.innerHTML = '';
  });

  it('takes the position by itself, shows its precision, and sends it', async () => {
    const asked = aPhone([{ ok: { latitude: 40.8301, longitude: 111.6702, accuracy: 18.4 } }]);
    const { calls } = serve();
    const wrapper = await mountForm();
    expect(asked).toHaveLength(1);
    expect(wrapper.find('[data-test="gps-accuracy"]').text()).toBe('GPS 定位 · 精度 ±18 米');
    expect(wrapper.find('[data-test="coords"]').text()).toBe('40.83010, 111.67020');
    expect(wrapper.find('[data-test="locate-failure"]').exists()).toBe(false);
    await fillIn(wrapper);
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    const sent = calls.find((c) => c.path === '/api/intake/reports');
    expect(sent?.body).toMatchObject({ location: { lat: 40.8301, lng: 111.6702 }, source: 'officer' });
  });

  it.each([
    [1, 'denied', '无法定位：未允许本网站使用位置信息。', '允许本网站使用位置'],
    [2, 'unavailable', '无法定位：手机暂时取不到位置（室内或信号弱）。', '室外开阔处'],
    [3, 'timeout', '定位超时：长时间没有取到位置。', '重新定位'],
  ])(
    'says why there is no position (%i %s) and what to do; the map pick then reports',
    async (code, reason, why, what) => {
      aPhone([{ fail: code }]);
      const { calls } = serve();
      const wrapper = await mountForm();
      const failure = wrapper.find('[data-test="locate-failure"]');
      expect(failure.attributes('role')).toBe('alert');
      expect(failure.attributes('data-reason')).toBe(reason);
      expect(failure.text()).toContain(why);
      expect(failure.text()).toContain(what);
      expect(failure.text()).toContain('在下方地图上点选问题位置');
      expect(wrapper.find('[data-test="locate"]').text()).toBe('重新定位');
      await fillIn(wrapper);
      // Nothing is sent without a place, and the form says what is missing.
      expect(wrapper.find('button[type="submit"]').attributes('disabled')).toBeDefined();
      expect(wrapper.find('[data-test="place-missing"]').text()).toContain('在地图上点选问题位置');
      await wrapper.find('form').trigger('submit');
      await flushPromises();
      expect(calls.some((c) => c.path === '/api/intake/reports')).toBe(false);

      await wrapper.find('[data-test="map"]').trigger('click');
      await flushPromises();
      expect(wrapper.find('[data-test="map-picked"]').exists()).toBe(true);
      expect(wrapper.find('[data-test="place-missing"]').exists()).toBe(false);
      await wrapper.find('form').trigger('submit');
      await flushPromises();
      expect(calls.find((c) => c.path === '/api/intake/reports')?.body).toMatchObject({
        location: { lat: 40.84, lng: 111.68 },
      });
    },
  );

  it('takes an old position again before reporting, and holds the report while that fails', async () => {
    const takenAt = Date.now();
    const asked = aPhone([
      { ok: { latitude: 40.83, longitude: 111.67, accuracy: 10, at: takenAt } },
      { fail: 3 },
    ]);
    const { calls } = serve();
    const wrapper = await mountForm();
    await fillIn(wrapper);
    // The officer left the form open: the position is now older than the limit.
    useClockStore().now = takenAt + staleAfterMs + 60_000;
    await flushPromises();
    expect(asked).toHaveLength(2);
    expect(wrapper.find('[data-test="fix-stale"]').text()).toContain('6 分钟前');
    expect(wrapper.find('[data-test="place-missing"]').text()).toContain('定位已过时');
    expect(wrapper.find('button[type="submit"]').attributes('disabled')).toBeDefined();
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    expect(calls.some((c) => c.path === '/api/intake/reports')).toBe(false);
  });

  it('says when the position is coarse, so the officer checks it on the map', async () => {
    aPhone([{ ok: { latitude: 40.83, longitude: 111.67, accuracy: 640 } }]);
    serve();
    const wrapper = await mountForm();
    expect(wrapper.find('[data-test="fix-coarse"]').text()).toContain('±640 米');
  });
});
