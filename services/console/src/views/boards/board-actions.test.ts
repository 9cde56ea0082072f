/**
 * Every board draws its command buttons from the case's `allowedCommands` (the server's reading of
 * the lifecycle table for the caller): exactly those, whatever the state would suggest, and a
 * shortcut acts only where its command is allowed.
 */
import { flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import type { Component } from 'vue';
import type { CaseRecord } from '../../api/contract';
import { aCase, fakeApi } from '../../test-support/fake-api';
import { mountWithApp } from '../../test-support/mount';
import { testRouter } from '../../test-support/router';
import DepartmentInbox from './DepartmentInbox.vue';
import DispatcherBoard from './DispatcherBoard.vue';
import ShiftLeadBoard from './ShiftLeadBoard.vue';

// Unmounted after each test: a board left mounted keeps its shortcuts on the window.
const mounted: Array<{ unmount: () => void }> = [];
afterEach(() => {
  for (const wrapper of mounted.splice(0)) wrapper.unmount();
  document.body.innerHTML = '';
});

type Allowed = CaseRecord['allowedCommands'];

/** Mounts `board` over one case on the tab `tab`; answers every command with 200 and records it. */
async function boardWith(board: Component, tab: string, item: CaseRecord) {
  const api = fakeApi({
    'GET /api/cases': (call) => {
      const items = item.state === call.query.get('state') ? [item] : [];
      return { json: { items, total: items.length } };
    },
    'GET /api/categories': () => ({ json: [] }),
    'GET /api/departments': () => ({ json: [] }),
  });
  const wrapper = mountWithApp(board, { plugins: [testRouter()] });
  mounted.push(wrapper);
  await flushPromises();
  await wrapper.find(`[data-tab="${tab}"]`).trigger('click');
  await wrapper.find(`[data-case-id="${item.id}"]`).trigger('click');
  await flushPromises();
  return { wrapper, calls: api.calls };
}

const shownCommands = (wrapper: Awaited<ReturnType<typeof boardWith>>['wrapper']) =>
  [
    ...new Set(
      wrapper.findAll('[data-test="board-actions"] [data-command]').map((b) => b.attributes('data-command')),
    ),
  ].sort();

const cases: Array<{
  board: string;
  component: Component;
  tab: string;
  item: Partial<CaseRecord>;
  allowed: Allowed;
}> = [
  {
    board: 'shift lead',
    component: ShiftLeadBoard,
    tab: 'toFile',
    item: { state: 'verified' },
    allowed: ['file', 'reject', 'cancel'],
  },
  // The same state, seen by someone the table lets do nothing there: no buttons at all.
  { board: 'shift lead', component: ShiftLeadBoard, tab: 'toFile', item: { state: 'verified' }, allowed: [] },
  {
    board: 'shift lead',
    component: ShiftLeadBoard,
    tab: 'toClose',
    item: { state: 'reviewed' },
    allowed: ['cancel'],
  },
  {
    board: 'shift lead',
    component: ShiftLeadBoard,
    tab: 'awaitingOfficer',
    item: { state: 'handled' },
    allowed: ['cancel', 'reassign'],
  },
  {
    board: 'dispatcher',
    component: DispatcherBoard,
    tab: 'toDispatch',
    item: { state: 'filed' },
    allowed: ['dispatch'],
  },
  {
    board: 'dispatcher',
    component: DispatcherBoard,
    tab: 'inHandling',
    item: { state: 'handling' },
    allowed: [],
  },
  {
    board: 'dispatcher',
    component: DispatcherBoard,
    tab: 'approvals',
    item: {
      state: 'handling',
      pendingRequest: {
        kind: 'suspension',
        workMinutes: null,
        reason: '施工',
        requestedBy: 'h1',
        at: '2026-07-01T09:00:00+08:00',
      },
    },
    allowed: ['decideSuspension'],
  },
  {
    board: 'department',
    component: DepartmentInbox,
    tab: 'toAccept',
    item: { state: 'dispatched' },
    allowed: ['accept', 'return'],
  },
  {
    board: 'department',
    component: DepartmentInbox,
    tab: 'inHandling',
    item: { state: 'handling' },
    allowed: ['complete', 'return', 'requestExtension', 'requestSuspension'],
  },
  {
    board: 'department',
    component: DepartmentInbox,
    tab: 'inHandling',
    item: { state: 'handling' },
    allowed: ['complete', 'return'],
  },
  {
    board: 'department',
    component: DepartmentInbox,
    tab: 'suspended',
    item: { state: 'suspended' },
    allowed: ['resume'],
  },
];

describe('board buttons come from allowedCommands', () => {
  it.each(cases)('$board, $item.state, allowed $allowed', async ({ component, tab, item, allowed }) => {
    const { wrapper } = await boardWith(component, tab, aCase({ ...item, allowedCommands: allowed }));
    expect(wrapper.find('[data-test="board-actions"]').exists()).toBe(true);
    expect(shownCommands(wrapper)).toEqual([...allowed].sort());
  });

  it('approves or denies the request the case allows deciding, by its own command', async () => {
    const item = aCase({
      state: 'handling',
      version: 4,
      pendingRequest: {
        kind: 'suspension',
        workMinutes: null,
        reason: '施工',
        requestedBy: 'h1',
        at: '2026-07-01T09:00:00+08:00',
      },
      allowedCommands: ['decideSuspension'],
    });
    const { wrapper, calls } = await boardWith(DispatcherBoard, 'approvals', item);
    const buttons = wrapper.findAll('[data-command="decideSuspension"]').map((b) => b.text());
    expect(buttons).toEqual(['批准A', '驳回N']);
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'n' }));
    await flushPromises();
    const sent = calls.filter((c) => c.method === 'POST');
    expect(sent.map((c) => [c.path, c.body])).toEqual([
      [`/api/dispatch/cases/${item.id}/suspension/decide`, { approve: false, expectedVersion: 4 }],
    ]);
  });

  it('a shortcut whose command the case does not allow sends nothing', async () => {
    // Verified, but this person may not file it (the server says so): F does nothing.
    const item = aCase({ state: 'verified', allowedCommands: ['reject'] });
    const { wrapper, calls } = await boardWith(ShiftLeadBoard, 'toFile', item);
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'f' }));
    await flushPromises();
    expect(calls.filter((c) => c.method === 'POST')).toEqual([]);
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'r' }));
    await flushPromises();
    expect(wrapper.find('[role="dialog"]').attributes('aria-label')).toBe('不予立案');
  });

  it('a command the board does not name is offered plainly when the case allows it: sent at once, or with a reason', async () => {
    // Someone who is shift lead and handler both: 签收 and 回退 are theirs on this case too.
    const item = aCase({ state: 'dispatched', version: 2, allowedCommands: ['cancel', 'accept', 'return'] });
    const { wrapper, calls } = await boardWith(ShiftLeadBoard, 'open', item);
    expect(shownCommands(wrapper)).toEqual(['accept', 'cancel', 'return']);
    expect(wrapper.find('[data-command="accept"]').text()).toBe('签收');
    await wrapper.find('[data-command="accept"]').trigger('click');
    await flushPromises();
    await wrapper.find('[data-command="return"]').trigger('click');
    const dialog = wrapper.find('[role="dialog"]');
    expect(dialog.attributes('aria-label')).toBe('回退');
    await dialog.find('input, textarea').setValue('不归本部门');
    await dialog.trigger('submit');
    await flushPromises();
    expect(calls.filter((c) => c.method === 'POST').map((c) => [c.path, c.body])).toEqual([
      [`/api/handling/cases/${item.id}/accept`, { expectedVersion: 2 }],
      [`/api/handling/cases/${item.id}/return`, { reason: '不归本部门', expectedVersion: 2 }],
    ]);
  });
});
