/** Mounts a component the way the app runs it: pinia, vue-i18n (zh-CN), RouterLink as a plain link. */
import { mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import type { Component, DefineComponent, Plugin } from 'vue';
import { createConsoleI18n } from '../i18n';

export function mountWithApp<C extends Component>(
  component: C,
  options: { props?: Record<string, unknown>; plugins?: Plugin[] } = {},
) {
  const pinia = createPinia();
  setActivePinia(pinia);
  // Props are checked by each test's expectations; the wrapper's own typing is the plain one.
  return mount(component as DefineComponent, {
    props: options.props,
    attachTo: document.body,
    global: {
      plugins: [pinia, createConsoleI18n('zh-CN'), ...(options.plugins ?? [])],
      stubs: { RouterLink: { props: ['to'], template: '<a href="#"><slot /></a>' } },
    },
  });
}
