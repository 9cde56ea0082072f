/**
 * A real HTTP receiver of webhooks for the tests: it keeps every request it got (raw body and
 * headers) and answers what the test tells it to, when it tells it to; it can go down (its port
 * refuses connections) and come back on the same port.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedDelivery {
  raw: string;
  body: {
    id: string;
    event: string;
    occurredAt: string;
    case: Record<string, unknown> & { id: string; version: number };
  };
  signature: string;
  deliveryHeader: string;
}

export type Answer = (delivery: ReceivedDelivery) => number | Promise<number>;

export interface Receiver {
  readonly url: string;
  readonly received: ReceivedDelivery[];
  /** How it answers from now on (default 200 at once). */
  answer: Answer;
  /** Goes down: connections to its port are refused. */
  stop(): Promise<void>;
  /** Comes back on the same port. */
  start(): Promise<void>;
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function startReceiver(): Promise<Receiver> {
  const received: ReceivedDelivery[] = [];
  let server: Server | null = null;
  let port = 0;
  const receiver: Receiver = {
    get url() {
      return `http://127.0.0.1:${port}/hooks`;
    },
    received,
    answer: () => 200,
    async start() {
      const next = createServer(async (request, response) => {
        const raw = await readBody(request);
        const delivery: ReceivedDelivery = {
          raw,
          body: JSON.parse(raw) as ReceivedDelivery['body'],
          signature: String(request.headers['x-urbangrid-signature'] ?? ''),
          deliveryHeader: String(request.headers['x-urbangrid-delivery'] ?? ''),
        };
        received.push(delivery);
        const status = await receiver.answer(delivery);
        response.writeHead(status, { 'content-type': 'text/plain' }).end('ok');
      });
      await new Promise<void>((resolve) => next.listen(port, '127.0.0.1', resolve));
      port = (next.address() as AddressInfo).port;
      server = next;
    },
    async stop() {
      const current = server;
      server = null;
      if (current === null) return;
      current.closeAllConnections();
      await new Promise<void>((resolve) => current.close(() => resolve()));
    },
  };
  await receiver.start();
  return receiver;
}
