import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import { createMemoryHistory } from 'vue-router';
import { useAuthStore } from '../stores/auth';
import { aUser } from '../test-support/fake-api';
import { createConsoleRouter } from '.';

describe('router', () => {
  beforeEach(() => localStorage.clear());

  function signedInAs(...roles: string[]) {
    return signedInWith({}, ...roles);
  }

  function signedInWith(extra: { mustChangePassword?: boolean }, ...roles: string[]) {
    const pinia = createPinia();
    setActivePinia(pinia);
    if (roles.length > 0) {
      useAuthStore().session = {
        token: 't',
        user: aUser({ roles: roles as never, ...extra }),
        refreshToken: 'refresh',
        expiresAt: '2099-01-01T00:00:00Z',
        expiresAtMs: null,
      };
    }
    return createConsoleRouter(pinia, createMemoryHistory());
  }

  it('sends a visitor to the login page and remembers where they were going', async () => {
    const router = signedInAs();
    await router.push('/dispatch');
    expect(router.currentRoute.value.name).toBe('login');
    expect(router.currentRoute.value.query.next).toBe('/dispatch');
  });

  it('lands each role on its own screen and turns it away from others', async () => {
    const router = signedInAs('department_handler');
    await router.push('/');
    expect(router.currentRoute.value.name).toBe('department');
    await router.push('/supervision');
    expect(router.currentRoute.value.name).toBe('department');
    await router.push('/cases/42');
    expect(router.currentRoute.value.name).toBe('case');
  });

  it('keeps an account whose password an admin set on the login screen until it is changed', async () => {
    const router = signedInWith({ mustChangePassword: true }, 'dispatcher');
    await router.push('/dispatch');
    expect(router.currentRoute.value.name).toBe('login');
  });
});
