/** Mounts a component the way the app runs it: pinia, vue-i18n (zh-CN), RouterLink as a plain link. */
import { mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import type { Component } from 'vue';
import { createConsoleI18n } from '../i18n';

export function mountWithApp<C extends Component>(
  component: C,
  options: { props?: Record<string, unknown> } = {},
) {
  const pinia = createPinia();
  setActivePinia(pinia);
  return mount(component, {
    props: options.props,
    attachTo: document.body,
    global: {
      plugins: [pinia, createConsoleI18n('zh-CN')],
      stubs: { RouterLink: { props: ['to'], template: '<a href="#"><slot /></a>' } },
    },
  } as Parameters<typeof mount>[1]);
}
