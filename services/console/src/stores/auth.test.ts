import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import { listCases } from '../api/cases-api';
import { fetchCategories } from '../api/reference-api';
import { fakeApi, problem } from '../test-support/fake-api';
import { jwtExpiryMs, useAuthStore } from './auth';

const user = { id: '1', username: 'operator1', displayName: '受理员一', roles: ['intake_operator'] };
const jwt = (exp: number) => `h.${btoa(JSON.stringify({ exp })).replace(/=+$/, '')}.s`;

describe('auth store', () => {
  beforeEach(() => {
    localStorage.clear();
    setActivePinia(createPinia());
  });

  it('signs in, sends the token with every request and keeps the session over a reload', async () => {
    const { calls } = fakeApi({
      'POST /api/auth/login': () => ({ json: { token: 'tok', user } }),
      'GET /api/categories': () => ({ json: [] }),
    });
    const auth = useAuthStore();
    await auth.login('operator1', 'urbangrid');
    expect(auth.signedIn).toBe(true);
    expect(auth.roles).toEqual(['intake_operator']);
    await fetchCategories();
    expect(calls.at(-1)?.headers.authorization).toBe('Bearer tok');

    setActivePinia(createPinia());
    expect(useAuthStore().user?.displayName).toBe('受理员一');
  });

  it('a wrong password leaves the user signed out', async () => {
    fakeApi({ 'POST /api/auth/login': () => problem(401, 'UNAUTHENTICATED') });
    const auth = useAuthStore();
    await expect(auth.login('operator1', 'nope')).rejects.toMatchObject({ status: 401 });
    expect(auth.signedIn).toBe(false);
  });

  it('a 401 on a later request ends the session as expired', async () => {
    fakeApi({
      'POST /api/auth/login': () => ({ json: { token: 'tok', user } }),
      'GET /api/cases': () => problem(401, 'UNAUTHENTICATED'),
    });
    const auth = useAuthStore();
    await auth.login('operator1', 'urbangrid');
    await expect(listCases({})).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(auth.signedIn).toBe(false);
    expect(auth.signedOutReason).toBe('expired');
  });

  it('refreshes a token that is about to expire before sending it', async () => {
    const soon = Date.now() + 10_000;
    const { calls } = fakeApi({
      'POST /api/auth/login': () => ({
        json: { token: 'old', refreshToken: 'r1', expiresAt: new Date(soon).toISOString(), user },
      }),
      'POST /api/auth/refresh': () => ({
        json: {
          token: 'new',
          refreshToken: 'r2',
          expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
          user,
        },
      }),
      'GET /api/cases': () => ({ json: { items: [], total: 0 } }),
    });
    const auth = useAuthStore();
    await auth.login('operator1', 'urbangrid');
    await listCases({});
    expect(calls.find((c) => c.path === '/api/auth/refresh')?.body).toEqual({ refreshToken: 'r1' });
    expect(calls.at(-1)?.headers.authorization).toBe('Bearer new');
  });

  it('signing out ends the session on the server', async () => {
    const { calls } = fakeApi({
      'POST /api/auth/login': () => ({ json: { token: 'tok', refreshToken: 'r1', user } }),
      'POST /api/auth/logout': () => ({ status: 204 }),
    });
    const auth = useAuthStore();
    await auth.login('operator1', 'urbangrid');
    auth.logout();
    expect(auth.signedIn).toBe(false);
    await expect
      .poll(() => calls.find((c) => c.path === '/api/auth/logout')?.headers.authorization)
      .toBe('Bearer tok');
  });

  it('a tab takes the pair another tab refreshed instead of spending its used refresh token', async () => {
    const later = new Date(Date.now() + 3_600_000).toISOString();
    const { calls } = fakeApi({
      'POST /api/auth/login': () => ({ json: { token: 'old', refreshToken: 'r1', expiresAt: later, user } }),
    });
    await useAuthStore().login('operator1', 'urbangrid');
    // A second tab with the same session; the first one refreshes meanwhile and stores the new pair.
    setActivePinia(createPinia());
    const tab = useAuthStore();
    const refreshed = {
      token: 'new',
      refreshToken: 'r2',
      expiresAt: later,
      expiresAtMs: Date.parse(later),
      user,
    };
    localStorage.setItem('urbangrid.session', JSON.stringify(refreshed));
    expect(await tab.refresh()).toBe(true);
    expect(tab.session?.token).toBe('new');
    expect(calls.some((c) => c.path === '/api/auth/refresh')).toBe(false);
  });

  it('a forced password change replaces the session with the fresh one', async () => {
    const { calls } = fakeApi({
      'POST /api/auth/login': () => ({
        json: { token: 'set-by-admin', refreshToken: 'r1', user: { ...user, mustChangePassword: true } },
      }),
      'POST /api/auth/password': () => ({
        json: { token: 'own', refreshToken: 'r2', user: { ...user, mustChangePassword: false } },
      }),
    });
    const auth = useAuthStore();
    await auth.login('operator1', 'amber orchard pilot 7');
    expect(auth.mustChangePassword).toBe(true);
    await auth.changePassword('amber orchard pilot 7', 'quiet meadow falcon 19');
    expect(calls.at(-1)?.headers.authorization).toBe('Bearer set-by-admin');
    expect(auth.mustChangePassword).toBe(false);
    expect(auth.session?.token).toBe('own');
  });

  it('reads the expiry of a JWT', () => {
    expect(jwtExpiryMs(jwt(1_800_000_000))).toBe(1_800_000_000_000);
    expect(jwtExpiryMs('opaque')).toBeNull();
  });
});
