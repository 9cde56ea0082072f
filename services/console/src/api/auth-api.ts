import { get, request } from './http';
import type { Session } from './types';

export const login = (username: string, password: string) =>
  request<Session>('POST', '/api/auth/login', { json: { username, password }, anonymous: true });

export const refreshSession = (refreshToken: string) =>
  request<Session>('POST', '/api/auth/refresh', { json: { refreshToken }, anonymous: true });

export interface Jurisdiction {
  kind: 'user';
  city: string | null;
  departmentId: string | null;
  areaCode: string | null;
  gridCodes: string[];
}

/** Where the user acts (beyond api.md; the backend serves it at /api/auth/me). */
export const fetchJurisdiction = () => get<Jurisdiction>('/api/auth/me');
