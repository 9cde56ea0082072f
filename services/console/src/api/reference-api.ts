import { get, post } from './http';
import type {
  AreaCollection,
  Category,
  Department,
  GridCollection,
  GridInfo,
  GridWithGeometry,
} from './types';

export const locateGrid = (lat: number, lng: number) => get<GridInfo>('/api/grids/locate', { lat, lng });
export const fetchGrid = (code: string) => get<GridWithGeometry>(`/api/grids/${encodeURIComponent(code)}`);
export const fetchCategories = () => get<Category[]>('/api/categories');
export const fetchDepartments = () => get<Department[]>('/api/departments');
export const computeDeadline = (start: string, workMinutes: number, calendar: 'office' | 'patrol') =>
  post<{ due: string }>('/api/calendar/deadline', { start, workMinutes, calendar });

/**
 * Beyond api.md — outlines of the caller's city (platform's map-layer routes):
 * `GET /api/areas?level=district|street|community&parent=` → GeoJSON FeatureCollection whose
 * features have `properties: {code, name, nameEn, level, parentCode}`, geometry in [lng, lat].
 */
export const fetchAreas = (level: 'district' | 'street' | 'community', parent?: string) =>
  get<AreaCollection>('/api/areas', { level, parent });

/**
 * Beyond api.md — unit-grid outlines inside a box: `GET /api/grids?bbox=minLng,minLat,maxLng,maxLat`
 * → FeatureCollection with `properties: {code, name, communityCode}` and `truncated` when the box
 * held more than one answer carries. The map asks only when zoomed in to ≥ 16.
 */
export const fetchGridsInBox = (bbox: [number, number, number, number]) =>
  get<GridCollection>('/api/grids', { bbox: bbox.map((n) => n.toFixed(6)).join(',') });
