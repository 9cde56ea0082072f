import { createMemoryHistory, createRouter } from 'vue-router';

const blank = { template: '<div />' };

/**
 * A router with the named routes screens open (case detail, an officer's task), each rendering
 * nothing: the screens themselves are not under test, only where a click leads.
 */
export function testRouter() {
  return createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/', component: blank },
      { path: '/cases/:id', name: 'case', component: blank },
      { path: '/officer/tasks/:id', name: 'officer-task', component: blank },
    ],
  });
}
