import { describe, expect, it } from 'vitest';
import { defineComponent, h } from 'vue';
import { aUser } from '../test-support/fake-api';
import { mountWithApp } from '../test-support/mount';
import { useLocalTime } from './local-time';

const at = '2026-07-01T17:30:00Z';

/** Renders the instant for each city asked (undefined: no city shown). */
const Times = defineComponent({
  props: { cities: { type: Array, required: true } },
  setup(props) {
    const localTime = useLocalTime();
    return () =>
      h(
        'ul',
        (props.cities as Array<string | undefined>).map((city) => h('li', localTime(at, city))),
      );
  },
});

const shown = (user: Parameters<typeof aUser>[0], cities: Array<string | undefined>) =>
  mountWithApp(Times, { props: { cities }, user: aUser(user) })
    .findAll('li')
    .map((li) => li.text());

describe('times in the city’s own zone', () => {
  it('shows a city user’s times in their city’s zone, whatever it is', () => {
    expect(shown({ city: '6501', timeZones: { '6501': 'Asia/Urumqi' } }, [undefined, '6501'])).toEqual([
      '2026/07/01 23:30',
      '2026/07/01 23:30',
    ]);
    expect(shown({ city: '1501', timeZones: { '1501': 'Asia/Shanghai' } }, [undefined])).toEqual([
      '2026/07/02 01:30',
    ]);
  });

  it('shows a region user each case in its city’s zone, and names the zone where no city is shown', () => {
    const region = { city: null, timeZones: { '1501': 'Asia/Shanghai', '9901': 'Europe/Berlin' } };
    const [home, hohhot, berlin, unknown] = shown(region, [undefined, '1501', '9901', '0000']);
    expect(hohhot).toBe('2026/07/02 01:30');
    expect(berlin).toBe('2026/07/01 19:30');
    // No zone the session names: the instant as the server sent it, never another city's time.
    expect(unknown).toBe(at);
    // The region spans two zones: the browser's, with its name (zh-CN puts it before the time).
    expect(home).toMatch(/^2026\/07\/0[12] .*\d\d:\d\d/);
    expect(home).toMatch(/[A-Z]{3}|GMT|时间/);
  });
});
