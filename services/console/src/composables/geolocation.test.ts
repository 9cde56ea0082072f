import { afterEach, describe, expect, it, vi } from 'vitest';
import { useGeolocation } from './geolocation';

type Success = (p: {
  coords: { latitude: number; longitude: number; accuracy: number };
  timestamp: number;
}) => void;
type Failure = (e: { code: number }) => void;

/** A device whose answers the test hands out one by one. */
function aDevice() {
  const pending: { ok: Success; fail: Failure; options: PositionOptions }[] = [];
  vi.stubGlobal('navigator', {
    geolocation: {
      getCurrentPosition: (ok: Success, fail: Failure, options: PositionOptions) =>
        pending.push({ ok, fail, options }),
    },
  });
  return pending;
}

describe('useGeolocation', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('gives the position with its precision and age, asking the device for a fresh, precise one', async () => {
    const device = aDevice();
    const geo = useGeolocation();
    const found = geo.locate();
    expect(geo.locating.value).toBe(true);
    expect(device[0]?.options).toMatchObject({ enableHighAccuracy: true, maximumAge: 30_000 });
    device[0]?.ok({ coords: { latitude: 40.83, longitude: 111.67, accuracy: 14 }, timestamp: 1_000 });
    expect(await found).toEqual({ lat: 40.83, lng: 111.67, accuracy: 14, takenAt: 1_000 });
    expect(geo.locating.value).toBe(false);
    expect(geo.failure.value).toBeNull();
  });

  it.each([
    [1, 'denied'],
    [2, 'unavailable'],
    [3, 'timeout'],
  ])('says why there is none (error %i: %s)', async (code, why) => {
    const device = aDevice();
    const geo = useGeolocation();
    const found = geo.locate();
    device[0]?.fail({ code });
    expect(await found).toBeNull();
    expect(geo.failure.value).toBe(why);
    expect(geo.locating.value).toBe(false);
  });

  it('says unsupported when the browser has no geolocation', async () => {
    vi.stubGlobal('navigator', {});
    const geo = useGeolocation();
    expect(await geo.locate()).toBeNull();
    expect(geo.failure.value).toBe('unsupported');
  });

  it('drops an answer that comes after a cancel (the user tapped the map meanwhile)', async () => {
    const device = aDevice();
    const geo = useGeolocation();
    const found = geo.locate();
    geo.cancel();
    device[0]?.ok({ coords: { latitude: 1, longitude: 2, accuracy: 5 }, timestamp: 1 });
    expect(await found).toBeNull();
    expect(geo.fix.value).toBeNull();
    expect(geo.locating.value).toBe(false);
  });
});
