/**
 * Issue 13 point 4: a rolling restart under intake load. Reports are POSTed continuously to the
 * running API processes (an all-in-one and an API-only one), as a load balancer spreads them: a
 * refused connection or a 503 is sent again, with the same Idempotency-Key, to the next process.
 * Meanwhile a fresh all-in-one is started and the old one (HTTP and workers) gets SIGTERM. Every
 * report acknowledged (201) is in the database exactly once and reaches verification, no answer
 * is a 5xx other than 503 (and every 503 says Retry-After), and the stopped process exits 0 within
 * SHUTDOWN_TIMEOUT_MS. Beside it, a request that never finishes cannot hold a process past the bound.
 */
import { connect } from 'node:net';
import { createDatabase, type Database } from '@urbangrid/db';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AllInOne, SystemProcess } from '../../bench/support/all-in-one.js';
import { type OwnSystem, postReport, signIn, startOwnSystem } from '../faults/support/own-system.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const shutdownTimeoutMs = 15_000;
const log = (line: string) => process.stdout.write(`[process] ${line}\n`);

/** SIGTERM, then the exit code and how long the process took to exit. */
async function terminate(p: SystemProcess): Promise<{ code: number | null; ms: number }> {
  const started = Date.now();
  const exited = new Promise<number | null>((resolve) => {
    if (p.exited()) resolve(p.child.exitCode);
    else p.child.once('exit', (code) => resolve(code));
  });
  p.child.kill('SIGTERM');
  const code = await exited;
  return { code, ms: Date.now() - started };
}

interface Intake {
  /** Idempotency keys answered 201, with the case id. */
  acknowledged: Map<string, string>;
  /** Every status answered, with its count; `refused` for a connection that failed. */
  statuses: Map<string, number>;
  /** 503 answers without a Retry-After. */
  withoutRetryAfter: number;
  stop(): Promise<void>;
}

/** Reports POSTed continuously by `workers` clients over the processes in `upstreams` (round robin). */
function steadyIntake(upstreams: AllInOne[], token: string, workers = 3): Intake {
  const acknowledged = new Map<string, string>();
  const statuses = new Map<string, number>();
  const count = (status: string) => statuses.set(status, (statuses.get(status) ?? 0) + 1);
  let running = true;
  let next = 0;
  let turn = 0;
  let withoutRetryAfter = 0;
  const client = async (id: number) => {
    while (running) {
      const key = `rolling-${id}-${next++}`;
      for (let attempt = 0; attempt < 50; attempt++) {
        const target = upstreams[turn++ % upstreams.length];
        if (target === undefined) break;
        try {
          const answer = await postReport(target.baseUrl, token, key);
          count(String(answer.status));
          if (answer.status === 201) {
            acknowledged.set(key, String(answer.body.id));
            break;
          }
          if (answer.status === 503 && answer.retryAfter === null) withoutRetryAfter++;
        } catch {
          count('refused');
        }
        await sleep(50);
      }
    }
  };
  const clients = Array.from({ length: workers }, (_, id) => client(id));
  return {
    acknowledged,
    statuses,
    get withoutRetryAfter() {
      return withoutRetryAfter;
    },
    async stop() {
      running = false;
      await Promise.all(clients);
    },
  };
}

describe('graceful shutdown', () => {
  let system: OwnSystem;
  let database: Database;
  let first: AllInOne;
  let second: AllInOne;
  let token: string;
  const env = { SHUTDOWN_TIMEOUT_MS: String(shutdownTimeoutMs) };

  beforeAll(async () => {
    system = await startOwnSystem('shutdown');
    database = createDatabase(system.postgres.url, { max: 2 });
    first = await system.startHttp('all-in-one-1', env);
    second = await system.startHttp('api-only', { ...env, WORKERS: 'false' });
    token = await signIn(first.baseUrl);
  });
  afterAll(async () => {
    await database?.close();
    await system?.cleanup();
  });

  it('a rolling restart under intake load loses nothing acknowledged and answers no 5xx but 503', async () => {
    const upstreams: AllInOne[] = [first, second];
    const intake = steadyIntake(upstreams, token);
    try {
      await sleep(3_000);
      // A rolling deployment: the new process first, then the old one stopped.
      const fresh = await system.startHttp('all-in-one-2', env);
      upstreams.push(fresh);
      const before = intake.acknowledged.size;
      const stopped = terminate(first);
      // The balancer notices a while later: requests keep reaching the draining process.
      await sleep(2_000);
      upstreams.splice(upstreams.indexOf(first), 1);
      const { code, ms } = await stopped;
      log(
        `all-in-one-1 exited ${code} after ${ms} ms; ${intake.acknowledged.size - before} reports acknowledged meanwhile`,
      );
      expect(code).toBe(0);
      expect(ms).toBeLessThan(shutdownTimeoutMs + 10_000);
      await sleep(5_000);
    } finally {
      await intake.stop();
    }
    log(
      `statuses: ${JSON.stringify(Object.fromEntries(intake.statuses))}; acknowledged ${intake.acknowledged.size}`,
    );

    const serverErrors = [...intake.statuses].filter(([status]) => /^5/.test(status) && status !== '503');
    expect(serverErrors).toEqual([]);
    expect(intake.withoutRetryAfter).toBe(0);
    expect(intake.acknowledged.size).toBeGreaterThan(10);

    // Every acknowledged report once, under the case id it was acknowledged with.
    const rows = await database.db.execute<{ key: string; ids: string[] }>(sql`
      select substring(description from '\\[(rolling-[^\\]]+)\\]') as key, array_agg(id) as ids
      from cases group by 1`);
    const stored = new Map(rows.rows.map((row) => [row.key, row.ids]));
    const problems: string[] = [];
    for (const [key, id] of intake.acknowledged) {
      const ids = stored.get(key);
      if (ids === undefined) problems.push(`${key}: acknowledged, not stored`);
      else if (ids.length !== 1 || ids[0] !== id)
        problems.push(`${key}: stored as ${ids.join(', ')}, acknowledged ${id}`);
    }
    for (const [key, ids] of stored)
      if (key !== null && ids.length > 1) problems.push(`${key}: stored ${ids.length} times`);
    expect(problems).toEqual([]);

    // The jobs the stopped process held or had not taken were not lost: every report gets its officer.
    const waiting = new Set(intake.acknowledged.values());
    for (let waited = 0; waiting.size > 0 && waited < 120_000; waited += 1_000) {
      const assigned = await database.db.execute<{ id: string }>(
        sql`select id from cases where state = 'verifying' and assignee is not null`,
      );
      for (const row of assigned.rows) waiting.delete(row.id);
      if (waiting.size > 0) await sleep(1_000);
    }
    expect([...waiting]).toEqual([]);
  });

  it('a request that never finishes holds the process no longer than SHUTDOWN_TIMEOUT_MS', async () => {
    const port = Number(new URL(second.baseUrl).port);
    // A body announced and never sent.
    const socket = connect(port, '127.0.0.1');
    socket.on('error', () => undefined);
    await new Promise((resolve) => socket.once('connect', resolve));
    socket.write(
      'POST /api/auth/login HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"user',
    );
    await sleep(300);
    const { code, ms } = await terminate(second);
    socket.destroy();
    log(`hung request: exited ${code} after ${ms} ms`);
    // Cut short, and said so in the exit code.
    expect(code).toBe(1);
    expect(ms).toBeGreaterThanOrEqual(shutdownTimeoutMs);
    expect(ms).toBeLessThan(shutdownTimeoutMs + 10_000);
  });
});
