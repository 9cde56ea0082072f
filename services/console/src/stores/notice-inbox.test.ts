import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Notice } from '../api/contract';

import { aUser, fakeApi, problem } from '../test-support/fake-api';
import { useAuthStore } from './auth';
import { type LiveNotice, type LiveSocket, reconnectDelay, useLiveStore } from './live';
import { useNoticeInboxStore } from './notice-inbox';

const notice = (id: string, more: Partial<Notice> = {}): Notice => ({
  id,
  caseId: `c${id}`,
  caseNo: `15010226070100${id.padStart(2, '0')}`,
  event: 'case.dispatched',
  data: null,
  urgent: false,
  audience: 'department',
  at: `2026-07-01T08:${id.padStart(2, '0')}:00.000Z`,
  read: false,
  ...more,
});

const live = (id: string, more: Partial<LiveNotice> = {}): LiveNotice => {
  // Only case notices are announced live.
  const { read: _read, data: _data, caseId, caseNo, ...rest } = notice(id);
  return { type: 'notice', ...rest, caseId: caseId ?? '', caseNo: caseNo ?? '', ...more };
};

/** The inbox as the server keeps it: newest first, read state per id. */
function inboxServer(initial: Notice[]) {
  const stored = [...initial];
  const unread = () => stored.filter((n) => !n.read).length;
  const api = fakeApi({
    'GET /api/notices': () => ({ json: { items: stored.map((n) => ({ ...n })), unread: unread() } }),
    'POST /api/notices/read': ({ body }) => {
      const ids = (body as { ids?: string[] }).ids;
      for (const n of stored) if (!ids || ids.includes(n.id)) n.read = true;
      return { json: { unread: unread() } };
    },
  });
  return { ...api, stored };
}

describe('notice inbox store', () => {
  beforeEach(() => setActivePinia(createPinia()));
  afterEach(() => {
    vi.useRealTimers();
  });

  it('loads my latest notices and the unread count', async () => {
    const { calls } = inboxServer([notice('3'), notice('2', { read: true }), notice('1')]);
    const inbox = useNoticeInboxStore();
    await inbox.load();
    expect(calls[0]?.path).toBe('/api/notices');
    expect(calls[0]?.query.get('limit')).toBe('50');
    expect(inbox.items.map((n) => n.id)).toEqual(['3', '2', '1']);
    expect(inbox.unread).toBe(2);
    expect(inbox.loaded).toBe(true);
  });

  it('puts a live notice on top and counts it unread, once however often it comes', async () => {
    inboxServer([notice('1')]);
    const inbox = useNoticeInboxStore();
    await inbox.load();
    inbox.receive(live('2', { event: 'task.verification' }));
    inbox.receive(live('2', { event: 'task.verification' }));
    expect(inbox.items.map((n) => [n.id, n.event, n.read])).toEqual([
      ['2', 'task.verification', false],
      ['1', 'case.dispatched', false],
    ]);
    expect(inbox.unread).toBe(2);
  });

  it('keeps one row per notice when a reload brings back one that came live', async () => {
    const { stored } = inboxServer([notice('1')]);
    const inbox = useNoticeInboxStore();
    await inbox.load();
    inbox.receive(live('2'));
    stored.unshift(notice('2'));
    await inbox.load();
    expect(inbox.items.map((n) => n.id)).toEqual(['2', '1']);
    expect(inbox.unread).toBe(2);
  });

  it('keeps a notice that came live while a load was out, and counts it', async () => {
    inboxServer([notice('1')]);
    const inbox = useNoticeInboxStore();
    const loading = inbox.load();
    inbox.receive(live('2'));
    await loading;
    expect(inbox.items.map((n) => n.id)).toEqual(['2', '1']);
    expect(inbox.unread).toBe(2);
  });

  it('marks one notice read and shows the count the server answers', async () => {
    const { calls, stored } = inboxServer([notice('2'), notice('1')]);
    const inbox = useNoticeInboxStore();
    await inbox.load();
    // Another tab read one meanwhile: the server's answer counts it.
    const other = stored[1];
    if (other) other.read = true;
    await inbox.markRead('2');
    expect(calls.at(-1)?.body).toEqual({ ids: ['2'] });
    expect(inbox.items.find((n) => n.id === '2')?.read).toBe(true);
    expect(inbox.unread).toBe(0);
    // Already read: nothing to send.
    const sent = calls.length;
    await inbox.markRead('2');
    expect(calls.length).toBe(sent);
  });

  it('marks all read with no ids', async () => {
    const { calls } = inboxServer([notice('2'), notice('1')]);
    const inbox = useNoticeInboxStore();
    await inbox.load();
    await inbox.markAllRead();
    expect(calls.at(-1)?.body).toEqual({});
    expect(inbox.unread).toBe(0);
    expect(inbox.items.every((n) => n.read)).toBe(true);
  });

  it('keeps the notice unread and says why when marking fails', async () => {
    fakeApi({
      'GET /api/notices': () => ({ json: { items: [notice('1')], unread: 1 } }),
      'POST /api/notices/read': () => problem(503, 'UNKNOWN', 'database away'),
    });
    const inbox = useNoticeInboxStore();
    await inbox.load();
    await inbox.markRead('1');
    expect(inbox.unread).toBe(1);
    expect(inbox.items[0]?.read).toBe(false);
    expect(inbox.error?.detail).toBe('database away');
  });

  it('shows a failed load as an error', async () => {
    fakeApi({ 'GET /api/notices': () => problem(500, 'UNKNOWN', 'boom') });
    const inbox = useNoticeInboxStore();
    await inbox.load();
    expect(inbox.error?.status).toBe(500);
    expect(inbox.loaded).toBe(false);
    expect(inbox.loading).toBe(false);
  });

  it('takes notices from the live socket, reloads after a reconnect, and forgets all at sign-out', async () => {
    vi.useFakeTimers();
    useAuthStore().session = {
      token: 'tok',
      user: aUser({ username: 'handler1', displayName: 'H', roles: ['department_handler'] }),
      refreshToken: 'refresh',
      expiresAt: '2099-01-01T00:00:00Z',
      expiresAtMs: null,
    };
    const { calls } = inboxServer([notice('1')]);
    const sockets: FakeSocket[] = [];
    const socket = useLiveStore();
    socket.start((url) => {
      const s = new FakeSocket(url);
      sockets.push(s);
      return s;
    });
    const inbox = useNoticeInboxStore();
    inbox.start();
    await vi.waitFor(() => expect(inbox.loaded && sockets.length === 1).toBe(true));
    sockets[0]?.open();
    sockets[0]?.send({ ...live('2'), recipients: ['handler1'] });
    sockets[0]?.send({ type: 'notice', id: '3' });
    expect(inbox.items.map((n) => n.id)).toEqual(['2', '1']);
    expect(inbox.items[0]).not.toHaveProperty('recipients');
    expect(inbox.unread).toBe(2);

    const loads = () => calls.filter((c) => c.method === 'GET').length;
    const before = loads();
    // The socket drops and comes back: what was sent meanwhile is on the server.
    sockets[0]?.drop();
    await vi.advanceTimersByTimeAsync(reconnectDelay(0, () => 1));
    expect(sockets).toHaveLength(2);
    sockets[1]?.open();
    await vi.waitFor(() => expect(loads()).toBe(before + 1));

    inbox.stop();
    socket.stop();
    expect(inbox.items).toEqual([]);
    expect(inbox.unread).toBe(0);
    sockets[1]?.send(live('4'));
    expect(inbox.items).toEqual([]);
  });
});

class FakeSocket implements LiveSocket {
  onopen: ((event: Event) => void) | null = null;
  onmessage: ((event: MessageEvent) => void) | null = null;
  onclose: ((event: CloseEvent) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  constructor(readonly url: string) {}
  close(): void {}
  open(): void {
    this.onopen?.(new Event('open'));
  }
  send(message: unknown): void {
    this.onmessage?.(new MessageEvent('message', { data: JSON.stringify(message) }));
  }
  drop(): void {
    this.onclose?.(new CloseEvent('close', { code: 1006 }));
  }
}
