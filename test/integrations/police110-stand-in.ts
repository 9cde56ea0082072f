/**
 * A small stand-in of the 110 police dispatch for the tests, over real HTTP both ways: it takes our
 * webhook deliveries (checking their signature with its subscription's secret, keeping what came)
 * and calls our 110 routes signed with its key's signing secret, as README "110 linkage" documents
 * for a real 110. When a case is handed over to it, it answers the delivery and then, like a desk
 * that takes the case, posts its reference and `accepted` back.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface DeliveryTo110 {
  raw: string;
  signatureValid: boolean;
  body: {
    id: string;
    event: string;
    occurredAt: string;
    case: Record<string, unknown> & {
      id: string;
      caseNo: string;
      state: string;
      police110?: { callId: string };
      handover?: { reason: string };
    };
  };
}

export interface Police110StandIn {
  readonly url: string;
  /** The signing secret of its key, as the admin handed it over. */
  readonly signingSecret: string;
  readonly received: DeliveryTo110[];
  /** The references it gave cases handed over to it, by case number. */
  readonly references: Map<string, string>;
  /** Our subscription's secret, once the admin made it. */
  subscriptionSecret: string;
  /** POSTs `body` to one of our 110 routes, signed (or as `signature` says). */
  send(
    path: string,
    body: unknown,
    signature?: (raw: string) => string,
  ): Promise<{ status: number; body: unknown }>;
  stop(): Promise<void>;
}

/** 110's side of README "110 linkage": HMAC-SHA256 of "<t>.<raw body>". */
export function sign(secret: string, raw: string, at = new Date()): string {
  const t = Math.floor(at.getTime() / 1000);
  return `t=${t},v1=${createHmac('sha256', secret).update(`${t}.${raw}`).digest('hex')}`;
}

function verifies(secret: string, header: string, raw: string): boolean {
  const match = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header);
  if (match === null || secret === '') return false;
  const expected = createHmac('sha256', secret).update(`${match[1]}.${raw}`).digest();
  return timingSafeEqual(expected, Buffer.from(match[2] ?? '', 'hex'));
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function startPolice110StandIn(options: {
  /** Where our system answers (a real listening address). */
  ourUrl: string;
  apiKey: string;
  signingSecret: string;
}): Promise<Police110StandIn> {
  const received: DeliveryTo110[] = [];
  const references = new Map<string, string>();
  let updates = 0;

  const send: Police110StandIn['send'] = async (path, body, signature) => {
    const raw = JSON.stringify(body);
    const response = await fetch(`${options.ourUrl}${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-api-key': options.apiKey,
        'x-urbangrid-signature': signature ? signature(raw) : sign(options.signingSecret, raw),
      },
      body: raw,
    });
    return { status: response.status, body: await response.json() };
  };

  const standIn: Police110StandIn = {
    url: '',
    signingSecret: options.signingSecret,
    received,
    references,
    subscriptionSecret: '',
    send,
    stop: async () => undefined,
  };

  // What a 110 desk does with a case handed over to it: take it under a reference of its own.
  const takeOver = async (delivery: DeliveryTo110) => {
    const { caseNo } = delivery.body.case;
    updates += 1;
    const reference = `JJ20260302${String(updates).padStart(4, '0')}`;
    references.set(caseNo, reference);
    await send('/api/intake/police110/updates', {
      updateId: `upd-${reference}-accepted`,
      caseNo,
      reference,
      status: 'accepted',
      note: '已接警',
      occurredAt: new Date().toISOString(),
    });
  };

  const server: Server = createServer(async (request, response) => {
    const raw = await readBody(request);
    const delivery: DeliveryTo110 = {
      raw,
      signatureValid: verifies(
        standIn.subscriptionSecret,
        String(request.headers['x-urbangrid-signature'] ?? ''),
        raw,
      ),
      body: JSON.parse(raw) as DeliveryTo110['body'],
    };
    received.push(delivery);
    response.writeHead(delivery.signatureValid ? 200 : 401).end();
    if (delivery.signatureValid && delivery.body.event === 'case.handedTo110') {
      setImmediate(() => void takeOver(delivery).catch(() => undefined));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(standIn, {
    url: `http://127.0.0.1:${port}/urbangrid/webhooks`,
    stop: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  });
}
