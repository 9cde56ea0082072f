import { get, post } from './http';
import type { AreaCollection, Category, Department, GridInfo, GridWithGeometry } from './types';

export const locateGrid = (lat: number, lng: number) => get<GridInfo>('/api/grids/locate', { lat, lng });
export const fetchGrid = (code: string) => get<GridWithGeometry>(`/api/grids/${encodeURIComponent(code)}`);
export const fetchCategories = () => get<Category[]>('/api/categories');
export const fetchDepartments = () => get<Department[]>('/api/departments');
export const computeDeadline = (start: string, workMinutes: number, calendar: 'office' | 'patrol') =>
  post<{ due: string }>('/api/calendar/deadline', { start, workMinutes, calendar });

/**
 * Beyond api.md — outlines of districts, streets or communities, optionally under a parent code:
 * `GET /api/areas?level=district|street|community&parent=` → GeoJSON FeatureCollection whose
 * features have `properties: {code, name, level}` and Polygon/MultiPolygon geometry in [lng, lat].
 */
export const fetchAreas = (level: 'city' | 'district' | 'street' | 'community', parent?: string) =>
  get<AreaCollection>('/api/areas', { level, parent });

/**
 * Beyond api.md — unit-grid outlines inside a box: `GET /api/grids?bbox=minLng,minLat,maxLng,maxLat`
 * → FeatureCollection with `properties: {code, name}`. The map asks only when zoomed in to ≥ 16.
 */
export const fetchGridsInBox = (bbox: [number, number, number, number]) =>
  get<AreaCollection>('/api/grids', { bbox: bbox.join(',') });
