import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { aUser } from '../test-support/fake-api';
import { useAuthStore } from './auth';
import { type LiveEvent, type LiveSocket, parseLiveMessage, reconnectDelay, useLiveStore } from './live';

class FakeSocket implements LiveSocket {
  onopen: ((event: Event) => void) | null = null;
  onmessage: ((event: MessageEvent) => void) | null = null;
  onclose: ((event: CloseEvent) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  closed = false;
  constructor(readonly url: string) {}
  close(): void {
    this.closed = true;
  }
  open(): void {
    this.onopen?.(new Event('open'));
  }
  send(data: string): void {
    this.onmessage?.(new MessageEvent('message', { data }));
  }
  drop(code = 1006): void {
    this.onclose?.(new CloseEvent('close', { code }));
  }
}

const message = {
  type: 'case.changed',
  caseId: '7',
  caseNo: 'N7',
  state: 'filed',
  version: 4,
  at: '2026-07-01T08:00:00Z',
};

const notice = {
  type: 'notice',
  id: 'n1',
  caseId: '7',
  caseNo: 'N7',
  audience: 'department',
  event: 'case.dispatched',
  urgent: false,
  at: '2026-07-01T08:00:00.000Z',
};

describe('live store', () => {
  let sockets: FakeSocket[];

  beforeEach(() => {
    setActivePinia(createPinia());
    localStorage.clear();
    vi.useFakeTimers();
    sockets = [];
    useAuthStore().session = {
      token: 'tok',
      user: aUser({ username: 'dispatcher1', displayName: 'D', roles: ['dispatcher'] }),
      refreshToken: 'refresh',
      expiresAt: '2099-01-01T00:00:00Z',
      expiresAtMs: null,
    };
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  function start() {
    const live = useLiveStore();
    const events: LiveEvent[] = [];
    live.subscribe((e) => events.push(e));
    live.start((url) => {
      const socket = new FakeSocket(url);
      sockets.push(socket);
      return socket;
    });
    return { live, events };
  }

  it('connects with the token and passes case changes to listeners', async () => {
    const { live, events } = start();
    await vi.waitFor(() => expect(sockets).toHaveLength(1));
    expect(sockets[0]?.url).toContain('/api/live?token=tok');
    sockets[0]?.open();
    expect(live.status).toBe('open');
    sockets[0]?.send(JSON.stringify(message));
    sockets[0]?.send('not json');
    expect(events).toEqual([message]);
  });

  it('hands notices to the inbox and not to the boards', async () => {
    const { live, events } = start();
    const notices: unknown[] = [];
    live.subscribeNotices((n) => notices.push(n));
    await vi.waitFor(() => expect(sockets).toHaveLength(1));
    sockets[0]?.open();
    sockets[0]?.send(JSON.stringify(notice));
    sockets[0]?.send(JSON.stringify(message));
    expect(notices).toEqual([notice]);
    expect(events).toEqual([message]);
  });

  it('reconnects after a drop and asks boards to reload what they missed', async () => {
    const { live, events } = start();
    await vi.waitFor(() => expect(sockets).toHaveLength(1));
    sockets[0]?.open();
    sockets[0]?.drop();
    expect(live.status).toBe('closed');
    await vi.advanceTimersByTimeAsync(backoffCeiling(0));
    expect(sockets).toHaveLength(2);
    sockets[1]?.open();
    expect(events).toEqual([{ type: 'resync' }]);
  });

  it('stops for good when signed out', async () => {
    const { live } = start();
    await vi.waitFor(() => expect(sockets).toHaveLength(1));
    live.stop();
    expect(sockets[0]?.closed).toBe(true);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(sockets).toHaveLength(1);
    expect(live.status).toBe('idle');
  });
});

const backoffCeiling = (attempt: number) => reconnectDelay(attempt, () => 1);

describe('reconnect delay', () => {
  it('doubles from one second up to thirty, with jitter', () => {
    expect(reconnectDelay(0, () => 0.5)).toBe(1000);
    expect(reconnectDelay(3, () => 0.5)).toBe(8000);
    expect(reconnectDelay(10, () => 0.5)).toBe(30_000);
    expect(reconnectDelay(0, () => 0)).toBe(800);
    expect(reconnectDelay(0, () => 1)).toBe(1200);
  });
});

describe('live messages', () => {
  it('accepts case.changed with a known state and refuses anything else', () => {
    expect(parseLiveMessage(JSON.stringify(message))).toEqual(message);
    expect(parseLiveMessage(JSON.stringify({ ...message, state: 'lost' }))).toBeNull();
    expect(parseLiveMessage(JSON.stringify({ type: 'hello' }))).toBeNull();
    expect(parseLiveMessage('{')).toBeNull();
  });

  it('reads a notice, keeps only its public fields, and refuses an incomplete one', () => {
    expect(parseLiveMessage(JSON.stringify({ ...notice, recipients: ['handler1'] }))).toEqual(notice);
    expect(parseLiveMessage(JSON.stringify({ ...notice, caseNo: undefined }))).toBeNull();
    expect(parseLiveMessage(JSON.stringify({ ...notice, id: 5 }))).toBeNull();
  });
});
