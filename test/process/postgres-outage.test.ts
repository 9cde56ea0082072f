/**
 * Issue 13 point 2: PostgreSQL stopped under running processes — the all-in-one, an API-only one
 * (WORKERS=false) and a worker-only one (HTTP=false). None exits; while the server is away every
 * request that needs it answers 503 SERVICE_UNAVAILABLE with Retry-After and /health names
 * PostgreSQL; once it is back the same processes (no restart) answer again, and the work
 * acknowledged before the outage is carried on.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

describe('PostgreSQL stopped and started under running processes', () => {
  let system: OwnSystem;
  let allInOne: AllInOne;
  let apiOnly: AllInOne;
  let token: string;
  const pids = new Map<string, number>();

  beforeAll(async () => {
    system = await startOwnSystem('pg-outage');
    allInOne = await system.startHttp('all-in-one');
    apiOnly = await system.startHttp('api-only', { WORKERS: 'false' });
    await system.startWorkers('workers-only');
    for (const [name, p] of system.processes) pids.set(name, p.pid);
    token = await signIn(allInOne.baseUrl);
  });
  afterAll(async () => {
    await system?.cleanup();
  });

  it('answers 503 with Retry-After while it is away, exits nowhere, and resumes by itself', async () => {
    const before = await postReport(allInOne.baseUrl, token, 'before-outage');
    expect(before.status).toBe(201);
    // Acknowledged just before the stop: its follow-up work meets the outage.
    const last = await postReport(apiOnly.baseUrl, token, 'just-before-outage');
    expect(last.status).toBe(201);

    await system.postgres.stop();
    const during: Answer[] = [];
    for (let round = 0; round < 4; round++) {
      for (const [i, process] of [allInOne, apiOnly].entries()) {
        during.push(await postReport(process.baseUrl, token, `during-${round}-${i}`));
        during.push(await getJson(process.baseUrl, token, `/api/cases/${String(before.body.id)}`));
        during.push(await getJson(process.baseUrl, token, '/api/cases?pageSize=5'));
        const health = await getJson(process.baseUrl, token, '/health');
        expect(health.body.detail).toBe('PostgreSQL did not answer');
        during.push(health);
      }
      // Workers, relay and pools keep meeting the outage meanwhile.
      await sleep(2_000);
    }
    for (const answer of during) {
      expect(answer.status, JSON.stringify(answer.body)).toBe(503);
      expect(answer.body.code).toBe('SERVICE_UNAVAILABLE');
      expect(Number(answer.retryAfter)).toBeGreaterThan(0);
    }
    expect(exitedProcesses(system)).toEqual([]);

    await system.postgres.start();
    // The pools reconnect by themselves: the very processes answer again.
    await allInOne.healthy(60_000);
    await apiOnly.healthy(60_000);
    const after = await postReport(apiOnly.baseUrl, token, 'after-outage');
    expect(after.status).toBe(201);
    expect((await postReport(allInOne.baseUrl, token, 'after-outage-2')).status).toBe(201);
    // A report refused during the outage is simply sent again, and taken.
    expect((await postReport(allInOne.baseUrl, token, 'during-0-0')).status).toBe(201);

    // Everything acknowledged reaches verification with the grid's officer: the jobs that met the
    // outage were retried, none was lost.
    for (const id of [before.body.id, last.body.id, after.body.id].map(String)) {
      let view: Answer | undefined;
      for (let waited = 0; waited < 60_000; waited += 500) {
        view = await getJson(allInOne.baseUrl, token, `/api/cases/${id}`);
        if (view.body.state === 'verifying' && view.body.assignee !== null) break;
        await sleep(500);
      }
      expect(view?.body).toMatchObject({ state: 'verifying', assignee: expect.any(String) });
    }
    expect(exitedProcesses(system)).toEqual([]);
    for (const [name, p] of system.processes) expect(p.pid, name).toBe(pids.get(name));
  });
});
