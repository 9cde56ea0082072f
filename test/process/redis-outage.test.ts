/**
 * Issue 13 point 1: Redis killed under running processes — the all-in-one, an API-only one
 * (WORKERS=false) and a worker-only one (HTTP=false) — and started again after a while. None exits.
 * While Redis is away reports and commands are acknowledged (they are in PostgreSQL; the outbox
 * waits) and /health names Redis; within seconds of its return the same processes (no restart)
 * drain the outbox, the workers move the cases reported meanwhile on, and a live socket opened
 * before the outage receives case updates again.
 */
import { createDatabase, type Database } from '@urbangrid/db';
import { parseLiveEvent } from '@urbangrid/live';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type { AllInOne } from '../../bench/support/all-in-one.js';
import {
  type Answer,
  exitedProcesses,
  getJson,
  type OwnSystem,
  postReport,
  signIn,
  startOwnSystem,
} from '../faults/support/own-system.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const log = (line: string) => process.stdout.write(`[redis-outage] ${line}\n`);
const OUTAGE_MS = 8_000;

/** A board's socket: every case it hears of, with the version. */
async function openBoard(baseUrl: string, token: string) {
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
    /** Resolves when the board has heard of `caseId` (after `since`), within `ms`. */
    async hears(caseId: string, since: number, ms: number): Promise<boolean> {
      for (const giveUp = Date.now() + ms; Date.now() < giveUp; await sleep(100)) {
        if (heard.some((h) => h.caseId === caseId && h.at >= since)) return true;
      }
      return false;
    },
    close: () => socket.close(),
    open: () => socket.readyState === WebSocket.OPEN,
  };
}

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = Date.now();
  const value = await work();
  return { value, ms: Date.now() - started };
}

describe('Redis killed and started again under running processes', () => {
  let system: OwnSystem;
  let allInOne: AllInOne;
  let apiOnly: AllInOne;
  let database: Database;
  let token: string;
  const pids = new Map<string, number>();

  beforeAll(async () => {
    system = await startOwnSystem('redis-outage');
    allInOne = await system.startHttp('all-in-one');
    apiOnly = await system.startHttp('api-only', { WORKERS: 'false' });
    await system.startWorkers('workers-only');
    for (const [name, p] of system.processes) pids.set(name, p.pid);
    token = await signIn(allInOne.baseUrl);
    database = createDatabase(system.postgres.url, { max: 2 });
  });
  afterAll(async () => {
    await database?.close();
    await system?.cleanup();
  });

  const caseView = async (id: string) => (await getJson(allInOne.baseUrl, token, `/api/cases/${id}`)).body;
  /** Waits until the workers assigned the case's verification (its grid's officer). */
  const assigned = async (id: string, ms: number) => {
    for (const giveUp = Date.now() + ms; Date.now() < giveUp; await sleep(250)) {
      const view = await caseView(id);
      if (view.state === 'verifying' && typeof view.assignee === 'string') return view;
    }
    return caseView(id);
  };
  const unrelayed = async () =>
    Number(
      (
        await database.db.execute<{ n: string }>(
          sql`select count(*) as n from outbox where relayed_at is null`,
        )
      ).rows[0]?.n,
    );

  it('acknowledges reports and commands while it is away, exits nowhere, and resumes by itself', async () => {
    const boards = [await openBoard(allInOne.baseUrl, token), await openBoard(apiOnly.baseUrl, token)];
    const before = await postReport(apiOnly.baseUrl, token, 'before-outage');
    expect(before.status).toBe(201);
    const beforeId = String(before.body.id);
    const ready = await assigned(beforeId, 60_000);
    expect(ready).toMatchObject({ state: 'verifying', assignee: expect.any(String) });
    for (const board of boards) expect(await board.hears(beforeId, 0, 10_000)).toBe(true);
    const officer = await signIn(allInOne.baseUrl, String(ready.assignee));
    // Each process's first report loads its reference data (seconds on a busy machine): not the outage's.
    expect((await postReport(allInOne.baseUrl, token, 'warm-up')).status).toBe(201);

    await system.redis.stop();
    const outageStarted = Date.now();
    const during: Array<{ answer: Answer; ms: number }> = [];
    let round = 0;
    while (Date.now() - outageStarted < OUTAGE_MS) {
      for (const [i, target] of [allInOne, apiOnly].entries()) {
        const { value, ms } = await timed(() => postReport(target.baseUrl, token, `during-${round}-${i}`));
        during.push({ answer: value, ms });
      }
      const health = await getJson(apiOnly.baseUrl, token, '/health');
      expect(health.status).toBe(503);
      expect(health.body.detail).toBe('Redis did not answer');
      round++;
      await sleep(500);
    }
    // A person's command on a case reported before the outage: acknowledged too.
    const verify = await timed(() =>
      fetch(`${apiOnly.baseUrl}/api/dispatch/cases/${beforeId}/verify`, {
        method: 'POST',
        headers: { authorization: `Bearer ${officer}`, 'content-type': 'application/json' },
        body: JSON.stringify({ found: true, note: '现场核实属实', expectedVersion: ready.version }),
      }),
    );
    expect(verify.value.status, await verify.value.text()).toBe(200);
    for (const { answer } of during) expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    expect(await unrelayed()).toBeGreaterThan(0);
    expect(exitedProcesses(system)).toEqual([]);
    for (const board of boards) expect(board.open()).toBe(true);

    await system.redis.start();
    const back = Date.now();
    const outageMs = back - outageStarted;
    await allInOne.healthy(30_000);
    await apiOnly.healthy(30_000);
    const healthyMs = Date.now() - back;
    // The relays hand over what waited…
    while ((await unrelayed()) > 0 && Date.now() - back < 30_000) await sleep(200);
    const drainedMs = Date.now() - back;
    expect(await unrelayed()).toBe(0);
    // …the workers take it on…
    const ids = during.map(({ answer }) => String(answer.body.id));
    for (const id of ids) {
      expect(await assigned(id, 30_000), id).toMatchObject({
        state: 'verifying',
        assignee: expect.any(String),
      });
    }
    const resumedMs = Date.now() - back;
    // …and every board hears of cases again, over the processes' resubscribed channels.
    const after = await postReport(allInOne.baseUrl, token, 'after-outage');
    expect(after.status).toBe(201);
    for (const board of boards) expect(await board.hears(String(after.body.id), back, 15_000)).toBe(true);
    const liveMs = Date.now() - back;
    for (const board of boards) board.close();

    expect(exitedProcesses(system)).toEqual([]);
    for (const [name, p] of system.processes) expect(p.pid, name).toBe(pids.get(name));
    const slowest = Math.max(...during.map((d) => d.ms));
    log(
      `outage ${(outageMs / 1000).toFixed(1)} s: ${during.length} reports and 1 command acknowledged (slowest ${slowest} ms); ` +
        `after Redis returned: healthy in ${(healthyMs / 1000).toFixed(1)} s, outbox drained in ${(drainedMs / 1000).toFixed(1)} s, ` +
        `every case assigned in ${(resumedMs / 1000).toFixed(1)} s, boards live again within ${(liveMs / 1000).toFixed(1)} s`,
    );
    expect(drainedMs).toBeLessThan(15_000);
  });
});
