/**
 * Issue 10, the fault suite (`npm run test:faults`): under the simulator's load, the all-in-one
 * process is killed with -9 five times, Redis killed and restarted once, PostgreSQL crashed and
 * restarted once (all of them the suite's own). Afterwards every acknowledged report (a 201 the
 * client received) exists exactly once, every case is in a state the lifecycle can reach, the
 * outbox is empty, every running deadline is armed or spent, and every event chain verifies.
 */
import { type CaseCommandType, caseStates, lifecycle } from '@urbangrid/domain';
import { openQueue, verifyChains } from '@urbangrid/engine';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FaultScenario, QUEUE_PREFIX, runFaultScenario } from './support/fault-scenario.js';

const log = (line: string) => process.stdout.write(`[faults] ${line}\n`);

describe('under load: kill -9 ×5, Redis and PostgreSQL restarted', () => {
  let scenario: FaultScenario;

  beforeAll(async () => {
    scenario = await runFaultScenario(log);
  });
  afterAll(async () => {
    await scenario?.cleanup();
  });

  it('ran the load through every fault', () => {
    expect(scenario.faults.filter((f) => f === 'kill -9 the all-in-one process')).toHaveLength(5);
    expect(scenario.faults).toContain('kill -9 and restart Redis');
    expect(scenario.faults).toContain('crash and restart PostgreSQL');
    expect(scenario.tally.acknowledged.length).toBeGreaterThan(50);
    // The clients felt the faults and sent requests again.
    expect(scenario.tally.retries).toBeGreaterThan(0);
  });

  it('stores every acknowledged report exactly once', async () => {
    const { db } = scenario.database;
    const byKey = await db.execute<{ key: string; n: string; ids: string[]; numbers: string[] }>(sql`
      select substring(description from '\\[(faults-[^\\]]+)\\]') as key, count(*) as n,
             array_agg(id) as ids, array_agg(case_no) as numbers
      from cases group by 1`);
    const stored = new Map(byKey.rows.map((row) => [row.key, row]));
    const keys = await db.execute<{ scope: string; key: string; n: string }>(
      sql`select scope, key, count(*) over (partition by scope, key) as n from idempotency_keys`,
    );
    const keyRows = new Map(keys.rows.map((row) => [row.key, row]));
    const problems: string[] = [];
    for (const ack of scenario.tally.acknowledged) {
      const row = stored.get(ack.idempotencyKey);
      if (row === undefined)
        problems.push(`${ack.idempotencyKey}: acknowledged as ${ack.caseNo}, not stored`);
      else if (Number(row.n) !== 1) problems.push(`${ack.idempotencyKey}: stored ${row.n} times`);
      else if (row.ids[0] !== ack.caseId || row.numbers[0] !== ack.caseNo) {
        problems.push(`${ack.idempotencyKey}: acknowledged ${ack.caseNo}, stored ${row.numbers[0]}`);
      }
      if (keyRows.get(ack.idempotencyKey) === undefined)
        problems.push(`${ack.idempotencyKey}: no idempotency record`);
    }
    // A report sent but never answered may or may not exist, but never twice.
    for (const [key, row] of stored) {
      if (key !== null && Number(row.n) > 1) problems.push(`${key}: stored ${row.n} times`);
    }
    expect(problems).toEqual([]);
  });

  it('leaves every case in a state the lifecycle reaches, by commands its table allows', async () => {
    const { db } = scenario.database;
    const cases = await db.execute<{ id: string; state: string; version: number }>(
      sql`select id, state, version from cases`,
    );
    const events = await db.execute<{
      case_id: string;
      seq: number;
      command: string;
      from_state: string | null;
      to_state: string;
    }>(sql`select case_id, seq, command, from_state, to_state from case_events order by case_id, seq`);
    const history = new Map<string, typeof events.rows>();
    for (const event of events.rows) {
      const list = history.get(event.case_id) ?? [];
      list.push(event);
      history.set(event.case_id, list);
    }
    const problems: string[] = [];
    for (const c of cases.rows) {
      if (!(caseStates as readonly string[]).includes(c.state))
        problems.push(`${c.id}: unknown state ${c.state}`);
      const steps = history.get(c.id) ?? [];
      let state: string | null = null;
      for (const [i, step] of steps.entries()) {
        if (step.seq !== i + 1) problems.push(`${c.id}: event ${i + 1} has seq ${step.seq}`);
        if (step.from_state !== state)
          problems.push(`${c.id} seq ${step.seq}: from ${step.from_state}, was ${state}`);
        if (i === 0 && step.command !== 'report') problems.push(`${c.id}: starts with ${step.command}`);
        if (i > 0) {
          const rule = lifecycle[step.command as Exclude<CaseCommandType, 'report'>];
          if (rule === undefined) problems.push(`${c.id} seq ${step.seq}: unknown command ${step.command}`);
          else if (!(rule.from as readonly string[]).includes(step.from_state ?? '')) {
            problems.push(`${c.id} seq ${step.seq}: ${step.command} is not allowed from ${step.from_state}`);
          }
        }
        state = step.to_state;
      }
      if (state !== c.state) problems.push(`${c.id}: state ${c.state} but its events end in ${state}`);
      if (steps.length !== c.version)
        problems.push(`${c.id}: version ${c.version} with ${steps.length} events`);
    }
    expect(cases.rows.length).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  });

  it('leaves the outbox empty', () => {
    expect(scenario.outboxLeft).toBe(0);
  });

  it('keeps every running deadline armed or spent', async () => {
    const { db } = scenario.database;
    const running = await db.execute<{
      id: string;
      stage: string;
      armed: number;
      light: string;
      due: Date;
    }>(sql`
      select id, deadline_stage as stage, deadline_armed_version as armed, light, deadline_due as due
      from cases
      where state not in ('closed', 'rejected', 'cancelled') and deadline_due is not null`);
    const url = new URL(scenario.redisUrl);
    const queue = openQueue('deadline', {
      connection: { host: url.hostname, port: Number(url.port) },
      prefix: QUEUE_PREFIX,
    });
    const problems: string[] = [];
    try {
      for (const c of running.rows) {
        // The timer of the stage's next light: yellow while green, red (armed by the yellow one
        // that turned it) while yellow; a red light has nothing left to arm.
        if (c.light === 'red') continue;
        const next = c.light === 'green' ? 'yellow' : 'red';
        const jobId = `deadline-${c.id}-${c.stage}-v${c.armed}-${next}`;
        const state = await queue.getJobState(jobId);
        const armed = ['delayed', 'waiting', 'prioritized', 'active', 'waiting-children'].includes(state);
        if (!armed && state !== 'completed') {
          problems.push(`${c.id}: ${c.stage} ${next} timer (deadline ${String(c.due)}) is ${state}`);
        }
      }
    } finally {
      await queue.close();
    }
    log(`${running.rows.length} running deadlines checked`);
    expect(running.rows.length).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  });

  it('verifies every event chain', async () => {
    const report = await verifyChains(scenario.database.db);
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.casesChecked).toBeGreaterThan(0);
  });
});
