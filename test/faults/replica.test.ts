/**
 * Reports from a replica (DATABASE_REPLICA_URL): a real primary and a hot standby made from it
 * with pg_basebackup, on free ports. An API process configured with the standby serves the
 * supervision reports and the ledger export from it while its commands go to the primary; with
 * the standby's replay paused its reports stay where the standby is, and when the standby stops
 * they read from the primary instead of failing.
 */
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AllInOne } from '../../bench/support/all-in-one.js';
import { type OwnPostgres, startOwnStandby } from './support/own-servers.js';
import { getJson, type OwnSystem, postReport, signIn, startOwnSystem } from './support/own-system.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await probe().catch(() => undefined);
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(250);
  }
}

async function onStandby(standby: OwnPostgres, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: standby.url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** The ledger (台账) CSV of the cases whose text holds `key`, as the API process answers it. */
async function ledger(api: AllInOne, token: string, key: string): Promise<{ status: number; text: string }> {
  const response = await fetch(`${api.baseUrl}/api/cases?q=${encodeURIComponent(key)}&format=csv`, {
    headers: { authorization: `Bearer ${token}` },
    signal: AbortSignal.timeout(15_000),
  });
  return { status: response.status, text: await response.text() };
}

/** Hohhot's received count over today in the region report (the region supervisor's). */
async function receivedInHohhot(process: AllInOne, token: string): Promise<number | undefined> {
  // Hohhot's local day (Asia/Shanghai), as the report counts it.
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
  const answer = await getJson(
    process.baseUrl,
    token,
    `/api/supervision/reports/region?from=${day}&to=${day}`,
  );
  if (answer.status !== 200) return undefined;
  const rows = answer.body.rows as Array<{ key: string; totals: { received: number } }>;
  return rows.find((row) => row.key === '1501')?.totals.received;
}

describe('reports from a streaming replica (DATABASE_REPLICA_URL)', () => {
  let system: OwnSystem;
  let standby: OwnPostgres;
  let primaryApi: AllInOne;
  let replicaApi: AllInOne;

  beforeAll(async () => {
    system = await startOwnSystem('replica', { logLevel: 'warn' });
    // The all-in-one migrates, seeds and runs the workers; it reads its reports from the primary.
    primaryApi = await system.startHttp('primary');
    standby = await startOwnStandby(system.postgres, path.join(system.directory, 'standby'));
    replicaApi = await system.startHttp('reports', {
      WORKERS: 'false',
      DATABASE_REPLICA_URL: standby.url,
    });
  });
  afterAll(async () => {
    await standby?.stop();
    await system?.cleanup();
  });

  it('serves the ledger and the region report from the standby while commands go to the primary', async () => {
    const operator = await signIn(replicaApi.baseUrl, 'operator1');
    const region = await signIn(replicaApi.baseUrl, 'region1');
    const before = await until('the region report', () => receivedInHohhot(replicaApi, region));

    await onStandby(standby, 'select pg_wal_replay_pause()');
    const key = `replica-${Date.now()}`;
    // A command through the API process that knows the replica: it writes to the primary (the
    // standby is read-only and would refuse it).
    const reported = await postReport(replicaApi.baseUrl, operator, key);
    expect(reported.status).toBe(201);
    const list = await getJson(replicaApi.baseUrl, operator, `/api/cases?q=${key}`);
    expect((list.body.items as unknown[]).length, 'the case list reads the primary').toBe(1);

    // The primary's own report counts it once the rollup has it …
    await until('the primary to count the report', async () => {
      const received = await receivedInHohhot(primaryApi, region);
      return received !== undefined && received > before ? received : undefined;
    });
    // … while the standby, its replay paused, does not have it yet: neither do its reports.
    expect(await receivedInHohhot(replicaApi, region)).toBe(before);
    const stale = await ledger(replicaApi, operator, key);
    expect(stale.status).toBe(200);
    expect(stale.text).not.toContain(key);

    await onStandby(standby, 'select pg_wal_replay_resume()');
    await until('the standby to replay the report', async () => {
      const fresh = await ledger(replicaApi, operator, key);
      return fresh.text.includes(key) ? fresh : undefined;
    });
    expect(await receivedInHohhot(replicaApi, region)).toBeGreaterThan(before);
  });

  it('reads from the primary while the standby is away, and no process exits', async () => {
    const operator = await signIn(replicaApi.baseUrl, 'operator1');
    await standby.stop();
    const key = `primary-${Date.now()}`;
    expect((await postReport(replicaApi.baseUrl, operator, key)).status).toBe(201);
    // Within a probe of the standby's going, the ledger answers from the primary.
    const answered = await until('the ledger to read the primary', async () => {
      const answer = await ledger(replicaApi, operator, key);
      return answer.status === 200 && answer.text.includes(key) ? answer : undefined;
    });
    expect(answered.status).toBe(200);
    expect(system.unexpectedExits()).toEqual([]);
  });
});
