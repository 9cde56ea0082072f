import { anonymousApi, api, ok } from './http';

export type { Jurisdiction } from './contract';

export const login = (username: string, password: string) =>
  ok(anonymousApi.POST('/api/auth/login', { body: { username, password } }));

export const refreshSession = (refreshToken: string) =>
  ok(anonymousApi.POST('/api/auth/refresh', { body: { refreshToken } }));

/** Changes the caller's password; answers a fresh session (every earlier one ends). */
export const changePassword = (currentPassword: string, newPassword: string) =>
  ok(api.POST('/api/auth/password', { body: { currentPassword, newPassword } }));

/** Ends the session on the server: its access and refresh tokens stop working. */
export const logoutSession = (token: string) =>
  ok(anonymousApi.POST('/api/auth/logout', { headers: { authorization: `Bearer ${token}` } }));

/** Where the user acts (beyond api.md; the backend serves it at /api/auth/me). */
export const fetchJurisdiction = () => ok(api.GET('/api/auth/me'));
