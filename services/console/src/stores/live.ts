/**
 * The live connection to `/api/live`: one WebSocket per tab, reconnected with exponential backoff
 * after any close. A close with 4401 means the token expired: the next attempt takes a fresh one.
 * After a reconnect the boards reload their queues, since messages sent while away are lost.
 * The socket carries two kinds of message: `case.changed` (to the boards, with `subscribe`) and
 * `notice` (to the notice inbox, with `subscribeNotices`); anything else is ignored.
 */

import { type CaseChangedEvent, type NoticeEvent, parseLiveEvent } from '@urbangrid/live';
import { defineStore } from 'pinia';
import { ref } from 'vue';
import { z } from 'zod';
import { type CaseState, caseStates } from '../api/contract';
import { liveUrl } from '../api/live-url';
import { useAuthStore } from './auth';

/** A `case.changed` of `/api/live` (@urbangrid/live), its state one the console knows. */
export type CaseChanged = CaseChangedEvent & { state: CaseState };
/** A `notice` of `/api/live`: one just stored for the signed-in person. */
export type LiveNotice = NoticeEvent;
export type LiveEvent = CaseChanged | { type: 'resync' };
export type LiveListener = (event: LiveEvent) => void;
export type NoticeListener = (notice: LiveNotice) => void;
/** What the socket may carry, once read. */
export type LiveMessage = CaseChanged | LiveNotice;
export type LiveStatus = 'idle' | 'connecting' | 'open' | 'closed';

/** The part of WebSocket the store uses, so tests can hand it a fake. */
export interface LiveSocket {
  onopen: ((event: Event) => void) | null;
  onmessage: ((event: MessageEvent) => void) | null;
  onclose: ((event: CloseEvent) => void) | null;
  onerror: ((event: Event) => void) | null;
  close(code?: number, reason?: string): void;
}

export type SocketFactory = (url: string) => LiveSocket;

export const backoffBaseMs = 1_000;
export const backoffMaxMs = 30_000;

/** Delay before reconnect attempt `attempt` (0-based): doubling from 1 s up to 30 s, ±20 % jitter. */
export function reconnectDelay(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(backoffMaxMs, backoffBaseMs * 2 ** attempt);
  return Math.round(base * (0.8 + 0.4 * random()));
}

/** The states of the generated contract: a state the console does not know is not a change it can show. */
const caseStateSchema = z.enum(caseStates);

/**
 * A `case.changed` with a known state or a complete `notice`, read with the live channel's own
 * schema (so only the public fields); null for anything else.
 */
export function parseLiveMessage(data: unknown): LiveMessage | null {
  const event = parseLiveEvent(data);
  if (event?.type !== 'case.changed') return event;
  const state = caseStateSchema.safeParse(event.state);
  return state.success ? { ...event, state: state.data } : null;
}

const browserSocket: SocketFactory = (url) => new WebSocket(url);

export const useLiveStore = defineStore('live', () => {
  const status = ref<LiveStatus>('idle');
  const attempt = ref(0);
  const listeners = new Set<LiveListener>();
  const noticeListeners = new Set<NoticeListener>();
  let socketFactory: SocketFactory = browserSocket;
  let socket: LiveSocket | null = null;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let wanted = false;
  let hadConnection = false;

  function emit(event: LiveEvent): void {
    for (const listener of listeners) listener(event);
  }

  function scheduleReconnect(): void {
    clearTimeout(retryTimer);
    const delay = reconnectDelay(attempt.value);
    attempt.value += 1;
    retryTimer = setTimeout(() => void open(), delay);
  }

  async function open(): Promise<void> {
    if (!wanted || socket) return;
    const auth = useAuthStore();
    const token = await auth.accessToken();
    if (!wanted || socket) return;
    if (!token) {
      status.value = 'closed';
      return;
    }
    status.value = 'connecting';
    const ws = socketFactory(liveUrl(token));
    socket = ws;
    ws.onopen = () => {
      status.value = 'open';
      attempt.value = 0;
      if (hadConnection) emit({ type: 'resync' });
      hadConnection = true;
    };
    ws.onmessage = (event) => {
      const message = parseLiveMessage(event.data);
      if (message?.type === 'notice') for (const listener of noticeListeners) listener(message);
      else if (message) emit(message);
    };
    ws.onclose = (event) => {
      if (socket !== ws) return;
      socket = null;
      status.value = 'closed';
      if (!wanted) return;
      // The token expired on the server's side: refresh before the next attempt.
      if (event.code === 4401) void auth.refresh();
      scheduleReconnect();
    };
    ws.onerror = () => undefined;
  }

  function start(factory?: SocketFactory): void {
    if (factory) socketFactory = factory;
    if (wanted) return;
    wanted = true;
    void open();
  }

  function stop(): void {
    wanted = false;
    hadConnection = false;
    clearTimeout(retryTimer);
    attempt.value = 0;
    const current = socket;
    socket = null;
    current?.close(1000, 'signed out');
    status.value = 'idle';
  }

  function subscribe(listener: LiveListener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  }

  /** New notices for the signed-in person; a reconnect is told to `subscribe`rs as `resync`. */
  function subscribeNotices(listener: NoticeListener): () => void {
    noticeListeners.add(listener);
    return () => noticeListeners.delete(listener);
  }

  return { status, attempt, start, stop, subscribe, subscribeNotices };
});
