/**
 * The city's base map (底图) form on the cities tab: what it shows of the city's setting and what
 * it sends — a tile server with its template, attribution, GCJ-02 and zoom, our own, or the
 * deployment's — with the city's version as If-Match.
 */
import { flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeApi } from '../../test-support/fake-api';
import { mountWithApp } from '../../test-support/mount';
import CityBaseMapForm from './CityBaseMapForm.vue';

afterEach(() => {
  document.body.innerHTML = '';
});

const tiles = 'https://t0.tiles.example.gov.cn/gcj/{z}/{x}/{y}.png';

function mountForm(baseMap: unknown) {
  const api = fakeApi({
    'PUT /api/admin/cities/1501/base-map': (call) => ({
      json: { code: '1501', baseMap: (call.body as { baseMap: unknown }).baseMap, version: 5 },
    }),
  });
  const wrapper = mountWithApp(CityBaseMapForm, {
    props: {
      city: { code: '1501', version: 4, baseMap },
      attempt: (work: () => Promise<void>) => work(),
    },
  });
  return { api, wrapper };
}

describe("a city's base map on the admin screen", () => {
  it('sends the tile server the admin names, GCJ-02, at the version seen', async () => {
    const { api, wrapper } = mountForm(null);
    expect((wrapper.find('select[name="base-map-kind"]').element as HTMLSelectElement).value).toBe(
      'deployment',
    );
    await wrapper.find('select[name="base-map-kind"]').setValue('tiles');
    await wrapper.find('input[name="base-map-tiles"]').setValue(tiles);
    await wrapper.find('input[name="base-map-attribution"]').setValue('© 天地图');
    await wrapper.find('select[name="base-map-coordinates"]').setValue('gcj02');
    await wrapper.find('input[name="base-map-max-zoom"]').setValue('17');
    expect(wrapper.text()).toContain('{z}/{x}/{y}');
    await wrapper.find('form').trigger('submit');
    await flushPromises();

    const put = api.calls.find((c) => c.method === 'PUT');
    expect(put?.headers['if-match']).toBe('"4"');
    expect(put?.body).toEqual({
      baseMap: { kind: 'tiles', tiles, attribution: '© 天地图', coordinates: 'gcj02', maxZoom: 17 },
    });
    expect(wrapper.emitted('saved')).toHaveLength(1);
  });

  it("shows the city's tile server, and gives it up for the deployment's", async () => {
    const { api, wrapper } = mountForm({
      kind: 'tiles',
      tiles,
      attribution: '© 高德',
      coordinates: 'gcj02',
      maxZoom: 18,
    });
    expect((wrapper.find('input[name="base-map-tiles"]').element as HTMLInputElement).value).toBe(tiles);
    expect((wrapper.find('select[name="base-map-coordinates"]').element as HTMLSelectElement).value).toBe(
      'gcj02',
    );
    await wrapper.find('select[name="base-map-kind"]').setValue('deployment');
    expect(wrapper.find('input[name="base-map-tiles"]').exists()).toBe(false);
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    expect(api.calls.find((c) => c.method === 'PUT')?.body).toEqual({ baseMap: null });
  });

  it('our own base map', async () => {
    const { api, wrapper } = mountForm(null);
    await wrapper.find('select[name="base-map-kind"]').setValue('own');
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    expect(api.calls.find((c) => c.method === 'PUT')?.body).toEqual({ baseMap: { kind: 'own' } });
  });
});
