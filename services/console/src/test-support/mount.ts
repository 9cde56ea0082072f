/**
 * Mounts a component the way the app runs it: pinia, vue-i18n (zh-CN), RouterLink as a plain link,
 * a user signed in (a Hohhot one unless `user` names another; null: nobody).
 */
import { mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import type { Component, DefineComponent, Plugin } from 'vue';
import type { SessionUser } from '../api/contract';
import { createConsoleI18n } from '../i18n';
import { useAuthStore } from '../stores/auth';
import { aUser } from './fake-api';

export function mountWithApp<C extends Component>(
  component: C,
  options: {
    props?: Record<string, unknown>;
    plugins?: Plugin[];
    user?: SessionUser | null;
    /** Components replaced by stand-ins (the map, which happy-dom cannot draw). */
    stubs?: Record<string, Component | boolean>;
  } = {},
) {
  const pinia = createPinia();
  setActivePinia(pinia);
  const user = options.user === undefined ? aUser() : options.user;
  if (user !== null) {
    useAuthStore().session = {
      token: 'tok',
      refreshToken: 'refresh',
      expiresAt: '2099-01-01T00:00:00Z',
      expiresAtMs: null,
      user,
    };
  }
  // Props are checked by each test's expectations; the wrapper's own typing is the plain one.
  return mount(component as DefineComponent, {
    props: options.props,
    attachTo: document.body,
    global: {
      plugins: [pinia, createConsoleI18n('zh-CN'), ...(options.plugins ?? [])],
      stubs: { RouterLink: { props: ['to'], template: '<a href="#"><slot /></a>' }, ...options.stubs },
    },
  });
}
