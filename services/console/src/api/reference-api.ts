import type { QueryOf } from './contract';
import { api, ok } from './http';

export const locateGrid = (lat: number, lng: number) =>
  ok(api.GET('/api/grids/locate', { params: { query: { lat, lng } } }));
export const fetchGrid = (code: string) => ok(api.GET('/api/grids/{code}', { params: { path: { code } } }));
export const fetchCategories = () => ok(api.GET('/api/categories'));
export const fetchDepartments = () => ok(api.GET('/api/departments'));
export const computeDeadline = (start: string, workMinutes: number, calendar: 'office' | 'patrol') =>
  ok(api.POST('/api/calendar/deadline', { body: { start, workMinutes, calendar } }));

/**
 * Beyond api.md — outlines of the caller's city (platform's map-layer routes):
 * `GET /api/areas?level=district|street|community&parent=` → GeoJSON FeatureCollection whose
 * features have `properties: {code, name, nameEn, level, parentCode}`, geometry in [lng, lat].
 */
export const fetchAreas = (
  level: NonNullable<QueryOf<'/api/areas'>['level']>,
  parent?: string,
  city?: string,
) => ok(api.GET('/api/areas', { params: { query: { level, parent, city } } }));

/**
 * Beyond api.md — unit-grid outlines inside a box: `GET /api/grids?bbox=minLng,minLat,maxLng,maxLat`
 * → FeatureCollection with `properties: {code, name, communityCode}` and `truncated` when the box
 * held more than one answer carries. The map asks only when zoomed in to ≥ 16.
 */
export const fetchGridsInBox = (bbox: [number, number, number, number], city?: string) =>
  ok(
    api.GET('/api/grids', {
      params: { query: { bbox: bbox.map((n) => n.toFixed(6)).join(','), city } },
    }),
  );

export type BaseMap = Awaited<ReturnType<typeof loadBaseMap>>;
const loadBaseMap = (city?: string) => ok(api.GET('/api/basemap', { params: { query: { city } } }));
const baseMaps = new Map<string, ReturnType<typeof loadBaseMap>>();

/**
 * Beyond api.md — the base map (底图), asked once per city and session: the city's tile server
 * (URL, attribution, WGS-84 or GCJ-02, deepest zoom), or the roads and places drawn from our
 * gazetteer.
 */
export function fetchBaseMap(city?: string): Promise<BaseMap> {
  const key = city ?? '';
  let pending = baseMaps.get(key);
  if (!pending) {
    pending = loadBaseMap(city).catch((error: unknown) => {
      baseMaps.delete(key);
      throw error;
    });
    baseMaps.set(key, pending);
  }
  return pending;
}

/** Forgets the base maps asked for, so the next map asks again (after an admin changed a city's). */
export function forgetBaseMaps(): void {
  baseMaps.clear();
}
