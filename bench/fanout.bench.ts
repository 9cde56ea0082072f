/**
 * Issue 10: live fan-out — p99 from a command to 1,000 WebSocket clients (goal ≤ 100 ms).
 *
 * 1,000 clients hold `/api/live` open (as the city-wide shift lead, dispatcher and supervisor, in
 * turn); then reports are sent one at a time and each client notes when the report's first
 * `case.changed` arrives (after three reports not counted: the first after start-up pays for cold
 * caches and JIT, ~270 ms, which alone was over 1 % of the deliveries). A latency is that arrival
 * minus the moment the report request was sent, so it covers the command's transaction, the Redis
 * channel and the hub's send to every client.
 * Baseline: a bare `ws` server in a child process broadcasting to the same number of clients on an
 * HTTP request, measured the same way. BENCH_CLIENTS (default 1,000) and BENCH_COMMANDS (default
 * 40) shorten a run.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import WebSocket from 'ws';
import type { BenchFigure } from './bench-figure.js';
import { seededRandom } from './measure.js';
import { freePort, repositoryRoot } from './support/all-in-one.js';
import { signIn, startBenchSystem } from './support/bench-system.js';

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 1_000);
const COMMANDS = Number(process.env.BENCH_COMMANDS ?? 40);
const PAUSE_MS = 150;
/** Triggers sent first and not counted: the first report after start-up pays for cold caches. */
const WARM_UP = 3;

interface Clients {
  /** Each client's arrival time (performance.now()) of the first message about `caseId`. */
  arrivals(caseId: string, timeoutMs: number): Promise<{ times: number[]; missing: number }>;
  close(): void;
}

/** Opens `count` sockets, 50 at a time; each notes when it first hears of each case id. */
async function openClients(urls: readonly string[], count: number): Promise<Clients> {
  const sockets: WebSocket[] = [];
  const firstSeen: Array<Map<string, number>> = [];
  for (let i = 0; i < count; i += 50) {
    await Promise.all(
      Array.from({ length: Math.min(50, count - i) }, (_, j) => {
        const index = i + j;
        const seen = new Map<string, number>();
        firstSeen[index] = seen;
        const socket = new WebSocket(urls[index % urls.length] ?? '');
        sockets[index] = socket;
        socket.on('message', (data) => {
          const at = performance.now();
          const caseId = (JSON.parse(String(data)) as { caseId?: unknown }).caseId;
          if (typeof caseId === 'string' && !seen.has(caseId)) seen.set(caseId, at);
        });
        return new Promise<void>((resolve, reject) => {
          socket.once('open', () => resolve());
          socket.once('error', reject);
        });
      }),
    );
  }
  return {
    async arrivals(caseId, timeoutMs) {
      const giveUpAt = performance.now() + timeoutMs;
      const heard = () => firstSeen.filter((seen) => seen.has(caseId)).length;
      while (heard() < count && performance.now() < giveUpAt) await new Promise((r) => setTimeout(r, 5));
      const times = firstSeen.flatMap((seen) => {
        const at = seen.get(caseId);
        seen.delete(caseId);
        return at === undefined ? [] : [at];
      });
      return { times, missing: count - times.length };
    },
    close() {
      for (const socket of sockets) socket.terminate();
    },
  };
}

const quantile = (values: readonly number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? Number.NaN;
};

/**
 * Sends WARM_UP then COMMANDS triggers one at a time; for the counted ones, every client's latency from the trigger's start to its
 * first message about the case the trigger names (which may arrive before the trigger's answer).
 */
async function measure(
  clients: Clients,
  trigger: (n: number) => Promise<string>,
): Promise<{ latencies: number[]; missing: number }> {
  const latencies: number[] = [];
  let missing = 0;
  for (let n = -WARM_UP; n < COMMANDS; n++) {
    const sent = performance.now();
    const caseId = await trigger(n);
    const { times, missing: lost } = await clients.arrivals(caseId, 10_000);
    if (n >= 0) {
      missing += lost;
      for (const t of times) latencies.push(t - sent);
    }
    await new Promise((r) => setTimeout(r, PAUSE_MS));
  }
  return { latencies, missing };
}

async function startBroadcastServer(): Promise<{ port: number; stop: () => void }> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(repositoryRoot, 'bench/support/broadcast-server.ts'), String(port)],
    { cwd: repositoryRoot, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  await new Promise<void>((resolve, reject) => {
    child.stdout?.once('data', () => resolve());
    child.once('exit', () => reject(new Error('the broadcast server exited')));
  });
  return { port, stop: () => child.kill('SIGTERM') };
}

export async function run(): Promise<BenchFigure[]> {
  const system = await startBenchSystem('fanout');
  const broadcast = await startBroadcastServer();
  let subjectClients: Clients | undefined;
  let baselineClients: Clients | undefined;
  try {
    const base = system.app.baseUrl;
    const watchers = await Promise.all(
      ['shiftlead1', 'dispatcher1', 'supervisor1'].map((u) => signIn(base, u)),
    );
    const operator = await signIn(base, 'operator1');
    const wsBase = base.replace(/^http/, 'ws');
    subjectClients = await openClients(
      watchers.map((token) => `${wsBase}/api/live?token=${encodeURIComponent(token)}`),
      CLIENTS,
    );
    baselineClients = await openClients([`ws://127.0.0.1:${broadcast.port}/`], CLIENTS);

    const random = seededRandom(42);
    const subject = await measure(subjectClients, async (n) => {
      const tag = `fanout-${process.pid}-${n}`;
      const response = await fetch(`${base}/api/intake/reports`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${operator}`,
          'content-type': 'application/json',
          'idempotency-key': tag,
        },
        body: JSON.stringify({
          source: 'hotline',
          categoryCode: 'E0101',
          description: `暴露垃圾 [${tag}]`,
          location: { lat: 40.8 + random() * 0.06, lng: 111.62 + random() * 0.1 },
        }),
      });
      const body = (await response.json()) as { id?: string };
      if (response.status !== 201 || body.id === undefined)
        throw new Error(`report answered ${response.status}`);
      return body.id;
    });
    const baseline = await measure(baselineClients, async (n) => {
      const tag = `fanout-${process.pid}-${n}`;
      await fetch(`http://127.0.0.1:${broadcast.port}/broadcast?tag=${tag}`, { method: 'POST' });
      return tag;
    });
    return [
      {
        name: `live fan-out p99 to ${CLIENTS.toLocaleString('en-US')} WebSocket clients`,
        value: Math.round(quantile(subject.latencies, 0.99) * 10) / 10,
        unit: 'ms',
        goal: { op: '<=', value: 100 },
        baseline: {
          name: 'bare ws broadcast p99',
          value: Math.round(quantile(baseline.latencies, 0.99) * 10) / 10,
          unit: 'ms',
        },
        notes:
          `${COMMANDS} reports sent one at a time after ${WARM_UP} not counted, ${CLIENTS} clients on /api/live (shift lead, dispatcher and ` +
          `supervisor tokens) in the bench process; latency = the client's receipt of the report's first ` +
          `case.changed minus the moment the report request was sent (command transaction + Redis channel + hub). ` +
          `p50 ${quantile(subject.latencies, 0.5).toFixed(1)} ms over ${subject.latencies.length} deliveries, ` +
          `${subject.missing} missing. Baseline: a bare ws server in a child process broadcasting to ${CLIENTS} ` +
          `clients on an HTTP POST (p50 ${quantile(baseline.latencies, 0.5).toFixed(1)} ms, ${baseline.missing} missing).`,
      },
    ];
  } finally {
    subjectClients?.close();
    baselineClients?.close();
    broadcast.stop();
    await system.close();
  }
}
