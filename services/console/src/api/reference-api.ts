import { get, post } from './http';
import type {
  AreaCollection,
  Category,
  Department,
  GridInfo,
  GridWithGeometry,
} from './types';

export const locateGrid = (lat: number, lng: number) => get<GridInfo>('/api/grids/locate', { lat, lng });
export const fetchGrid = (code: string) => get<GridWithGeometry>(`/api/grids/${encodeURIComponent(code)}`);
export const fetchCategories = () => get<Category[]>('/api/categories');
export const fetchDepartments = () => get<Department[]>('/api/departments');
export const computeDeadline = (start: string, workMinutes: number, calendar: 'office' | 'patrol') =>
  post<{ due: string }>('/api/calendar/deadline', { start, workMinutes, calendar });

/** API-NEEDS: outlines of districts, streets or communities, optionally under a parent code. */
export const fetchAreas = (level: 'city' | 'district' | 'street' | 'community', parent?: string) =>
  get<AreaCollection>('/api/areas', { level, parent });

/** API-NEEDS: grid outlines inside a box `minLng,minLat,maxLng,maxLat`. */
export const fetchGridsInBox = (bbox: [number, number, number, number]) =>
  get<AreaCollection>('/api/grids', { bbox: bbox.join(',') });
