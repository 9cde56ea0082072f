/**
 * Listens to `/api/live` as a city-wide user, so a simulated person waiting for a worker (the
 * verification task assigned, the check task after a fix) wakes as soon as the case changes
 * instead of polling. The socket reconnects after an outage; a wait that times out just makes the
 * caller read the case again, so a lost message costs a poll, never a stuck case.
 */
import WebSocket from 'ws';
import { z } from 'zod';
import type { ApiClient } from './api-client.js';

const liveEventSchema = z.looseObject({
  type: z.literal('case.changed'),
  caseId: z.string(),
  version: z.number(),
});

export interface LiveWatch {
  /** Resolves when the case reaches a version above `version`, or after `timeoutMs`. */
  changed(caseId: string, version: number, timeoutMs: number): Promise<void>;
  /** Drops what is known of a finished case. */
  forget(caseId: string): void;
  /** Messages received so far. */
  received(): number;
  close(): void;
}

interface Waiter {
  version: number;
  wake: () => void;
}

export async function startLiveWatch(api: ApiClient, user: string): Promise<LiveWatch> {
  const latest = new Map<string, number>();
  const waiters = new Map<string, Set<Waiter>>();
  let socket: WebSocket | undefined;
  let closed = false;
  let count = 0;

  const deliver = (caseId: string, version: number) => {
    count++;
    if ((latest.get(caseId) ?? 0) < version) latest.set(caseId, version);
    for (const waiter of waiters.get(caseId) ?? []) if (version > waiter.version) waiter.wake();
  };

  const connect = async (): Promise<void> => {
    if (closed) return;
    let token: string;
    try {
      token = await api.token(user);
    } catch {
      setTimeout(() => void connect(), 1_000).unref();
      return;
    }
    const url = `${api.baseUrl.replace(/^http/, 'ws')}/api/live?token=${encodeURIComponent(token)}`;
    const ws = new WebSocket(url);
    socket = ws;
    ws.on('message', (data) => {
      let parsed: unknown;
      try {
        parsed = JSON.parse(String(data));
      } catch {
        return;
      }
      const event = liveEventSchema.safeParse(parsed);
      if (event.success) deliver(event.data.caseId, event.data.version);
    });
    ws.on('error', () => undefined);
    ws.on('close', () => {
      if (!closed) setTimeout(() => void connect(), 1_000).unref();
    });
  };
  await connect();

  return {
    changed(caseId, version, timeoutMs) {
      if ((latest.get(caseId) ?? 0) > version) return Promise.resolve();
      return new Promise<void>((resolve) => {
        let set = waiters.get(caseId);
        if (set === undefined) {
          set = new Set();
          waiters.set(caseId, set);
        }
        const waiter: Waiter = {
          version,
          wake: () => {
            clearTimeout(timer);
            set.delete(waiter);
            if (set.size === 0) waiters.delete(caseId);
            resolve();
          },
        };
        const timer = setTimeout(waiter.wake, timeoutMs);
        set.add(waiter);
      });
    },
    forget: (caseId) => {
      latest.delete(caseId);
    },
    received: () => count,
    close() {
      closed = true;
      socket?.close();
      for (const set of waiters.values()) for (const waiter of set) waiter.wake();
    },
  };
}
