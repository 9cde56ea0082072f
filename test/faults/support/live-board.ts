/** A board's live socket (`/api/live`), as a console keeps one open: every case change it hears. */
import { parseLiveEvent } from '@urbangrid/live';
import { WebSocket } from 'ws';

export interface LiveBoard {
  readonly heard: ReadonlyArray<{ caseId: string; version: number; at: number }>;
  /** Whether it has heard of any of `caseIds`. */
  heardAny(caseIds: ReadonlySet<string>): boolean;
  open(): boolean;
  close(): void;
}

export async function openBoard(baseUrl: string, token: string): Promise<LiveBoard> {
  const heard: Array<{ caseId: string; version: number; at: number }> = [];
  const socket = new WebSocket(`${baseUrl.replace('http', 'ws')}/api/live?token=${token}`);
  socket.on('message', (data) => {
    const event = parseLiveEvent(String(data));
    if (event?.type === 'case.changed')
      heard.push({ caseId: event.caseId, version: event.version, at: Date.now() });
  });
  socket.on('error', () => undefined);
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  return {
    heard,
    heardAny: (caseIds) => heard.some((h) => caseIds.has(h.caseId)),
    open: () => socket.readyState === WebSocket.OPEN,
    close: () => socket.close(),
  };
}
